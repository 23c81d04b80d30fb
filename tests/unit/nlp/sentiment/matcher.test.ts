import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileSyllableMatcher, MatchList } from '../../../../src/nlp/sentiment/matcher.js';
import { scanField, SEMICOLON_BEFORE, SENTENCE_BEFORE } from '../../../../src/nlp/sentiment/tokens.js';

const PHRASES = ['không', 'không còn', 'ùn tắc', 'ùn tắc giao thông', 'giảm', 'tai nạn', 'tai nạn giao thông nghiêm trọng', 'giao thông', 'rất tốt', 'tốt'];

/** Leftmost-longest, non-overlapping, never across a sentence or `;` break: the contract, by brute force. */
function reference(lower: string[], gap: Uint8Array, phrases: Map<string, number>): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let i = 0; i < lower.length; ) {
    let best: [number, number, number] | null = null;
    for (let j = i + 1; j <= lower.length; j++) {
      if (j - 1 > i && (gap[j - 1] as number) & (SENTENCE_BEFORE | SEMICOLON_BEFORE)) break;
      const value = phrases.get(lower.slice(i, j).join(' '));
      if (value !== undefined) best = [i, j, value];
    }
    if (best) {
      out.push(best);
      i = best[1];
    } else i++;
  }
  return out;
}

describe('compileSyllableMatcher', () => {
  it('finds what a brute-force leftmost-longest search finds, breaks respected', () => {
    const values = new Map(PHRASES.map((p, i) => [p, i]));
    const matcher = compileSyllableMatcher(values, () => true, (old) => old);
    const word = fc.constantFrom('không', 'còn', 'ùn', 'tắc', 'giao', 'thông', 'giảm', 'tai', 'nạn', 'nghiêm', 'trọng', 'rất', 'tốt', 'dân');
    const sep = fc.constantFrom(' ', ' ', ' ', ', ', '. ', '; ');
    const list = new MatchList();
    fc.assert(
      fc.property(fc.array(fc.tuple(word, sep), { maxLength: 30 }), (parts) => {
        const t = scanField(parts.map(([w, s]) => w + s).join(''));
        matcher.matchInto(t, list);
        const got: [number, number, number][] = [];
        for (let k = 0; k < list.count; k++) got.push([list.first[k] as number, list.last[k] as number, matcher.payloads[list.payload[k] as number] as number]);
        expect(got).toEqual(reference(t.lower, t.gap, values));
      }),
      { numRuns: 400 },
    );
  });
});
