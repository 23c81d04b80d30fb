/**
 * Main article text by readability-style content scoring, in two linear passes:
 *
 * 1. Measure: every paragraph-like block of 25+ characters scores `1 + commas + min(len/100, 3)`,
 *    added in full to its parent, half to its grandparent and a sixth to the next ancestor.
 *    Containers start from a tag base and ±25 for class/id hints (content/detail/fck_detail vs
 *    related/tin-lien-quan/comment/binh-luan/ads/quang-cao/share/tags/sidebar/footer). The best
 *    container, scaled by (1 − link density), wins; strong siblings join it (split bodies).
 * 2. Emit: flatten the chosen subtrees into paragraphs at block boundaries and `<br>`, skipping
 *    furniture, then drop link lists, date lines and the trailing byline (returned separately).
 */
import type { AnyNode, Document, Element } from './dom.js';
import { isElement, isHidden, normaliseSpace, textOf } from './dom.js';
import { boilerplateStrength, classWeight } from './hints.js';
import { parseVietnameseDate } from './dates.js';

const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'iframe', 'form', 'button', 'select', 'textarea', 'input', 'nav', 'aside',
  'footer', 'header', 'object', 'embed', 'canvas', 'map', 'video', 'audio', 'head', 'title', 'meta', 'link', 'ins',
]);
const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'pre', 'table',
  'tbody', 'thead', 'tr', 'td', 'th', 'figure', 'figcaption', 'dl', 'dt', 'dd', 'hr', 'center', 'address', 'body', 'caption',
]);
const PARAGRAPH_TAGS = new Set(['p', 'pre', 'blockquote', 'td']);
const TAG_BASE: Record<string, number> = { div: 5, article: 8, section: 3, main: 3, pre: 3, td: 3, blockquote: 3, form: -3, ol: -3, ul: -3, li: -3, dl: -3, h2: -5, h3: -5, th: -5 };
const MIN_PARAGRAPH = 25;

/** One paragraph of output. */
interface Paragraph { text: string; linkShare: number; emphasisShare: number; rightAligned: boolean }

/** Main text as paragraphs, the trailing byline if one was split off, and the first body image. */
export interface MainText {
  paragraphs: string[];
  byline: string | null;
  imageSrc: string | null;
}

interface Stats { text: number; link: number; score: number; candidate: boolean }

/**
 * Extract the article body.
 * @param exclude elements already used elsewhere (headline h1, lead/sapo) that must not repeat
 * @param repeated texts (title, lead) that must not reappear as paragraphs
 */
export function extractMainText(doc: Document, exclude: ReadonlySet<Element>, repeated: readonly string[]): MainText {
  const stats = new Map<Element, Stats>();
  const skipForScoring = (el: Element): boolean =>
    SKIP_TAGS.has(el.name) || exclude.has(el) || isHidden(el) || boilerplateStrength(el) === 'strong';
  const skipForText = (el: Element): boolean => skipForScoring(el) || boilerplateStrength(el) === 'weak';

  const measure = (node: AnyNode): { text: number; link: number } => {
    if (node.type === 'text') return { text: node.data.trim().length, link: 0 };
    if (!isElement(node) && node.type !== 'root') return { text: 0, link: 0 };
    if (isElement(node) && (node.type !== 'tag' || skipForScoring(node))) return { text: 0, link: 0 };
    let text = 0, link = 0, directText = 0, directCommas = 0;
    for (const child of (node as Element).children) {
      const m = measure(child);
      text += m.text;
      link += m.link;
      if (child.type === 'text' && m.text > 0) {
        directText += m.text;
        directCommas += countCommas(child.data);
      }
    }
    if (!isElement(node)) return { text, link };
    if (node.name === 'a') link = text;
    const own = statsFor(node, stats);
    own.text = text;
    own.link = link;
    if (PARAGRAPH_TAGS.has(node.name) && text >= MIN_PARAGRAPH) award(node, 1 + countCommas(textOf(node)) + Math.min(Math.floor(text / 100), 3), stats);
    else if (!PARAGRAPH_TAGS.has(node.name) && directText >= MIN_PARAGRAPH) award(node, 1 + directCommas + Math.min(Math.floor(directText / 100), 3), stats);
    return { text, link };
  };
  measure(doc as unknown as AnyNode);

  const top = bestCandidate(stats) ?? findBody(doc);
  if (!top) return { paragraphs: [], byline: null, imageSrc: null };
  const chosen = withStrongSiblings(top, stats);
  const emitter = new Emitter(skipForText);
  // The chosen roots themselves are never skipped: a main column may be named `sidebar-1`.
  for (const el of chosen) {
    for (const child of el.children) emitter.walk(child, false, false, isRightAligned(el));
    emitter.flush();
  }
  emitter.flush();
  return finish(emitter.paragraphs, repeated, emitter.imageSrc);
}

function statsFor(el: Element, stats: Map<Element, Stats>): Stats {
  let s = stats.get(el);
  if (!s) {
    s = { text: 0, link: 0, score: 0, candidate: false };
    stats.set(el, s);
  }
  return s;
}

