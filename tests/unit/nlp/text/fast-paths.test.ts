import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdTrie } from '../../../../src/nlp/id-trie.js';
import { SliceInterner } from '../../../../src/nlp/intern.js';
import { compilePhraseMatcher, tokenizeSyllables, type SyllableToken } from '../../../../src/nlp/phrase-matcher.js';
import { scanField } from '../../../../src/nlp/sentiment/tokens.js';
import { simhash64 } from '../../../../src/nlp/stories/simhash.js';

describe('SliceInterner', () => {
  it('gives one id per distinct slice and its canonical string', () => {
    const t = new SliceInterner();
    const text = 'xã hội, hội nghị; xã';
    const a = t.id(text, 0, 2);
    expect(t.id(text, 18, 20)).toBe(a);
    expect(t.str(a)).toBe('xã');
    expect(t.id(text, 3, 6)).not.toBe(a);
    expect(t.id(text, 8, 11)).toBe(t.id(text, 3, 6));
  });

  it('keeps ids stable when full in refuse mode, but still interns on request', () => {
    const t = new SliceInterner(3, 'refuse');
    const ids = ['a', 'b', 'c'].map((s) => t.id(s, 0, 1));
    expect(t.id('d', 0, 1)).toBe(-1);
    expect(t.id('b', 0, 1)).toBe(ids[1]);
    const forced = t.intern('d');
    expect(forced).toBeGreaterThanOrEqual(0);
    expect(t.id('d', 0, 1)).toBe(forced);
  });

  it('starts over in reset mode and says so', () => {
    const t = new SliceInterner(2);
    t.id('a', 0, 1);
    t.id('b', 0, 1);
    t.id('c', 0, 1);
    expect(t.generation).toBe(1);
    expect(t.str(t.id('c', 0, 1))).toBe('c');
  });

  it('survives growth with many strings', () => {
    const t = new SliceInterner();
    const words = Array.from({ length: 20_000 }, (_, i) => `w${i}`);
    const ids = words.map((w) => t.id(w, 0, w.length));
    expect(new Set(ids).size).toBe(words.length);
    words.forEach((w, i) => expect(t.id(w, 0, w.length)).toBe(ids[i]));
  });
});

describe('IdTrie', () => {
  it('finds what was added and nothing else', () => {
    const trie = new IdTrie();
    const paths = Array.from({ length: 3000 }, (_, i) => [i % 37, (i * 7) % 101, i]);
    const ends = paths.map((p) => p.reduce((node, id) => trie.add(node, id), 0));
    paths.forEach((p, i) => expect(p.reduce((node, id) => (node < 0 ? -1 : trie.child(node, id)), 0)).toBe(ends[i]));
    expect(trie.child(0, 5000)).toBe(-1);
    expect(trie.child(trie.child(0, 1), 999_999)).toBe(-1);
    expect(() => trie.add(0, -1)).toThrow(/not interned/);
  });
});

/** The original bit-by-bit SimHash, as a reference for the bit-sliced counting. */
function referenceSimhash(fields: { syllables: string[]; weight: number }[]): string {
  const fnv = (s: string) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return fmix(h);
  };
  const rotl = (x: number, r: number) => ((x << r) | (x >>> (32 - r))) >>> 0;
  function fmix(h: number): number {
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return h >>> 0;
  }
  const acc = new Float64Array(64);
  let any = false;
  for (const { syllables, weight } of fields) {
    if (syllables.length === 0) continue;
    const hashes = syllables.map(fnv);
    const count = Math.max(1, syllables.length - 2);
    const ones = new Int32Array(64);
    for (let i = 0; i < count; i++) {
      const [a, b, c] = [hashes[i] as number, hashes[i + 1] ?? 0x27d4eb2f, hashes[i + 2] ?? 0x165667b1];
      const lo = fmix(a ^ rotl(b, 11) ^ rotl(c, 22) ^ 0x9e3779b9);
      const hi = fmix(rotl(a, 5) ^ rotl(b, 17) ^ rotl(c, 29) ^ 0x85ebca77);
      for (let bit = 0; bit < 32; bit++) {
        ones[bit] = (ones[bit] as number) + ((lo >>> bit) & 1);
        ones[32 + bit] = (ones[32 + bit] as number) + ((hi >>> bit) & 1);
      }
    }
    for (let bit = 0; bit < 64; bit++) acc[bit] = (acc[bit] as number) + weight * (2 * (ones[bit] as number) - count);
    any = true;
  }
  if (!any) return '0000000000000000';
  let lo = 0;
  let hi = 0;
  for (let b = 0; b < 32; b++) {
    if ((acc[b] as number) > 0) lo |= 1 << b;
    if ((acc[32 + b] as number) > 0) hi |= 1 << b;
  }
  return (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
}

describe('simhash64 bit-sliced counting', () => {
  it('equals the bit-by-bit reference, including fields longer than a lane flush (255 shingles)', () => {
    const syllable = fc.constantFrom('quoc', 'hoi', 'thong', 'qua', 'gia', 'vang', 'tang', 'ha', 'noi', '2025', 'x');
    const field = fc.record({ syllables: fc.array(syllable, { maxLength: 700 }), weight: fc.constantFrom(1, 2, 4, 0.5) });
    fc.assert(
      fc.property(fc.array(field, { maxLength: 3 }), (fields) => {
        const h = simhash64(fields);
        const hex = h.hi.toString(16).padStart(8, '0') + h.lo.toString(16).padStart(8, '0');
        expect(hex).toBe(referenceSimhash(fields));
      }),
      { numRuns: 60 },
    );
    // One repeated shingle sets the same bits 700 times: 8-bit lanes must be flushed in time.
    const repeated = [{ syllables: Array.from({ length: 700 }, () => 'quoc'), weight: 1 }, { syllables: ['ha', 'noi'], weight: 300 }];
    const h = simhash64(repeated);
    expect(h.hi.toString(16).padStart(8, '0') + h.lo.toString(16).padStart(8, '0')).toBe(referenceSimhash(repeated));
  });
});

