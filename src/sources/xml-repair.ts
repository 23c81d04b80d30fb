/** Repairs and error messages shared by the XML discovery parsers (feeds, sitemaps). */

const BARE_AMPERSAND = /&(?!(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#\d{1,7}|#x[0-9a-fA-F]{1,6});)/g;
// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

/**
 * Fix the two defects that most often make real feeds invalid XML: a bare `&` (in titles and
 * query strings, `Bộ GD&ĐT`, `?a=1&b=2`) and control characters pasted from word processors.
 */
export function repairCommonXmlDefects(xml: string): string {
  return xml.replace(BARE_AMPERSAND, '&amp;').replace(XML_FORBIDDEN_CONTROLS, '');
}

/** `reason at line L, column C` from a sax/xml2js error (`msg\nLine: 0\nColumn: 5…`, 0-based lines). */
export function describeXmlError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const [reason, ...rest] = message.split('\n');
  const tail = rest.join(' ');
  const line = /Line:\s*(\d+)/.exec(tail);
  const column = /Column:\s*(\d+)/.exec(tail);
  const where = line ? ` at line ${Number(line[1]) + 1}${column ? `, column ${column[1]}` : ''}` : '';
  return `${reason ?? message}${where}`;
}
