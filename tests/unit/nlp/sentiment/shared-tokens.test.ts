import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseForMatching } from '../../../../src/nlp/normalise.js';
import { tokenizeSyllables } from '../../../../src/nlp/phrase-matcher.js';
import { analyseSentiment, loadSentimentLexicon } from '../../../../src/nlp/sentiment/index.js';
import { fieldTokensFromSyllables, scanField, type FieldTokens } from '../../../../src/nlp/sentiment/tokens.js';

/** The scanner's output as plain arrays, for deep comparison. */
function plain(t: FieldTokens) {
  const n = t.count;
  return { count: n, lower: t.lower.slice(0, n), ids: [...t.ids.slice(0, n)], start: [...t.start.slice(0, n)], end: [...t.end.slice(0, n)], gap: [...t.gap.slice(0, n)], unaccented: t.unaccented };
}

describe('fieldTokensFromSyllables', () => {
  it('builds exactly what scanField builds, joined numbers and abbreviations included', () => {
    const word = fc.constantFrom('Hà', 'NỘI', 'tp', 'TP', 'HCM', '1', '234', '5', 'Đường', 'ÁN', 'quý', 'x', 'ha', 'noi', 'ThS', 'không', 'tốt', 'nhưng');
    const sep = fc.constantFrom(' ', ', ', '. ', '.', ',', '; ', '\n', ' - ', '! ', '… ', ': ', '..', ' "', '" ');
    fc.assert(
      fc.property(fc.array(fc.tuple(word, sep), { maxLength: 40 }), (parts) => {
        const text = normaliseForMatching(parts.map(([w, s]) => w + s).join(''));
        const built = fieldTokensFromSyllables(text, tokenizeSyllables(text));
        expect(built).not.toBeNull();
        expect(plain(built as FieldTokens)).toEqual(plain(scanField(text)));
      }),
      { numRuns: 300 },
    );
  });

  it('hands text the scanner splits differently back to the scanner', () => {
    for (const text of ['Giá tăng 5m² mỗi năm', 'İstanbul và Hà Nội', 'Dân vui 😀 lắm', 'Αθήνα hợp tác']) {
      expect(fieldTokensFromSyllables(text, tokenizeSyllables(text))).toBeNull();
    }
  });

  it('gives the analyser the same sentiment as scanning the text again', () => {
    const lexicon = loadSentimentLexicon();
    const doc = {
      title: 'Dự án 1.234 tỷ đồng ở TP.HCM chậm tiến độ',
      lead: 'UBND TP. Hồ Chí Minh cho biết dự án không hoàn thành, nhưng người dân vẫn đồng tình.',
      text: 'Mặc dù vốn tăng 7,2%, tiến độ vẫn chậm; tuy nhiên, sai phạm đã được khắc phục. Cong trinh khong dat chat luong.',
    };
    const normalised = { title: normaliseForMatching(doc.title), lead: normaliseForMatching(doc.lead), text: normaliseForMatching(doc.text) };
    const syllables = { title: tokenizeSyllables(normalised.title), lead: tokenizeSyllables(normalised.lead), text: tokenizeSyllables(normalised.text) };
    const scanned = analyseSentiment(doc, lexicon, { normalised });
    expect(scanned.evidence.length).toBeGreaterThan(0);
    expect(analyseSentiment(doc, lexicon, { normalised, syllables, nfc: true })).toEqual(scanned);
  });
});
