/**
 * Minimal DOM helpers over the light tree of `fast-html.ts`. The extractor walks the tree itself
 * (a few linear passes) instead of issuing many CSS queries: each query is a full-tree walk, and
 * the extractor must handle over a thousand pages a second per core.
 */
import { DocumentNode, ElementNode, parseFastHtml, type HtmlNode } from './fast-html.js';

export type Element = ElementNode;
export type Document = DocumentNode;
export type AnyNode = HtmlNode | DocumentNode;

/**
 * Scripts (except JSON-LD), styles, comments and inline SVG carry no article text but are often
 * half of a news page's bytes; one regex pass removing them costs far less than tokenising them.
 */
const INERT_BLOCKS = /<script\b(?![^>]*ld\+json)[^>]*>[\s\S]*?<\/script\s*>|<style\b[^>]*>[\s\S]*?<\/style\s*>|<!--[\s\S]*?-->|<svg\b[^>]*>[\s\S]*?<\/svg\s*>/gi;

/** Parse HTML leniently into a light tree, entities decoded. */
export function parseHtml(html: string): Document {
  return parseFastHtml(html.replace(INERT_BLOCKS, ' '));
}

/** True for element nodes, including `<script>` and `<style>` (their own node types). */
export function isElement(node: AnyNode): node is Element {
  return node instanceof ElementNode;
}

/** Lower-cased `class` and `id` joined by a space: what the boilerplate hints are matched on. */
export function hintsOf(el: Element): string {
  const cls = el.attr('class');
  const id = el.attr('id');
  if (!cls && !id) return '';
  return `${cls ?? ''} ${id ?? ''}`.toLowerCase();
}

/** Elements hidden from readers (`hidden`, `aria-hidden`, inline `display:none`). */
export function isHidden(el: Element): boolean {
  if (el.attr('hidden') !== undefined || el.attr('aria-hidden') === 'true') return true;
  const style = el.attr('style');
  return style !== undefined && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** Concatenated text of a subtree, skipping scripts, styles and templates. */
export function textOf(node: AnyNode): string {
  if (node.type === 'text') return node.data;
  if (!isElement(node) || node.type !== 'tag' || node.name === 'noscript' || node.name === 'template') return '';
  let out = '';
  for (const child of node.children) out += textOf(child);
  return out;
}

/** Collapse whitespace (NBSP and zero-width too), trim, NFC. */
export function normaliseSpace(text: string): string {
  return text.replace(/[\s\u00a0\u200b\u200c\u200d\ufeff]+/g, ' ').trim().normalize('NFC');
}

/** Resolve `href` against `base`; `null` for empty, non-http(s) or invalid links. */
export function absoluteUrl(href: string | undefined | null, base: string): string | null {
  if (!href) return null;
  const trimmed = href.trim();
  if (trimmed === '' || trimmed.startsWith('data:')) return null;
  try {
    const url = new URL(trimmed, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}
