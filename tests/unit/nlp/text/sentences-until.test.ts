import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../../src/nlp/sentences.js';

describe('splitSentences(text, until)', () => {
  it('returns the leading spans of the whole split, through the one that reaches `until`', () => {
    const piece = fc.constantFrom('Hà Nội', 'TP. Hồ Chí Minh', 'ông Nguyễn V. A', '1.234 đồng', '. ', '! ', '? ', '\n', '“Dân vui.” ', 'T.Ư. ', 'x', ' ');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 25 }), fc.nat(200), (pieces, until) => {
        const text = pieces.join('');
        const whole = splitSentences(text);
        const head = splitSentences(text, until);
        expect(head).toEqual(whole.slice(0, head.length));
        // Every span that starts before `until` is there.
        expect(head.length).toBeGreaterThanOrEqual(whole.filter((s) => s.start < until).length);
      }),
      { numRuns: 400 },
    );
  });
});