describe('scanField', () => {
  it('lower-cases each token as its own slice would be, with and without `İ` in the text', () => {
    const word = fc.constantFrom('Hà', 'NỘI', 'tp', 'TP.HCM', '1.234,5', 'Đường', 'ÁN', 'qúy', 'x');
    const sep = fc.constantFrom(' ', ', ', '. ', '; ', '\n', ' - ');
    fc.assert(
      fc.property(fc.array(fc.tuple(word, sep), { maxLength: 30 }), fc.boolean(), (parts, withDottedI) => {
        const text = (withDottedI ? 'İ ' : '') + parts.map(([w, s]) => w + s).join('');
        const t = scanField(text);
        for (let k = 0; k < t.count; k++) {
          const slice = text.slice(t.start[k], t.end[k]);
          if (!withDottedI) expect(t.lower[k]).toBe(slice.toLowerCase());
        }
        expect(t.unaccented).toBe(!/[\u00c0-\u1eff]/.test(text.replace(/[^A-Za-z0-9\u00c0-\u024f\u0300-\u036f\u1e00-\u1eff]/g, '')));
      }),
      { numRuns: 200 },
    );
  });

  it('does not break a sentence after a known abbreviation', () => {
    const t = scanField('UBND TP. Hồ Chí Minh họp. Dân vui');
    const gapBefore = (syllable: string) => t.gap[t.lower.indexOf(syllable)] as number;
    expect(gapBefore('hồ') & 1).toBe(0);
    expect(gapBefore('dân') & 1).toBe(1);
  });
});

/** Brute-force reference of the phrase matcher's contract. */
function referenceMatch(phrases: string[], tokens: readonly SyllableToken[], overlapping: boolean): string[] {
  // Phrases with the same syllable keys are one phrase (the first spelling names it); a
  // one-syllable phrase also keeps its case requirement apart.
  const seen = new Set<string>();
  const compiled = phrases
    .map((p, order) => ({ p, order, toks: tokenizeSyllables(p) }))
    .filter(({ toks }) => {
      const identity = toks.map((t) => t.key).join(' ') + (toks.length === 1 ? `#${toks[0]?.upper ? 'U' : ''}${toks[0]?.capital ? 'C' : ''}` : '');
      if (seen.has(identity)) return false;
      seen.add(identity);
      return true;
    });
  const out: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    const found = compiled
      .filter(({ p, toks }) => {
        if (i + toks.length > tokens.length) return false;
        if (toks.length === 1) {
          const head = tokens[i] as SyllableToken;
          const single = toks[0] as SyllableToken;
          if (single.upper && /^\p{L}{2,}$/u.test(p.trim()) && !head.upper) return false;
          if (single.capital && !head.capital) return false;
        }
        return toks.every((pt, k) => {
          const t = tokens[i + k] as SyllableToken;
          return !(k > 0 && t.breakBefore) && (t.key === pt.key || (t.plain && t.folded === pt.folded));
        });
      })
      .sort((a, b) => b.toks.length - a.toks.length || a.order - b.order);
    for (const f of overlapping ? found : found.slice(0, 1)) out.push(`${i}+${f.toks.length}:${f.p}`);
    i += overlapping || found.length === 0 ? 1 : (found[0] as (typeof found)[number]).toks.length;
  }
  return out;
}

describe('phrase matcher on the integer trie', () => {
  const vocabulary = ['đường', 'sắt', 'tốc', 'độ', 'cao', 'duong', 'sat', 'Hòa', 'Bình', 'hoà', 'bình', 'AI', 'ai', 'Gaza', 'sáp', 'nhập', 'sắp', 'tỉnh'];
  const phrasePool = ['đường sắt', 'đường sắt tốc độ cao', 'tốc độ cao', 'tốc độ', 'hòa bình', 'Hòa Bình', 'AI', 'Gaza', 'sáp nhập tỉnh', 'sắp nhập', 'cao', 'bình'];

  it('agrees with a brute-force reference, overlapping or not, on real and hand-built tokens', () => {
    const text = fc.array(fc.tuple(fc.constantFrom(...vocabulary), fc.constantFrom(' ', ' ', ', ', '. ', '\n')), { maxLength: 25 }).map((ws) => ws.map(([w, s]) => w + s).join(''));
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...phrasePool), { minLength: 1 }), text, fc.boolean(), (phrases, input, overlapping) => {
        const matcher = compilePhraseMatcher(phrases.map((p) => ({ phrase: p, payload: p })));
        const tokens = tokenizeSyllables(input);
        const got = matcher.match(tokens, overlapping).map((m) => `${m.first}+${m.last - m.first}:${m.phrase}`);
        expect(got).toEqual(referenceMatch(phrases, tokens, overlapping));
        // Plain objects (not from the tokenizer) take the conversion path and must agree.
        const plain = tokens.map((t) => ({ start: t.start, end: t.end, lower: t.lower, key: t.key, folded: t.folded, plain: t.plain, breakBefore: t.breakBefore, upper: t.upper, capital: t.capital }));
        expect(matcher.match(plain, overlapping).map((m) => `${m.first}+${m.last - m.first}:${m.phrase}`)).toEqual(got);
      }),
      { numRuns: 300 },
    );
  });
});
