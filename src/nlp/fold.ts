/**
 * Accent folding for search and matching.
 *
 * Unicode gives `đ`/`Đ` no decomposition, so stripping combining marks alone leaves them:
 * they are mapped to `d`/`D` explicitly (SQLite FTS5 `remove_diacritics` and a bare
 * Elasticsearch node both miss this).
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Remove Vietnamese diacritics and map đ→d, keeping case. `Đường sắt` → `Duong sat`. */
export function foldAccents(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

/** Lower-case folded form used for indexes and lookups. `Đường Sắt` → `duong sat`. */
export function foldForSearch(text: string): string {
  return foldAccents(text).toLowerCase();
}
