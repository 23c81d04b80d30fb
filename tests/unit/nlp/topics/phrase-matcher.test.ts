import { describe, expect, it } from 'vitest';
import { compilePhraseMatcher, MatchList, tokenizeSyllables } from '../../../../src/nlp/phrase-matcher.js';

function find(phrases: string[], text: string, overlapping = false) {
  const m = compilePhraseMatcher(phrases.map((p) => ({ phrase: p, payload: p })));
  return m.match(tokenizeSyllables(text), overlapping).map((x) => ({ phrase: x.phrase, text: text.slice(x.start, x.end) }));
}

describe('phrase matcher', () => {
  it('matches whole syllables only, never inside a word', () => {
    expect(find(['an toàn'], 'Bảo đảm an toàn giao thông')).toEqual([{ phrase: 'an toàn', text: 'an toàn' }]);
    expect(find(['an'], 'Bảo đảm toàn diện, bạn an tâm')).toEqual([{ phrase: 'an', text: 'an' }]);
    expect(find(['ngân hàng'], 'Ngânhàng và ngân hàngx')).toEqual([]);
  });

  it('prefers the longest phrase at a position', () => {
    expect(find(['đường sắt', 'đường sắt tốc độ cao'], 'Dự án đường sắt tốc độ cao Bắc Nam')).toEqual([
      { phrase: 'đường sắt tốc độ cao', text: 'đường sắt tốc độ cao' },
    ]);
  });

  it('returns every phrase when overlapping', () => {
    const got = find(['đường sắt', 'đường sắt tốc độ cao', 'tốc độ cao'], 'đường sắt tốc độ cao', true).map((x) => x.phrase);
    expect(got.sort()).toEqual(['tốc độ cao', 'đường sắt', 'đường sắt tốc độ cao'].sort());
  });

  it('matches unaccented and Đ-capitalised input against accented phrases', () => {
    expect(find(['đường sắt'], 'DUONG SAT Bac Nam')).toHaveLength(1);
    expect(find(['đường sắt'], 'ĐƯỜNG SẮT Bắc Nam')).toHaveLength(1);
    expect(find(['sáp nhập tỉnh'], 'sap nhap tinh thanh')).toHaveLength(1);
  });

  it('does not confuse accented syllables that fold to the same letters', () => {
    expect(find(['sáp nhập'], 'Doanh nghiệp sắp nhập khẩu thép')).toEqual([]);
  });

  it('ignores old/new tone placement and NFD input', () => {
    expect(find(['hòa bình'], 'Hoà Bình')).toHaveLength(1);
    expect(find(['thủy lợi'], 'công trình thuỷ lợi')).toHaveLength(1);
    expect(find(['thủy lợi'], 'công trình thủy lợi'.normalize('NFD').normalize('NFC'))).toHaveLength(1);
  });

  it('reports character offsets into the input', () => {
    const text = 'Ùn tắc giao thông kéo dài ở cửa ngõ';
    const m = find(['ùn tắc giao thông'], text);
    expect(m[0]?.text).toBe('Ùn tắc giao thông');
  });

  it('does not match across sentence breaks, but does across abbreviations', () => {
    expect(find(['hà nội sáng'], 'Tại Hà Nội. Sáng nay')).toEqual([]);
    expect(find(['tp hồ chí minh'], 'UBND TP. Hồ Chí Minh họp')).toHaveLength(1);
    expect(find(['57-NQ/TW'], 'Nghị quyết 57-NQ/TW về khoa học')).toHaveLength(1);
  });

  it('rejects an empty phrase', () => {
    expect(() => compilePhraseMatcher([{ phrase: ' - ', payload: 1 }])).toThrow(/no syllable/);
  });
});

describe('acronyms', () => {
  it('matches a one-syllable acronym only in capitals', () => {
    expect(find(['AI'], 'Ứng dụng AI trong y tế')).toHaveLength(1);
    expect(find(['AI'], 'Ai chịu trách nhiệm? ai cũng biết')).toEqual([]);
    expect(find(['GDP'], 'tăng trưởng gdp')).toEqual([]);
  });
});

describe('matchInto', () => {
  it('lists the matches of match(), in order, as token spans and phrase numbers', () => {
    const phrases = ['đường sắt', 'đường sắt tốc độ cao', 'tốc độ cao', 'Hà Nội', 'AI', 'ha noi', 'cao'];
    const m = compilePhraseMatcher(phrases.map((p, i) => ({ phrase: p, payload: i })));
    const list = new MatchList();
    const text = 'Dự án đường sắt tốc độ cao Hà Nội - TP.HCM ứng dụng AI, ha noi cao tốc. '.repeat(12);
    const tokens = tokenizeSyllables(text);
    for (const overlapping of [false, true]) {
      for (const max of [Infinity, 30]) {
        m.matchInto(tokens, list, overlapping, max);
        const objects = m.match(tokens, overlapping, max);
        expect(list.count).toBe(objects.length);
        objects.forEach((o, i) => {
          expect([list.first[i], list.last[i]]).toEqual([o.first, o.last]);
          expect(m.phraseText(list.phrase[i] as number)).toBe(o.phrase);
          expect(m.payloadsOf(list.phrase[i] as number)).toEqual(o.payloads);
        });
      }
    }
    m.matchInto(tokens, list, true);
    expect(list.count).toBeGreaterThan(64); // the list grew past its initial capacity
  });
});
