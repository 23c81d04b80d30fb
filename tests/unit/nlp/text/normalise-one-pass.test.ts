import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHAR_MAP, normaliseForMatching, normaliseForMatchingStepwise, isSurelyNfc, toNfc } from '../../../../src/nlp/normalise.js';

/** Characters around every decision of the tone pass: pair letters, toned vowels, glides, look-alikes, letters and not. */
const PIECES = [
  ...'oOuUqQgGaeiyâêôăơưAEIY',
  ...'àáảãạèéẻẽẹÀÁÈÉ',
  ...'ỳýỷỹỵỲÝ',
  ...'ùúủũụÙÚ',
  ...'ìíỉĩịÌÍ',
  ...Object.keys(CHAR_MAP),
  'n', 'h', 't', 'đ', 'Đ', ' ', '.', '1', '\n', 'x\u0300', '\u{1F600}', '\uD800',
  'hoà', 'thuỷ', 'qúy', 'gía', 'qủa', 'qúoà', 'gìn', 'quỳnh', 'Uỷ', 'luỵ', 'toà', 'quý', 'Quỷ', 'QUỲ', 'giá', 'gỉa',
];

describe('normaliseForMatching one-pass form', () => {
  it('equals the two-step specification, tone rewrites and look-alikes mixed', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }), fc.boolean(), (parts, nfcGiven) => {
        const text = parts.join('');
        const input = nfcGiven ? text.normalize('NFC') : text;
        expect(normaliseForMatching(input, nfcGiven)).toBe(normaliseForMatchingStepwise(input, nfcGiven));
      }),
      { numRuns: 20_000 },
    );
  });

  it('returns the input string itself when nothing changes', () => {
    const text = 'Quý khách hòa bình, gìn giữ';
    expect(normaliseForMatching(text, true)).toBe(text);
  });

  it('reproduces the lengthening of overlapping rewrites', () => {
    expect(normaliseForMatching('qúoà', true)).toBe(normaliseForMatchingStepwise('qúoà', true));
    expect(normaliseForMatching('qúoà', true)).toHaveLength(5);
  });

  it('handles texts longer than its buffer', () => {
    const text = '“hoà” – qúy '.repeat(5000);
    expect(normaliseForMatching(text, true)).toBe(normaliseForMatchingStepwise(text, true));
  });
});

describe('toNfc', () => {
  it('skips only characters that are NFC alone and never compose with the one before', () => {
    const marks = /\p{M}/u;
    let skipped = 0;
    for (let c = 0; c < 0x10000; c++) {
      const s = String.fromCharCode(c);
      if (!isSurelyNfc(s)) continue;
      skipped++;
      expect(marks.test(s) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0xd800 && c <= 0xdfff)).toBe(false);
      expect(s.normalize('NFC')).toBe(s);
      for (const before of ['a', 'A', 'ơ', 'Ư', '\u1100', '\uAC00']) expect(`${before}${s}`.normalize('NFC')).toBe(`${before}${s}`);
    }
    expect(skipped).toBeGreaterThan(1000); // Vietnamese letters and punctuation are among them
    expect(isSurelyNfc('Thủ tướng: “Đường sắt tốc độ cao” – 5 €')).toBe(true);
  });

  it('equals normalize() on Vietnamese in any form', () => {
    const pieces = ['Thủ tướng', 'Thủ tướng'.normalize('NFD'), 'a\u0301', '\u212B', '“x”', '\u1100\u1161', '\u{1F600}', '\uD800', ' ', '\n', 'Ω', 'ệ'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(toNfc(text)).toBe(text.normalize('NFC'));
      }),
      { numRuns: 2_000 },
    );
  });
});
