import { describe, expect, it } from 'vitest';
import { selectTopics } from '../../../../src/nlp/topics/combiner.js';

describe('selectTopics', () => {
  const params = { weights: [], bias: 0, threshold: 0.5, secondThreshold: 0.3 };

  it('keeps the best topic at its threshold and further topics at the second threshold', () => {
    expect(selectTopics([['a', 0.9], ['b', 0.35], ['c', 0.2]] as const, params).map(([id]) => id)).toEqual(['a', 'b']);
  });

  it('keeps a close best topic (60 % of the threshold) but nothing weaker', () => {
    expect(selectTopics([['a', 0.32], ['b', 0.31]] as const, params).map(([id]) => id)).toEqual(['a', 'b']);
    expect(selectTopics([['a', 0.29]] as const, params)).toEqual([]);
  });

  it('uses one threshold for all ranks when no second threshold is stored', () => {
    expect(selectTopics([['a', 0.9], ['b', 0.45]] as const, { weights: [], bias: 0, threshold: 0.5 }).map(([id]) => id)).toEqual(['a']);
  });
});
