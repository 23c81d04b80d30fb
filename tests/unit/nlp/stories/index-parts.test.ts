import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containment } from '../../../../src/nlp/stories/fingerprint.js';
import { containmentByIds } from '../../../../src/nlp/stories/overlap.js';
import { PairStrings } from '../../../../src/nlp/stories/pair-strings.js';
import { Posting, PostingIndex } from '../../../../src/nlp/stories/postings.js';

describe('PostingIndex', () => {
  it('behaves like a map of insertion-ordered sets of values that leave every key at once', () => {
    type Value = { n: number; removed: boolean };
    // An op posts value n under some keys (a key may repeat), or removes it from all of them.
    const op = fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 5 }), fc.subarray(['a', 'b', 'c', 'a'], { minLength: 1 }));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), (ops) => {
        const index = new PostingIndex<string, Value>();
        const reference = new Map<string, Value[]>();
        const live = new Map<number, { value: Value; keys: string[] }>();
        for (const [add, n, keys] of ops) {
          if (add && !live.has(n)) {
            // A fresh value per posting round, as the story index makes a fresh entry.
            const value = { n, removed: false };
            for (const key of keys) {
              const added = index.add(key, value);
              const list = reference.get(key) ?? [];
              expect(added).toBe(!list.includes(value));
              if (added) list.push(value);
              reference.set(key, list);
            }
            live.set(n, { value, keys });
          } else if (!add && live.has(n)) {
            const { value, keys } = live.get(n) as { value: Value; keys: string[] };
            value.removed = true;
            for (const key of new Set(keys)) index.remove(key, value);
            live.delete(n);
            for (const [key, list] of reference) reference.set(key, list.filter((v) => v !== value));
          }
        }
        for (const key of ['a', 'b', 'c']) {
          const expected = reference.get(key) ?? [];
          expect(index.count(key)).toBe(expected.length);
          const posted = index.get(key);
          const got = posted === undefined ? [] : posted instanceof Posting ? posted.values.slice(0, posted.size).filter((v) => v && !v.removed) : [posted];
          expect(got).toEqual(expected);
        }
      }),
      { numRuns: 400 },
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