/** Credit a paragraph's score to the containers above it (the paragraph itself, for a div with direct text). */
function award(el: Element, score: number, stats: Map<Element, Stats>): void {
  const divisors = el.name === 'div' || el.name === 'section' ? [1, 1, 2, 6] : [0, 1, 2, 6];
  let node: Element | null = el;
  for (const divisor of divisors) {
    if (!node || !isElement(node)) break;
    if (divisor > 0) {
      const s = statsFor(node, stats);
      if (!s.candidate) {
        s.candidate = true;
        s.score += (TAG_BASE[node.name] ?? 0) + classWeight(node);
      }
      s.score += score / divisor;
    }
    const parent: AnyNode | null = node.parent;
    node = parent && isElement(parent) ? parent : null;
  }
}

function bestCandidate(stats: Map<Element, Stats>): Element | null {
  let best: Element | null = null;
  let bestScore = -Infinity;
  for (const [el, s] of stats) {
    if (!s.candidate) continue;
    const final = s.score * (1 - Math.min(1, s.link / Math.max(1, s.text)));
    s.score = final;
    if (final > bestScore) {
      bestScore = final;
      best = el;
    }
  }
  return best;
}

function withStrongSiblings(top: Element, stats: Map<Element, Stats>): Element[] {
  const parent = top.parent;
  if (!parent || !('children' in parent)) return [top];
  const topScore = stats.get(top)?.score ?? 0;
  const threshold = Math.max(10, topScore * 0.2);
  const chosen: Element[] = [];
  for (const sibling of parent.children) {
    if (!isElement(sibling)) continue;
    if (sibling === top) {
      chosen.push(sibling);
      continue;
    }
    const s = stats.get(sibling);
    if (!s || s.text === 0) continue;
    const density = s.link / Math.max(1, s.text);
    if ((s.candidate && s.score >= threshold) || (sibling.name === 'p' && s.text > 80 && density < 0.25)) chosen.push(sibling);
  }
  return chosen;
}

function findBody(doc: Document): Element | null {
  const search = (nodes: AnyNode[]): Element | null => {
    for (const n of nodes) {
      if (!isElement(n)) continue;
      if (n.name === 'body') return n;
      const hit = search(n.children);
      if (hit) return hit;
    }
    return null;
  };
  return search(doc.children);
}

class Emitter {
  readonly paragraphs: Paragraph[] = [];
  imageSrc: string | null = null;
  private buffer = '';
  private linkChars = 0;
  private emphasisChars = 0;
  private rightAligned = false;

  constructor(private readonly skip: (el: Element) => boolean) {}

  walk(node: AnyNode, inLink: boolean, inEmphasis: boolean, right: boolean): void {
    if (node.type === 'text') {
      this.buffer += node.data;
      const len = node.data.trim().length;
      if (inLink) this.linkChars += len;
      if (inEmphasis) this.emphasisChars += len;
      if (right) this.rightAligned = true;
      return;
    }
    if (!isElement(node) || node.type !== 'tag' || this.skip(node)) return;
    const name = node.name;
    if (name === 'br') return this.flush();
    if (name === 'img' || name === 'amp-img') {
      this.imageSrc ??= node.attr('data-src') ?? node.attr('src') ?? null;
      return;
    }
    const block = BLOCK_TAGS.has(name);
    if (block) this.flush();
    const alignRight = right || (block && isRightAligned(node));
    const link = inLink || name === 'a';
    const emphasis = inEmphasis || name === 'strong' || name === 'b';
    for (const child of node.children) this.walk(child, link, emphasis, alignRight);
    if (block) this.flush();
  }

  flush(): void {
    const text = normaliseSpace(this.buffer);
    if (text !== '') {
      const len = text.replace(/\s/g, '').length || 1;
      this.paragraphs.push({ text, linkShare: this.linkChars / len, emphasisShare: this.emphasisChars / len, rightAligned: this.rightAligned });
    }
    this.buffer = '';
    this.linkChars = 0;
    this.emphasisChars = 0;
    this.rightAligned = false;
  }
}

function isRightAligned(el: Element): boolean {
  return el.attr('align') === 'right' || /text-align\s*:\s*right/i.test(el.attr('style') ?? '');
}

function finish(paragraphs: Paragraph[], repeated: readonly string[], imageSrc: string | null): MainText {
  const seen = new Set(repeated.map((r) => normaliseSpace(r)));
  const kept: Paragraph[] = [];
  for (const p of paragraphs) {
    if (seen.has(p.text)) continue;
    if (p.linkShare > 0.5) continue;
    if (p.text.length <= 60 && parseVietnameseDate(p.text) !== null) continue;
    seen.add(p.text);
    kept.push(p);
  }
  let byline: string | null = null;
  const last = kept[kept.length - 1];
  if (last && last.text.length <= 60 && (last.emphasisShare >= 0.8 || last.rightAligned) && looksLikeNames(last.text)) {
    byline = last.text;
    kept.pop();
  }
  return { paragraphs: kept.map((p) => p.text), byline, imageSrc };
}

/** `Võ Hải`, `Minh Anh - Thu Hà`, `Hoài Thu (TTXVN)`: capitalised words, no sentence punctuation. */
function looksLikeNames(text: string): boolean {
  const words = text.replace(/\([^)]*\)/g, ' ').split(/[\s,/&–-]+/).filter(Boolean);
  if (words.length === 0 || words.length > 8 || /[.!?:;]$/.test(text.trim()) || /\d/.test(text)) return false;
  return words.every((w) => /^\p{Lu}/u.test(w) || w === 'và');
}

function countCommas(text: string): number {
  let n = 0;
  for (let i = text.indexOf(','); i !== -1; i = text.indexOf(',', i + 1)) n++;
  return n;
}
