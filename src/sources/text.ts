/**
 * Text clean-up shared by the discovery parsers: feed fields arrive as HTML fragments, with
 * entities (sometimes double-encoded), stray whitespace and decomposed diacritics.
 */
import { decodeHTML } from 'entities';
import { ElementNode, parseFastHtml, type DocumentNode, type HtmlNode } from '../extract/fast-html.js';
import { capHtmlDepth } from './html-depth.js';

/** Collapse whitespace (including NBSP) to single spaces, trim, and normalise to NFC. */
export function cleanInline(text: string): string {
  return text.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim().normalize('NFC');
}

/** Plain text and first image of an HTML fragment (a CDATA feed description, say). */
export interface FragmentText {
  text: string;
  /** `src` of the first `<img>` as written (may be relative). */
  imageSrc: string | undefined;
}

const BLOCK_TAGS = new Set(['p', 'div', 'br', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'td', 'blockquote', 'ul', 'ol', 'table', 'figure', 'figcaption']);
const SKIPPED_TAGS = new Set(['script', 'style', 'noscript', 'template']);
/** Marker on the walk stack: the block element whose children were just emitted ends here. */
const BLOCK_END = Symbol('block end');

/**
 * Strip an HTML fragment to plain text (entities decoded, blocks separated by spaces) and pick
 * out the first image. Cheap path for strings without markup or entities; a feed has dozens of
 * these per poll, so this uses the extractor's fast tree builder rather than a full DOM.
 */
export function fragmentToText(html: string): FragmentText {
  if (!/[<&]/.test(html)) return { text: cleanInline(html), imageSrc: undefined };
  let imageSrc: string | undefined;
  const parts: string[] = [];
  // Depth is capped first (tags below the cap flattened, their text kept) and the walk uses an
  // explicit stack: a description nested 100k levels deep must still yield its item's text.
  const pending: (HtmlNode | DocumentNode | typeof BLOCK_END)[] = [parseFastHtml(capHtmlDepth(html).html)];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node === BLOCK_END) {
      parts.push(' ');
      continue;
    }
    if (node.type === 'text') {
      parts.push(node.data);
      continue;
    }
    if (node instanceof ElementNode) {
      if (SKIPPED_TAGS.has(node.name)) continue;
      if (node.name === 'img') imageSrc ??= node.attr('src') || node.attr('data-src') || undefined;
    }
    const block = node instanceof ElementNode && BLOCK_TAGS.has(node.name);
    if (block) {
      parts.push(' ');
      pending.push(BLOCK_END);
    }
    for (let i = node.children.length - 1; i >= 0; i--) pending.push(node.children[i]!);
  }
  let text = parts.join('');
  // Double-encoded entities (`&amp;quot;`) survive one decode; a second pass is safe for text.
  if (/&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i.test(text)) text = decodeHTML(text);
  return { text: cleanInline(text), imageSrc: imageSrc?.trim() };
}

/** Title text: entities decoded, tags removed, whitespace collapsed, NFC. */
export function cleanTitle(raw: string): string {
  return fragmentToText(raw).text;
}

const MOJIBAKE = /(?:Ä[\u0091‘]|Ã[\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]|á[»º][\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]|Æ°)/g;

/**
 * Undo the commonest charset accident: UTF-8 bytes decoded as Latin-1/Windows-1252 because the
 * server or the XML declaration lied (`Ä‘Æ°á»ng` for `đường`). Only applied when such sequences
 * are frequent, and only kept when the repaired text decodes cleanly.
 */
export function repairMojibake(text: string): string {
  const hits = text.match(MOJIBAKE)?.length ?? 0;
  if (hits < 3) return text;
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const byte = code < 0x100 ? code : CP1252_REVERSE.get(code);
    if (byte === undefined) return text;
    bytes.push(byte);
  }
  const repaired = Buffer.from(bytes).toString('utf8');
  return repaired.includes('\ufffd') ? text : repaired;
}

/** Windows-1252 maps 0x80–0x9F to these code points; reverse them to bytes. */
const CP1252_REVERSE = new Map<number, number>(
  [
    [0x20ac, 0x80], [0x201a, 0x82], [0x0192, 0x83], [0x201e, 0x84], [0x2026, 0x85], [0x2020, 0x86],
    [0x2021, 0x87], [0x02c6, 0x88], [0x2030, 0x89], [0x0160, 0x8a], [0x2039, 0x8b], [0x0152, 0x8c],
    [0x017d, 0x8e], [0x2018, 0x91], [0x2019, 0x92], [0x201c, 0x93], [0x201d, 0x94], [0x2022, 0x95],
    [0x2013, 0x96], [0x2014, 0x97], [0x02dc, 0x98], [0x2122, 0x99], [0x0161, 0x9a], [0x203a, 0x9b],
    [0x0153, 0x9c], [0x017e, 0x9e], [0x0178, 0x9f],
  ],
);
