/**
 * One linear pass over the page that gathers every metadata clue the extractor weighs: meta
 * tags, link rels, JSON-LD blocks, h1s, lead/sapo candidates, date and author strings. Clues
 * inside comment sections and related-news boxes are ignored: their dates and bylines belong
 * to other articles.
 */
import type { AnyNode, Document, Element } from './dom.js';
import { isElement, normaliseSpace, textOf } from './dom.js';
import { flagsOf, Hint } from './hints.js';

/** Lead/sapo class names in order of trust (exact class tokens). */
const LEAD_CLASSES = [
  'sapo', 'detail-sapo', 'singular-sapo', 'article__sapo', 'article-sapo', 'sapo-detail', 'sapo_detail', 'news-sapo',
  'chapeau', 'the-article-summary', 'description', 'article__summary', 'detail__summary', 'lead', 'summary',
];
const LEAD_PRIORITY = new Map(LEAD_CLASSES.map((c, i) => [c, i]));
const LEAD_HINT = /sapo|chapeau|summary|description|lead/i;
const DATE_SHAPE = /\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\d{4}-\d{2}-\d{2}|tháng\s*\d/i;
const NEAR_TITLE_TEXT_NODES = 40;

/** Clues gathered from one page. */
export interface PageFacts {
  /** `meta` contents by lower-cased property/name/itemprop, in document order. */
  meta: Map<string, string[]>;
  canonicalHref: string | null;
  ampHref: string | null;
  imageSrcHref: string | null;
  /** Raw JSON-LD script bodies. */
  jsonLd: string[];
  titleTag: string | null;
  /** h1 elements with their text, outside ads/share/related boxes. */
  h1s: { el: Element; text: string }[];
  /** True when the page itself is an AMP document (`<html amp>` / `<html ⚡>`). */
  isAmp: boolean;
  lead: { el: Element; text: string; priority: number } | null;
  /** `datetime`/`content` of `<time>` and `[itemprop=datePublished]` elements. */
  publishedAttrs: string[];
  modifiedAttrs: string[];
  /** Short texts of date-hinted elements, then date-shaped text right after the title. */
  dateTexts: string[];
  authorTexts: string[];
  breadcrumbs: string[];
  /** Texts of visible tag links (`.tags a`, `a.tag-item`, `a[rel=tag]`), the fallback when no meta keywords exist. */
  visibleTags: string[];
}

interface WalkState { foreign: boolean; furniture: boolean; tags: boolean }

/** Gather the page's metadata clues in one pass. */
export function collectPageFacts(doc: Document): PageFacts {
  const facts: PageFacts = {
    meta: new Map(), canonicalHref: null, ampHref: null, imageSrcHref: null, jsonLd: [], titleTag: null, h1s: [], isAmp: false,
    lead: null, publishedAttrs: [], modifiedAttrs: [], dateTexts: [], authorTexts: [], breadcrumbs: [], visibleTags: [],
  };
  let textNodesAfterTitle = -1;

  const visit = (node: AnyNode, state: WalkState): void => {
    if (node.type === 'text') {
      if (textNodesAfterTitle >= 0 && textNodesAfterTitle < NEAR_TITLE_TEXT_NODES && !state.foreign) {
        textNodesAfterTitle++;
        const text = node.data.trim();
        if (text.length >= 8 && text.length <= 120 && DATE_SHAPE.test(text)) facts.dateTexts.push(text);
      }
      return;
    }
    if (!isElement(node)) return;
    const el = node;
    if (el.type === 'script') {
      if ((el.attr('type') ?? '').toLowerCase().includes('ld+json')) facts.jsonLd.push(textOfRaw(el));
      return;
    }
    if (el.type === 'style') return;
    const flags = flagsOf(el);
    const next: WalkState = flags === 0 ? state : {
      foreign: state.foreign || (flags & Hint.Foreign) !== 0,
      furniture: state.furniture || (flags & Hint.Strong) !== 0,
      tags: state.tags || (flags & Hint.Tags) !== 0,
    };
    inspect(el, flags, next, facts);
    // Visible dates sit right under the headline; a logo h1 earlier on just restarts the window.
    if (el.name === 'h1' && !next.furniture) textNodesAfterTitle = 0;
    for (const child of el.children) visit(child, next);
  };
  for (const child of doc.children) visit(child, { foreign: false, furniture: false, tags: false });
  return facts;
}

