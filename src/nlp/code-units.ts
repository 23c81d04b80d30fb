/**
 * A text's UTF-16 code units in a reused typed array, for scanners that read every character.
 *
 * Why: `charCodeAt` in optimised code still dispatches on the string's representation and
 * bounds-checks every call; a `Uint16Array` read is one load. Copying a 3 KB article costs well
 * under a microsecond (one native call, no allocation), much less than it saves on a scan.
 */

/** True where a `Uint16Array` over UTF-16LE bytes reads the code units as they are. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

let bytes = Buffer.alloc(1 << 14);
let units = new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.length >> 1);

/**
 * The code units of `text` in `[0, text.length)` and a 0 right after them (a sentinel: scanners
 * may read one past the end without a bounds check, and 0 is no word character).
 *
 * The array is shared and overwritten by the next call: read it before calling again, never keep
 * it. It grows to the longest text seen (two bytes per character) and stays that size.
 */
export function codeUnitsOf(text: string): Uint16Array {
  const n = text.length;
  if (n >= units.length) {
    bytes = Buffer.alloc(Math.max(2 * (n + 1), 2 * bytes.length));
    units = new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.length >> 1);
  }
  if (LITTLE_ENDIAN) bytes.write(text, 0, 'utf16le');
  else for (let i = 0; i < n; i++) units[i] = text.charCodeAt(i);
  units[n] = 0;
  return units;
}

/**
 * The first `n` code units of the array {@link codeUnitsOf} returned last, as a string (after a
 * scanner changed some in place): one native decode instead of joining slices.
 */
export function stringOfCodeUnits(n: number): string {
  if (LITTLE_ENDIAN) return bytes.toString('utf16le', 0, 2 * n);
  let out = '';
  for (let i = 0; i < n; i += 4096) out += String.fromCharCode(...units.subarray(i, Math.min(n, i + 4096)));
  return out;
}
