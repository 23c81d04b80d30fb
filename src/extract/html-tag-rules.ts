/**
 * The HTML tree-construction rules our two linear scanners share (the fast article tree builder
 * and the depth cap in front of cheerio): which tags never have content, which hold raw text, and
 * which end tags HTML implies. Kept in one place so both scanners nest a page the same way.
 */

/** Elements that never have children. */
export const VOID_TAGS: ReadonlySet<string> = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen']);

/** Elements whose content is raw text up to their own end tag. */
export const RAW_TEXT_TAGS: ReadonlySet<string> = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

/** Opening one of these closes an open `<p>` (HTML's "close a p element"). */
export const CLOSES_P: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dir', 'div', 'dl', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section',
  'table', 'ul',
]);

/** Elements an implied end tag may not cross (list, table, button and document boundaries). */
export const IMPLIED_END_SCOPE: ReadonlySet<string> = new Set(['ul', 'ol', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'body', 'html', 'div', 'select', 'dl', 'button']);

/** An implied end tag: opening the key closes the nearest open `targets` element, crossing `through`. */
export interface ImpliedEnd {
  targets: readonly string[];
  through: readonly string[];
}

/** Implied end tags by the start tag that implies them. */
export const IMPLIED_ENDS: Readonly<Record<string, ImpliedEnd>> = {
  li: { targets: ['li'], through: [] },
  dt: { targets: ['dt', 'dd'], through: [] },
  dd: { targets: ['dt', 'dd'], through: [] },
  option: { targets: ['option'], through: [] },
  tr: { targets: ['tr'], through: ['td', 'th'] },
  td: { targets: ['td', 'th'], through: [] },
  th: { targets: ['td', 'th'], through: [] },
  tbody: { targets: ['tbody', 'thead', 'tfoot'], through: ['tr', 'td', 'th'] },
  thead: { targets: ['tbody', 'thead', 'tfoot'], through: ['tr', 'td', 'th'] },
  tfoot: { targets: ['tbody', 'thead', 'tfoot'], through: ['tr', 'td', 'th'] },
};

/** The implied end of an open `<p>`. */
export const CLOSE_P: ImpliedEnd = { targets: ['p'], through: [] };
