import { foldForSearch } from './fold.js';

/** Per UTF-16 code unit: 0 = not computed yet, 1 = folds to one unit (in `foldedUnit`), 2 = folds to nothing, 3 = needs the slow path. */
const kind = new Uint8Array(65_536);
const foldedUnit = new Uint16Array(65_536);
const utf16 = new TextDecoder('utf-16le');

/**
 * `foldForSearch` for indexing large texts, same result, several times faster: lower-cases
 * and composes natively, then maps each code unit through a table filled lazily from
 * `foldForSearch` itself. Text with a character that does not fold to a single unit
 * (rare outside Vietnamese) takes `foldForSearch` whole. Used for the index and the query alike.
 */
export function foldForIndex(text: string): string {
  const source = text.normalize('NFC').toLowerCase();
  const out = new Uint16Array(source.length);
  let length = 0;
  for (let i = 0; i < source.length; i++) {
    const unit = source.charCodeAt(i);
    if (unit < 0x80) {
      out[length++] = unit;
      continue;
    }
    let k = kind[unit]!;
    if (k === 0) k = learn(unit);
    if (k === 1) out[length++] = foldedUnit[unit]!;
    else if (k === 3) return foldForSearch(source);
  }
  return utf16.decode(out.subarray(0, length));
}

function learn(unit: number): number {
  // Surrogate halves and marks outside Vietnamese: let the exact function decide.
  const isSurrogate = unit >= 0xd800 && unit <= 0xdfff;
  const folded = isSurrogate ? null : foldForSearch(String.fromCharCode(unit));
  let k: number;
  if (folded === null || folded.length > 1) k = 3;
  else if (folded.length === 0) k = 2;
  else {
    k = 1;
    foldedUnit[unit] = folded.charCodeAt(0);
  }
  kind[unit] = k;
  return k;
}
