import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containment } from '../../../../src/nlp/stories/fingerprint.js';
import { containmentByIds } from '../../../../src/nlp/stories/overlap.js';
import { PairStrings } from '../../../../src/nlp/stories/pair-strings.js';
import { PostingIndex } from '../../../../src/nlp/stories/postings.js';

describe('PostingIndex', () => {
  it('behaves like a map of insertion-ordered sets', () => {
    const op = fc.tuple(fc.boolean(), fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 0, max: 4 }));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const values = [0, 1, 2, 3, 4].map((n) => ({ n }));
        const index = new PostingIndex<string, { n: number }>();
        const reference = new Map<string, Set<{ n: number }>>();
        for (const [add, key, v] of ops) {
          const value = values[v] as { n: number };
          if (add) {
            index.add(key, value);
            if (!reference.has(key)) reference.set(key, new Set());
            reference.get(key)?.add(value);
          } else {
            index.delete(key, value);
            reference.get(key)?.delete(value);
            if (reference.get(key)?.size === 0) reference.delete(key);
          }
        }
        for (const key of ['a', 'b', 'c']) {
          const expected = [...(reference.get(key) ?? [])];
          expect(index.count(key)).toBe(expected.length);
          const got = new Set<{ n: number }>();
          index.collect(key, got);
          expect([...got]).toEqual(expected);
          const tally = new Map<{ n: number }, number>();
          index.tally(key, tally);
          index.tally(key, tally);
          expect([...tally]).toEqual(expected.map((e) => [e, 2]));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('containmentByIds', () => {
  it('equals the set-based containment, duplicates included', () => {
    const list = fc.array(fc.constantFrom('ha noi', 'dan', 'so', '7', 'x y', 'bo', 'tai chinh'), { maxLength: 12 });
    fc.assert(
      fc.property(list, list, (a, b) => {
        expect(containmentByIds(a, b)).toBe(containment(a, b));
        expect(containmentByIds(b, a)).toBe(containment(b, a));
      }),
      { numRuns: 500 },
    );
  });
});

describe('PairStrings', () => {
  it('returns one canonical string per id pair, through growth and restarts', () => {
    const pairs = new PairStrings(300);
    const first = pairs.get(1, 'ha', 2, 'noi');
    expect(first).toBe('ha noi');
    expect(pairs.get(1, 'ha', 2, 'noi')).toBe(first);
    for (let i = 10; i < 1000; i++) expect(pairs.get(i, `a${i}`, i + 5000, `b${i}`)).toBe(`a${i} b${i}`);
    expect(pairs.get(1, 'ha', 2, 'noi')).toBe('ha noi');
    expect(pairs.get(-1, 'x', 3, 'y')).toBe('x y');
  });
});
