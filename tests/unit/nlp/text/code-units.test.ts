import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeUnitsOf, stringOfCodeUnits } from '../../../../src/nlp/code-units.js';
import { tokenizeSyllables } from '../../../../src/nlp/syllables.js';

describe('codeUnitsOf', () => {
  it('copies every code unit as it is, lone surrogates included, with a 0 after them', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.constantFrom('', '\uD800', '\uDC00x', 'Thủ tướng', 'abc'), (s, extra) => {
        const text = s + extra;
        const units = codeUnitsOf(text);
        for (let i = 0; i < text.length; i++) expect(units[i]).toBe(text.charCodeAt(i));
        expect(units[text.length]).toBe(0);
        expect(stringOfCodeUnits(text.length)).toBe(text);
      }),
      { numRuns: 2_000 },
    );
  });

  it('grows for long texts', () => {
    const text = 'Đường sắt tốc độ cao. '.repeat(20_000);
    const units = codeUnitsOf(text);
    expect(units[text.length - 1]).toBe(text.charCodeAt(text.length - 1));
    expect(units[text.length]).toBe(0);
    expect(stringOfCodeUnits(text.length)).toBe(text);
  });
});

describe('tokenizeSyllables on odd input', () => {
  it('gives the offsets a charCodeAt scan gives (astral letters, lone surrogates, marks, digits)', () => {
    const word = /[\p{L}\p{M}\p{N}\uD800-\uDFFF]/u;
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'Đ', 'ệ', ' ', '.', '\n', '\u{1D400}', '\uD800', '\uDC00', 'x\u0301', '9', '–', '!'), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const expected: [number, number][] = [];
        for (let i = 0; i < text.length; ) {
          if (!word.test(text[i] as string)) {
            i++;
            continue;
          }
          const start = i;
          while (i < text.length && word.test(text[i] as string)) i++;
          expected.push([start, i]);
        }
        expect(tokenizeSyllables(text).map((t) => [t.start, t.end])).toEqual(expected);
      }),
      { numRuns: 1_000 },
    );
  });
});
