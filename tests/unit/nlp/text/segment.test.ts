import { describe, expect, it } from 'vitest';
import { buildWordDictionary, defaultWordDictionary, segmentWords } from '../../../../src/nlp/segment.js';
import { normaliseVietnamese } from '../../../../src/nlp/normalise.js';

describe('segmentWords', () => {
  it('joins multi-syllable words with underscores and drops punctuation', () => {
    expect(segmentWords('Chính phủ yêu cầu đẩy nhanh tiến độ giải ngân.')).toEqual(['Chính_phủ', 'yêu_cầu', 'đẩy_nhanh', 'tiến_độ', 'giải_ngân']);
  });

  it('keeps numbers, dates and dotted acronyms as single tokens', () => {
    expect(segmentWords('Ngày 6.2.2025, TP.HCM chi 1.234.567 đồng')).toEqual(['Ngày', '6.2.2025', 'TP.HCM', 'chi', '1.234.567', 'đồng']);
  });

  it('joins personal names but not the title before them', () => {
    expect(segmentWords('Ông Nguyễn Văn Nam cho biết')).toEqual(['Ông', 'Nguyễn_Văn_Nam', 'cho_biết']);
  });

  it('does not let a name run swallow the head of a dictionary word', () => {
    expect(segmentWords('Bộ Tài chính ban hành thông tư')).toEqual(['Bộ', 'Tài_chính', 'ban_hành', 'thông_tư']);
  });

  it('resolves an overlap with look-ahead: nguyên | chủ_tịch', () => {
    expect(segmentWords('nguyên chủ tịch huyện')).toEqual(['nguyên', 'chủ_tịch', 'huyện']);
  });

  it('never joins across punctuation', () => {
    expect(segmentWords('chính, phủ')).toEqual(['chính', 'phủ']);
  });

  it('matches old-style spellings once the text is normalised (dictionary entries are normalised too)', () => {
    const dict = buildWordDictionary(['xoá nhà tạm']);
    expect(segmentWords(normaliseVietnamese('Xoá nhà tạm'), dict)).toEqual(['Xóa_nhà_tạm']);
  });

  it('loads the shipped word lists', () => {
    expect(defaultWordDictionary().size).toBeGreaterThan(50_000);
  });
});
