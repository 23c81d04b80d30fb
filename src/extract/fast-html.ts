/**
 * A small, fast, forgiving HTML tree builder for article extraction.
 *
 * Why not htmlparser2/parse5: on a 45 KB news page their tokenisers alone cost several times the
 * whole rest of the extraction, and the target is over a thousand pages a second per core. A
 * single sticky regex finds tags, comments and text runs; attributes are parsed lazily; entity
 * decoding (the `entities` library) runs only on strings that contain `&`. Tree building follows
 * the HTML rules that matter for news markup: void elements, raw-text elements, implied end tags
 * for `p`, `li`, `dt`/`dd`, table cells/rows and `option`, and tolerant end-tag matching. It is
 * not a spec-complete HTML5 parser (no foster parenting, no adoption agency): the extractor only
 * needs blocks, text and attributes in the right nesting.
 */
import { decodeHTML, decodeHTMLAttribute } from 'entities';
import { CLOSES_P, IMPLIED_END_SCOPE as SCOPE, IMPLIED_ENDS as IMPLIED, RAW_TEXT_TAGS as RAW_TEXT, VOID_TAGS as VOID } from './html-tag-rules.js';

/** A text node. */
export class TextNode {
  readonly type = 'text' as const;
  parent: ElementNode | DocumentNode | null = null;
  constructor(public data: string) {}
}

/** An element. `type` is `script`/`style` for those elements, `tag` otherwise. */
export class ElementNode {
  readonly type: 'tag' | 'script' | 'style';
  parent: ElementNode | DocumentNode | null = null;
  readonly children: HtmlNode[] = [];
  /** Memo slot for callers that classify elements (class/id hint flags); -1 = not computed. */
  hintFlags = -1;
  private parsedAttribs: Record<string, string> | null = null;
  private rawLower: string | null = null;
  constructor(readonly name: string, private readonly rawAttribs: string) {
    this.type = name === 'script' ? 'script' : name === 'style' ? 'style' : 'tag';
  }
  /** Attributes by lower-cased name, values entity-decoded; parsed on first access. */
  get attribs(): Record<string, string> {
    return (this.parsedAttribs ??= parseAttributes(this.rawAttribs));
  }
  /**
   * One attribute (lower-case `name`) without parsing the others: most elements are asked for
   * `class`, `id` or `style` thousands of times per page, and most do not have what is asked.
   */
  attr(name: string): string | undefined {
    if (this.parsedAttribs !== null) return this.parsedAttribs[name];
    if (this.rawAttribs === '') return undefined;
    this.rawLower ??= this.rawAttribs.toLowerCase();
    const at = this.rawLower.indexOf(name);
    if (at === -1) return undefined;
    if (this.rawLower.indexOf(name, at + name.length) !== -1) return this.attribs[name];
    // The name occurs once: read just that attribute (or learn it was part of another value).
    const m = singleAttributePattern(name).exec(this.rawAttribs);
    if (m === null) return undefined;
    const value = m[1] ?? m[2] ?? m[3] ?? '';
    return value.includes('&') ? decodeHTMLAttribute(value) : value;
  }
}

const singlePatterns = new Map<string, RegExp>();
function singleAttributePattern(name: string): RegExp {
  let pattern = singlePatterns.get(name);
  if (!pattern) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
    pattern = new RegExp(`(?:^|\\s)${escaped}(?:\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>"']+)))?(?=[\\s/>]|$)`, 'i');
    singlePatterns.set(name, pattern);
  }
  return pattern;
}

/** The document root. */
export class DocumentNode {
  readonly type = 'root' as const;
  readonly parent = null;
  readonly children: HtmlNode[] = [];
}

/** Any node below the root. */
export type HtmlNode = ElementNode | TextNode;

// Tag (attribute part bounded so a stray quote cannot make the scan quadratic), comment,
// doctype/processing instruction, text run, or a lone `<`.
const TOKEN = /<(\/?)([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]{0,20000}"|'[^']{0,20000}'){0,4000})>|<!--[\s\S]*?(?:-->|$)|<[!?][^>]*>|[^<]+|</g;
const ATTRIBUTE = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

/** Parse HTML into a light tree of {@link ElementNode} and {@link TextNode}. */
export function parseFastHtml(html: string): DocumentNode {
  const root = new DocumentNode();
  const stack: (ElementNode | DocumentNode)[] = [root];
  let current: ElementNode | DocumentNode = root;
  const append = (node: HtmlNode): void => {
    const last = current.children[current.children.length - 1];
    if (node instanceof TextNode && last instanceof TextNode) {
      last.data += node.data;
      return;
    }
    node.parent = current;
    current.children.push(node);
  };
  const closeTo = (index: number): void => {
    stack.length = index;
    current = stack[index - 1]!;
  };

  TOKEN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = TOKEN.exec(html)) !== null) {
    const token = match[0];
    const rawName = match[2];
    if (rawName === undefined) {
      if (token.charCodeAt(0) !== 60 /* < */ || token.length === 1) append(new TextNode(decodeText(token)));
      continue;
    }
    const name = rawName.toLowerCase();
    if (match[1] === '/') {
      if (name === 'br') {
        append(new ElementNode('br', ''));
        continue;
      }
      for (let i = stack.length - 1; i > 0; i--) {
        if ((stack[i] as ElementNode).name === name) {
          closeTo(i);
          break;
        }
      }
      continue;
    }
    closeImplied(name, stack, closeTo);
    current = stack[stack.length - 1]!;
    const rawAttribs = match[3] ?? '';
    const element = new ElementNode(name, rawAttribs);
    append(element);
    if (VOID.has(name) || rawAttribs.endsWith('/')) continue;
    if (RAW_TEXT.has(name)) {
      const end = findClosing(html, name, TOKEN.lastIndex);
      const text = html.slice(TOKEN.lastIndex, end.start);
      if (text !== '') {
        const node = new TextNode(name === 'title' || name === 'textarea' ? decodeText(text) : text);
        node.parent = element;
        element.children.push(node);
      }
      TOKEN.lastIndex = end.next;
      continue;
    }
    stack.push(element);
    current = element;
  }
  return root;
}

function closeImplied(name: string, stack: (ElementNode | DocumentNode)[], closeTo: (index: number) => void): void {
  const top = stack[stack.length - 1];
  if (CLOSES_P.has(name) && top instanceof ElementNode && top.name === 'p') closeTo(stack.length - 1);
  const rule = IMPLIED[name];
  if (!rule) return;
  for (let i = stack.length - 1; i > 0; i--) {
    const el = stack[i] as ElementNode;
    if (rule.targets.includes(el.name)) {
      closeTo(i);
      return;
    }
    if (SCOPE.has(el.name) && !rule.through.includes(el.name)) return;
  }
}

function findClosing(html: string, name: string, from: number): { start: number; next: number } {
  const closing = new RegExp(`</${name}\\s*>`, 'gi');
  closing.lastIndex = from;
  const hit = closing.exec(html);
  return hit ? { start: hit.index, next: hit.index + hit[0].length } : { start: html.length, next: html.length };
}

function decodeText(text: string): string {
  return text.includes('&') ? decodeHTML(text) : text;
}

function parseAttributes(raw: string): Record<string, string> {
  const attribs: Record<string, string> = {};
  if (raw === '') return attribs;
  ATTRIBUTE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ATTRIBUTE.exec(raw)) !== null) {
    const key = m[1]!.toLowerCase();
    if (key in attribs) continue;
    const value = m[2] ?? m[3] ?? m[4] ?? '';
    attribs[key] = value.includes('&') ? decodeHTMLAttribute(value) : value;
  }
  return attribs;
}
