import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildWordDictionary, segmentWords, segmentWith, DEFAULT_SCORING } from '../../../../src/nlp/segment.js';
import { parseBoundaryWeights } from '../../../../src/nlp/segment/boundary-model.js';
import { normaliseForMatching } from '../../../../src/nlp/normalise.js';

const FEATURES = ['bias', 'word.isupper()', 'word.istitle()', 'word.isdigit()', '-1:word.istitle()', '-1:word.isupper()', '-1:word.bi_gram()', '-2:word.tri_gram()', '+1:word.istitle()', '+1:word.isupper()', '+1:word.bi_gram()', '+2:word.tri_gram()', 'trans:B>B', 'trans:B>I', 'trans:I>B', 'trans:I>I'];

/** A weight table with every boolean feature at 0 plus the given rows. */
function weightTable(rows: string[], features: Record<string, number> = {}): string {
  return [...FEATURES.map((f) => `@${f}\t${features[f] ?? 0}`), ...rows].join('\n');
}

describe('segmentWords: lattice search', () => {
  it('finds the fewest-words reading where greedy longest match would not (no model)', () => {
    const dict = buildWordDictionary(['x y', 'y z w']);
    expect(segmentWords('x y z w', dict)).toEqual(['x', 'y_z_w']);
  });

  it('lets boundary evidence reject a general-list word whose first syllable rarely starts a word', () => {
    const words = [{ word: 'về nhà' }, { word: 'kiên cố' }];
    // What follows "về" tends to start a new word.
    const weights = parseBoundaryWeights(weightTable(['về\t0\t-10\t0']), normaliseForMatching);
    expect(segmentWords('về nhà kiên cố', buildWordDictionary(words))).toEqual(['về_nhà', 'kiên_cố']);
    expect(segmentWords('về nhà kiên cố', buildWordDictionary(words, { weights, crfWords: [] }))).toEqual(['về', 'nhà', 'kiên_cố']);
  });

  it('lets a curated word outweigh the same evidence', () => {
    const weights = parseBoundaryWeights(weightTable(['có\t0\t-6\t0']), normaliseForMatching);
    const dict = buildWordDictionary([{ word: 'có nhà', preferred: true }], { weights, crfWords: [] });
    expect(segmentWith('có nhà', dict, { ...DEFAULT_SCORING, curatedWord: 10 })).toEqual(['có_nhà']);
    expect(segmentWith('có nhà', dict, { ...DEFAULT_SCORING, curatedWord: 0, perJoin: 0 })).toEqual(['có', 'nhà']);
  });

  it('uses the pair feature of the model word list', () => {
    const weights = parseBoundaryWeights(weightTable([], { bias: -3, '-1:word.bi_gram()': 8 }), normaliseForMatching);
    const general = [{ word: 'giá cả' }];
    const scoring = { crf: 1, generalWord: 0, curatedWord: 0, perJoin: 0 };
    expect(segmentWith('giá cả', buildWordDictionary(general, { weights, crfWords: [] }), scoring)).toEqual(['giá', 'cả']);
    expect(segmentWith('giá cả', buildWordDictionary(general, { weights, crfWords: ['giá cả'] }), scoring)).toEqual(['giá_cả']);
  });

  it('keeps proper-name runs whole whatever the model says', () => {
    const weights = parseBoundaryWeights(weightTable([], { bias: -20 }), normaliseForMatching);
    expect(segmentWords('Ông Phạm Minh Chính phát biểu', buildWordDictionary([{ word: 'phát biểu' }], { weights, crfWords: [] }))).toEqual(['Ông', 'Phạm_Minh_Chính', 'phát', 'biểu']);
  });

  it('splits function-word phrases of the shipped general list (press convention)', () => {
    expect(segmentWords('Người dân không phải nộp thêm phí')).toEqual(['Người_dân', 'không', 'phải', 'nộp', 'thêm', 'phí']);
    expect(segmentWords('Nhiều hộ có nhà ở kiên cố')).toEqual(['Nhiều', 'hộ', 'có', 'nhà_ở', 'kiên_cố']);
    expect(segmentWords('Giá vàng trong khoảng 80 triệu đồng')).toEqual(['Giá', 'vàng', 'trong', 'khoảng', '80', 'triệu', 'đồng']);
  });
});

describe('parseBoundaryWeights', () => {
  it('normalises syllables to the text tone convention and keeps three weights each', () => {
    const w = parseBoundaryWeights(weightTable(['hoà\t1\t2\t3']), normaliseForMatching);
    expect(w.syllables.get('hòa')).toEqual([1, 2, 3]);
    expect(w.features.get('trans:B>I')).toBe(0);
  });

  it('names the line of a malformed row and a missing feature', () => {
    expect(() => parseBoundaryWeights(weightTable(['có\t1\tx\t0']), normaliseForMatching, 'w.tsv')).toThrow(/w\.tsv: line 17/);
    expect(() => parseBoundaryWeights(weightTable(['có\t1\t2']), normaliseForMatching, 'w.tsv')).toThrow(/3 weights/);
    expect(() => parseBoundaryWeights('@bias\t1', normaliseForMatching, 'w.tsv')).toThrow(/missing feature/);
  });
});

describe('segmentWords: long capitalised runs', () => {
  it('caps a name run at the lattice width instead of failing', () => {
    const text = Array.from({ length: 40 }, (_, i) => `Tên${String.fromCharCode(97 + (i % 26))}`).join(' ');
    const words = segmentWords(text);
    expect(words.join('_').split('_')).toHaveLength(40);
    expect(words.length).toBeGreaterThan(1);
  });
});

describe('segmentWords: every syllable lands in exactly one word', () => {
  const syllable = fc.constantFrom('Hà', 'Nội', 'có', 'nhà', 'ở', 'không', 'phải', 'người', 'dân', 'UBND', '2025', 'đầu', 'tư', 'Nguyễn', 'Văn', 'trong', 'khoảng', 'chủ', 'tịch');
  const separator = fc.constantFrom(' ', ' ', ' ', ', ', '. ', '\n');
  it('keeps the syllable sequence of any text', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(syllable, separator), { maxLength: 40 }), (parts) => {
        const text = parts.map(([s, sep]) => s + sep).join('');
        expect(segmentWords(text).join('_').split('_').filter(Boolean)).toEqual(parts.map(([s]) => s));
      }),
      { numRuns: 300 },
    );
  });
});