function inspect(el: Element, flags: number, state: WalkState, facts: PageFacts): void {
  switch (el.name) {
    case 'html': {
      const a = el.attribs;
      facts.isAmp = a.amp !== undefined || a['⚡'] !== undefined;
      return;
    }
    case 'title':
      if (facts.titleTag === null) facts.titleTag = normaliseSpace(textOf(el));
      return;
    case 'meta': {
      const a = el.attribs;
      const key = (a.property ?? a.name ?? a.itemprop)?.toLowerCase().trim();
      if (key && a.content !== undefined) push(facts.meta, key, a.content);
      return;
    }
    case 'link': {
      const a = el.attribs;
      const rel = ` ${(a.rel ?? '').toLowerCase()} `;
      if (rel.includes(' canonical ') && facts.canonicalHref === null) facts.canonicalHref = a.href ?? null;
      if (rel.includes(' amphtml ') && facts.ampHref === null) facts.ampHref = a.href ?? null;
      if (rel.includes(' image_src ') && facts.imageSrcHref === null) facts.imageSrcHref = a.href ?? null;
      return;
    }
    case 'h1':
      if (!state.furniture) {
        const text = normaliseSpace(textOf(el));
        if (text) facts.h1s.push({ el, text });
      }
      return;
    default:
      break;
  }
  if (state.foreign) return;
  const itemprop = el.attr('itemprop')?.toLowerCase();
  const a = itemprop !== undefined || el.name === 'time' ? el.attribs : undefined;
  if (itemprop === 'datepublished' || (el.name === 'time' && itemprop !== 'datemodified')) {
    const value = a?.datetime ?? a?.content ?? (itemprop ? textOf(el) : undefined);
    if (value) facts.publishedAttrs.push(value);
  } else if (itemprop === 'datemodified') {
    const value = a?.datetime ?? a?.content ?? textOf(el);
    if (value) facts.modifiedAttrs.push(value);
  }
  if (itemprop === 'author' && !a?.content) facts.authorTexts.push(textOf(el));
  if (el.name === 'a' && (state.tags || / tag /.test(` ${(el.attr('rel') ?? '').toLowerCase()} `))) {
    const tag = normaliseSpace(textOf(el)).replace(/^#/, '');
    if (tag) facts.visibleTags.push(tag);
  }
  const cls = el.attr('class');
  if (!state.furniture && cls !== undefined && LEAD_HINT.test(cls)) considerLead(el, cls, facts);
  if (flags === 0) return;
  if (flags & Hint.Date) {
    const text = textOf(el).trim();
    if (text.length >= 8 && text.length <= 160 && DATE_SHAPE.test(text)) facts.dateTexts.push(text);
  }
  if (flags & Hint.Author) {
    const text = normaliseSpace(textOf(el));
    if (text.length > 1 && text.length <= 100) facts.authorTexts.push(text);
  }
  if (flags & Hint.Breadcrumb && facts.breadcrumbs.length === 0) {
    facts.breadcrumbs = linkTexts(el);
  }
}

function considerLead(el: Element, classAttr: string, facts: PageFacts): void {
  let priority = Infinity;
  for (const cls of classAttr.toLowerCase().split(/\s+/)) {
    const p = LEAD_PRIORITY.get(cls);
    if (p !== undefined && p < priority) priority = p;
  }
  if (priority === Infinity || (facts.lead && facts.lead.priority <= priority)) return;
  const text = leadText(el);
  if (text.length >= 20) facts.lead = { el, text, priority };
}

/** Lead text; a dateline stamp (VnExpress `<span class="location-stamp">Hà Nội</span>`) gets its dash back. */
function leadText(el: Element): string {
  const first = el.children.find((c) => c.type !== 'text' || c.data.trim() !== '');
  if (first && isElement(first) && /location|stamp|dateline/i.test(first.attr('class') ?? '')) {
    const stamp = normaliseSpace(textOf(first));
    const rest = normaliseSpace(el.children.slice(el.children.indexOf(first) + 1).map(textOf).join(''));
    return stamp ? `${stamp} - ${rest}` : rest;
  }
  return normaliseSpace(textOf(el));
}

function linkTexts(el: Element): string[] {
  const out: string[] = [];
  const walk = (node: AnyNode): void => {
    if (!isElement(node)) return;
    if (node.name === 'a') {
      const text = normaliseSpace(textOf(node));
      if (text) out.push(text);
      return;
    }
    for (const child of node.children) walk(child);
  };
  walk(el);
  return out;
}

function textOfRaw(el: Element): string {
  let out = '';
  for (const child of el.children) if (child.type === 'text') out += child.data;
  return out;
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
