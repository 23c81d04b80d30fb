/**
 * Tiny DOM builder. Crawled text is untrusted, so every string becomes a text node; there is no
 * way to pass HTML. Attributes are set one by one and `on*` attributes are refused.
 */
export type Child = Node | string | number | null | undefined | false | Child[];

/** Attributes and listeners of {@link h}. */
export interface Props {
  [name: string]: string | number | boolean | null | undefined | EventListener | Record<string, string>;
}

/** Append children (strings become text nodes). */
export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, ...child);
    else if (typeof child === 'string' || typeof child === 'number') parent.appendChild(document.createTextNode(String(child)));
    else parent.appendChild(child);
  }
}

/**
 * Create an element.
 * @example
 * h('a', { href: '#/items/1', class: 'title' }, item.title)
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props | null = null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2).toLowerCase(), value as EventListener);
    } else if (name.startsWith('on')) {
      throw new Error(`refusing inline handler attribute ${name}`);
    } else if (name === 'dataset' && typeof value === 'object') {
      for (const [k, v] of Object.entries(value as Record<string, string>)) el.dataset[k] = v;
    } else if (name === 'href' || name === 'src') {
      el.setAttribute(name, safeUrl(String(value)));
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(el, ...children);
  return el;
}

/** Only http(s), same-page and relative links: `javascript:` and `data:` URLs become `#`. */
export function safeUrl(url: string): string {
  const trimmed = url.trim();
  if (trimmed.startsWith('#') || trimmed.startsWith('/')) return trimmed.startsWith('//') ? '#' : trimmed;
  try {
    const parsed = new URL(trimmed);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : '#';
  } catch {
    return '#';
  }
}

/** Replace the children of an element. */
export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}
