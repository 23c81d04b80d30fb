import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePhraseMatcher, indexedTokens, tokenizeSyllables, type SyllableToken } from '../../../../src/nlp/phrase-matcher.js';
import { normaliseForMatching } from '../../../../src/nlp/normalise.js';
import { containment } from '../../../../src/nlp/stories/fingerprint.js';
import { containmentByIds } from '../../../../src/nlp/stories/overlap.js';

const PHRASES = ['đường sắt', 'đường sắt tốc độ cao', 'tốc độ cao', 'cao', 'Bắc Nam', 'AI', 'hà nội'];
const matcher = compilePhraseMatcher(PHRASES.map((p) => ({ phrase: p, payload: p })));
const word = fc.constantFrom('đường', 'sắt', 'tốc', 'độ', 'cao', 'Bắc', 'Nam', 'AI', 'ai', 'hà', 'nội', 'duong', 'sat', '.', ',', '!');

describe('phrase matcher with a token limit', () => {
  it('finds exactly what it finds on a copy of the first tokens, overlapping or not', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), fc.nat(45), fc.boolean(), (words, limit, overlapping) => {
        const tokens = tokenizeSyllables(words.join(' '));
        expect(matcher.match(tokens, overlapping, limit)).toEqual(matcher.match(tokens.slice(0, limit), overlapping));
      }),
      { numRuns: 400 },
    );
  });

  it('stops a phrase at the limit instead of completing it past it', () => {
    const tokens = tokenizeSyllables('dự án đường sắt tốc độ cao');
    expect(matcher.match(tokens, false, 4).map((m) => m.phrase)).toEqual(['đường sắt']);
    expect(matcher.match(tokens, false).map((m) => m.phrase)).toEqual(['đường sắt tốc độ cao']);
  });
});

describe('indexedTokens', () => {
  it('returns the tokeniser array itself, also once many later arrays were made', () => {
    const tokens = tokenizeSyllables('Quốc hội thông qua luật');
    expect(indexedTokens(tokens)).toBe(tokens);
    for (let i = 0; i < 50; i++) tokenizeSyllables(`câu ${i}`);
    expect(indexedTokens(tokens)).toBe(tokens);
  });

  it('converts hand-built tokens, only the head when asked, with the same forms as the tokeniser', () => {
    const real = tokenizeSyllables('Đường sắt Bắc Nam');
    const plain: SyllableToken[] = real.map((t) => ({ start: t.start, end: t.end, lower: t.lower, key: t.key, folded: t.folded, plain: t.plain, breakBefore: t.breakBefore, upper: t.upper, capital: t.capital }));
    const head = indexedTokens(plain, 2);
    expect(head).toHaveLength(2);
    head.forEach((t, i) => {
      expect(t.foldedId).toBe(indexedTokens(real)[i]?.foldedId);
      expect(t.keyId).toBe(indexedTokens(real)[i]?.keyId);
    });
    expect(indexedTokens(plain)).toHaveLength(4);
    // A tokeniser array changed after the fact is checked again, not trusted.
    const changed = [...real, plain[0] as SyllableToken];
    expect(indexedTokens(changed)[4]?.foldedId).toBe(indexedTokens(real)[0]?.foldedId);
  });
});

describe('containmentByIds id cache', () => {
  it('leaves the lists as they were to JSON and equality, and works on frozen lists', () => {
    const a = ['ha noi', 'dan', 'so'];
    const b = Object.freeze(['dan', 'so', 'bo']);
    expect(containmentByIds(a, b)).toBe(containment(a, b));
    expect(containmentByIds(a, b)).toBe(containment(a, b));
    expect(JSON.stringify(a)).toBe('["ha noi","dan","so"]');
    expect(Object.keys(a)).toEqual(['0', '1', '2']);
    expect(a).toEqual(['ha noi', 'dan', 'so']);
  });
});

describe('normaliseForMatching on text the caller normalised', () => {
  it('gives the same result as the checking path, combining marks left in NFC included', () => {
    for (const raw of ['Thuỷ lợi hoà bình', 'Hòa Bình', 'x\u0300 và q\u0301', 'Quý  “giá” – 5 %', 'Thủ tướng'.normalize('NFD')]) {
      const nfc = raw.normalize('NFC');
      expect(normaliseForMatching(nfc, true)).toBe(normaliseForMatching(nfc));
    }
  });
});
