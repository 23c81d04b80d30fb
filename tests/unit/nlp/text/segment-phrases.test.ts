import { describe, expect, it } from 'vitest';
import { buildWordDictionary, segmentWords } from '../../../../src/nlp/segment.js';

/** General-list entries that are compositional phrases are dropped at load; curated ones stay. */
describe('buildWordDictionary: phrase filtering of general lists', () => {
  const general = ['chứng nhận', 'giấy chứng nhận', 'ba tháng', 'thủ tướng', 'phó thủ tướng', 'vận động', 'vận động viên', 'đầu tư', 'nhà đầu tư'].map((word) => ({ word }));

  it('splits head + word phrases, numeral + unit and rank prefixes', () => {
    const dict = buildWordDictionary(general);
    expect(segmentWords('cấp giấy chứng nhận sau ba tháng', dict)).toEqual(['cấp', 'giấy', 'chứng_nhận', 'sau', 'ba', 'tháng']);
    expect(segmentWords('Phó Thủ tướng làm việc', dict)).toEqual(['Phó', 'Thủ_tướng', 'làm', 'việc']);
  });

  it('keeps word + suffix entries and lets a curated entry override the filter', () => {
    expect(segmentWords('vận động viên', buildWordDictionary(general))).toEqual(['vận_động_viên']);
    expect(segmentWords('nhà đầu tư', buildWordDictionary(general))).toEqual(['nhà', 'đầu_tư']);
    expect(segmentWords('nhà đầu tư', buildWordDictionary([...general, { word: 'nhà đầu tư', preferred: true }]))).toEqual(['nhà_đầu_tư']);
  });

  it('does not let a law head join the name after it', () => {
    expect(segmentWords('Luật Thuế thu nhập', buildWordDictionary([{ word: 'thu nhập' }]))).toEqual(['Luật', 'Thuế', 'thu_nhập']);
  });

  it('keeps a general entry starting with a function word only when two general lists have it', () => {
    const words = [
      { word: 'có công', list: 'a.txt' },
      { word: 'có thể', list: 'a.txt' },
      { word: 'có thể', list: 'b.txt' },
      { word: 'cho vay', list: 'a.txt' },
    ];
    expect(segmentWords('ai có công thì có thể cho vay', buildWordDictionary(words))).toEqual(['ai', 'có', 'công', 'thì', 'có_thể', 'cho_vay']);
    expect(segmentWords('có công', buildWordDictionary([{ word: 'có công', preferred: true }]))).toEqual(['có_công']);
  });
});
