import { describe, expect, it } from 'vitest';
import { splitClauses, splitSentences } from '../../../../src/nlp/sentences.js';

describe('splitSentences', () => {
  const text =
    'UBND TP. Hồ Chí Minh chi 1.234.567 đồng ngày 6.2.2025. PGS.TS. Nguyễn Văn A cho biết: "Dự án chậm tiến độ." Tại Q. 1, TP.HCM, ThS. Lê B nói... rằng ổn. Thật sao? Có!\n\nĐoạn mới';

  it('does not split at abbreviations, dotted numbers or a lower-case word after an ellipsis', () => {
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      'UBND TP. Hồ Chí Minh chi 1.234.567 đồng ngày 6.2.2025.',
      'PGS.TS. Nguyễn Văn A cho biết: "Dự án chậm tiến độ."',
      'Tại Q. 1, TP.HCM, ThS. Lê B nói... rằng ổn.',
      'Thật sao?',
      'Có!',
      'Đoạn mới',
    ]);
  });

  it('keeps offsets into the input', () => {
    for (const s of splitSentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('splits after an ellipsis followed by a capital', () => {
    expect(splitSentences('Chờ mãi… Cuối cùng cũng xong.')).toHaveLength(2);
  });
});

describe('splitClauses', () => {
  it('splits at contrast connectives and semicolons with roles', () => {
    const clauses = splitClauses('Doanh thu tăng mạnh, nhưng lợi nhuận giảm; nợ xấu tăng');
    expect(clauses.map((c) => [c.text, c.role])).toEqual([
      ['Doanh thu tăng mạnh', 'plain'],
      ['nhưng lợi nhuận giảm', 'contrast'],
      ['nợ xấu tăng', 'plain'],
    ]);
  });

  it('marks a concessive clause and the main clause after it', () => {
    expect(splitClauses('Mặc dù còn khó khăn, tỉnh vẫn hoàn thành kế hoạch').map((c) => c.role)).toEqual(['concession', 'contrast']);
    expect(splitClauses('Tuy vốn ít nhưng hiệu quả cao').map((c) => c.role)).toEqual(['concession', 'contrast']);
  });

  it('does not split `song song` (in parallel) but does split `, song`', () => {
    expect(splitClauses('Hai dự án triển khai song song, song vẫn chậm').map((c) => c.text)).toEqual(['Hai dự án triển khai song song', 'song vẫn chậm']);
  });

  it('adds the offset of the sentence', () => {
    const [first] = splitClauses('Tuy nhiên, tiến độ còn chậm', 100);
    expect(first).toMatchObject({ start: 100, role: 'contrast', marker: 'tuy nhiên' });
  });
});
