/**
 * A linear guard against absurdly deep HTML before it reaches a tree builder.
 *
 * Why: parse5 (cheerio's HTML parser) is quadratic in nesting depth — 7 s at 16k levels, minutes
 * at 100k — and every recursive walk over such a tree (cheerio `text()`, our own walkers) runs
 * out of stack. No real page nests more than a few dozen levels, so tags beyond a cap are
 * *flattened*: their start and end tags are removed (a space left for block tags) and their text
 * stays where it was, in the deepest kept element. Nothing readable is lost; only structure no site has on purpose.
 */

import { CLOSE_P, CLOSES_P, IMPLIED_END_SCOPE as SCOPE, IMPLIED_ENDS as IMPLIED, RAW_TEXT_TAGS as RAW_TEXT, VOID_TAGS as VOID } from '../extract/html-tag-rules.js';

/** Deepest element nesting kept; tags below it are flattened (news pages nest < 60 levels). */
export const MAX_HTML_DEPTH = 512;

/** Result of {@link capHtmlDepth}. */
export interface CappedHtml {
  /** The HTML, unchanged unless some tags were flattened. */
  html: string;
  /** Start tags removed because they opened beyond the cap (their end tags went too). */
  flattenedTags: number;
}

/** How far down the stack an implied end tag is looked for (bounds the work per tag). */
const IMPLIED_REACH = 64;
/** Flattened tags of these names leave a space so block text does not run together. */
const BLOCKS = new Set([...CLOSES_P, 'li', 'tr', 'td', 'th', 'br', 'dd', 'dt', 'figcaption']);
// Tag (attribute part bounded so a stray quote cannot make the scan quadratic), comment,
// doctype/processing instruction/CDATA, or anything else up to the next `<`.
const TOKEN = /<(\/?)([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]{0,20000}"|'[^']{0,20000}'){0,4000})>|<!--[\s\S]*?(?:-->|$)|<[!?][^>]*>|[^<]+|</g;

/**
 * Flatten the tags of `html` that nest deeper than `maxDepth`, in one linear pass. The depth
 * model follows the HTML rules that matter for counting (void elements, raw-text elements,
 * implied end tags of `p`/`li`/cells, stray end tags ignored), so ordinary pages with thousands
 * of unclosed `<li>` or `<p>` are left alone.
 */
export function capHtmlDepth(html: string, maxDepth = MAX_HTML_DEPTH): CappedHtml {
  // Fewer tags than the cap cannot nest beyond it.
  if (html.length < maxDepth * 3 || countOf(html, '<', maxDepth + 1) <= maxDepth) return { html, flattenedTags: 0 };
  const stack: string[] = [];
  const openCount = new Map<string, number>();
  const flattenedOpen = new Map<string, number>();
  const cuts: [number, number, string][] = [];
  let flattenedTags = 0;
  const push = (name: string): void => {
    stack.push(name);
    openCount.set(name, (openCount.get(name) ?? 0) + 1);
  };
  const closeImplied = (rule: { targets: readonly string[]; through: readonly string[] }): void => {
    for (let i = stack.length - 1; i >= 0 && i >= stack.length - IMPLIED_REACH; i--) {
      const open = stack[i]!;
      if (rule.targets.includes(open)) return popTo(i);
      if (SCOPE.has(open) && !rule.through.includes(open)) return;
    }
  };
  const popTo = (length: number): void => {
    while (stack.length > length) {
      const name = stack.pop()!;
      openCount.set(name, openCount.get(name)! - 1);
    }
  };

  TOKEN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = TOKEN.exec(html)) !== null) {
    const rawName = match[2];
    if (rawName === undefined) continue;
    const name = rawName.toLowerCase();
    const start = match.index;
    const end = TOKEN.lastIndex;
    if (match[1] === '/') {
      const dropped = flattenedOpen.get(name) ?? 0;
      if (dropped > 0) {
        // In well-nested markup the flattened elements are the innermost ones: close them first.
        flattenedOpen.set(name, dropped - 1);
        cuts.push([start, end, BLOCKS.has(name) ? ' ' : '']);
      } else if ((openCount.get(name) ?? 0) > 0) {
        popTo(stack.lastIndexOf(name));
      }
      continue;
    }
    if (CLOSES_P.has(name)) closeImplied(CLOSE_P);
    const rule = IMPLIED[name];
    if (rule) closeImplied(rule);
    if (RAW_TEXT.has(name)) {
      TOKEN.lastIndex = closingOf(html, name, end);
      continue;
    }
    if (VOID.has(name) || match[3]!.endsWith('/')) continue;
    if (stack.length >= maxDepth) {
      flattenedOpen.set(name, (flattenedOpen.get(name) ?? 0) + 1);
      cuts.push([start, end, BLOCKS.has(name) ? ' ' : '']);
      flattenedTags++;
      continue;
    }
    push(name);
  }
  return flattenedTags === 0 ? { html, flattenedTags } : { html: cut(html, cuts), flattenedTags };
}

function countOf(text: string, ch: string, stopAt: number): number {
  let count = 0;
  for (let at = text.indexOf(ch); at !== -1 && count < stopAt; at = text.indexOf(ch, at + 1)) count++;
  return count;
}

function closingOf(html: string, name: string, from: number): number {
  const closing = new RegExp(`</${name}\\s*>`, 'gi');
  closing.lastIndex = from;
  return closing.exec(html) ? closing.lastIndex : html.length;
}

function cut(html: string, cuts: [number, number, string][]): string {
  const parts: string[] = [];
  let from = 0;
  for (const [start, end, replacement] of cuts) {
    parts.push(html.slice(from, start), replacement);
    from = end;
  }
  parts.push(html.slice(from));
  return parts.join('');
}
