import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexedTokens, syllableForms, tokenizeSyllables, TOKEN_CAPITAL, TOKEN_LONG, TOKEN_UPPER, type IndexedToken, type SyllableToken } from '../../../../src/nlp/phrase-matcher.js';
import { fingerprint, fingerprintWithIds, type StoryTokens } from '../../../../src/nlp/stories/fingerprint.js';
import { idListsOf, insertSorted } from '../../../../src/nlp/stories/overlap.js';

/** The fingerprint's word lists as first written: strings in Sets (the reference the fast path must equal). */
function referenceLists(tokens: { title: readonly SyllableToken[]; lead: readonly SyllableToken[]; text: readonly SyllableToken[] }, tag: number) {
  const FUNCTION_WORDS = new Set(
    'va cua la cho voi trong tai o da duoc bi nay cac nhung mot tu den ve nhu khi thi de co khong se dang vi ra len vao sau truoc theo tren duoi hon nhat rat cung con moi nam ngay thang'.split(' '),
  );
  const titleTokens = indexedTokens(tokens.title);
  const allLead = indexedTokens(tokens.lead);
  const leadTokens = tag > 0 ? allLead.filter((t) => t.start >= tag) : allLead;
  const bodyTokens = indexedTokens(tokens.text);
  const isNumber = (s: string) => /^\d+$/.test(s);
  const titleCount = Math.min(60, titleTokens.length);
  const leadCount = Math.min(40, leadTokens.length);
  const title = new Set<string>();
  const numbers = new Set<string>();
  for (let i = 0; i < titleCount; i++) {
    const s = (titleTokens[i] as IndexedToken).f.folded;
    if (isNumber(s)) numbers.add(s);
    else if (!FUNCTION_WORDS.has(s)) title.add(s);
  }
  for (let i = 0; i < leadCount; i++) if (isNumber((leadTokens[i] as IndexedToken).f.folded)) numbers.add((leadTokens[i] as IndexedToken).f.folded);
  const bigrams = (ts: readonly IndexedToken[], count: number, out: Set<string>) => {
    for (let i = 0; i + 1 < count; i++) out.add(`${(ts[i] as IndexedToken).f.folded} ${(ts[i + 1] as IndexedToken).f.folded}`);
    return out;
  };
  const lead = [...bigrams(leadTokens, leadCount, new Set())];
  const keys = bigrams(titleTokens, titleCount, new Set());
  for (let i = 0; i < lead.length && i < 20; i++) keys.add(lead[i] as string);
  const names: string[] = [];
  const properNames = (ts: readonly IndexedToken[], max: number) => {
    for (let i = 0; i < Math.min(max, ts.length); i++) {
      const t = ts[i] as IndexedToken;
      const f = t.flags;
      if (!(f & TOKEN_LONG) || !(f & (TOKEN_CAPITAL | TOKEN_UPPER))) continue;
      if (i > 0 && !t.breakBefore && f & TOKEN_CAPITAL && !(f & TOKEN_UPPER)) names.push(t.f.folded);
      else if (f & TOKEN_UPPER && !/^\d/.test(t.f.folded)) names.push(t.f.folded);
    }
  };
  properNames(titleTokens, titleTokens.length);
  properNames(leadTokens, leadTokens.length);
  properNames(bodyTokens, 300);
  return { title: [...title], lead, numbers: [...numbers], keys: [...keys], names: [...new Set(names)] };
}

const word = fc.constantFrom('Hà', 'Nội', 'ha', 'noi', 'Quốc', 'hội', 'thông', 'qua', 'luật', 'và', 'của', '2025', '7', 'GDP', 'UBND', 'Đà', 'Nẵng', 'giá', 'vàng', 'tăng', 'x', 'A');
const sentence = fc.array(word, { minLength: 0, maxLength: 70 }).map((ws) => ws.join(' '));
const text = fc.array(sentence, { maxLength: 12 }).map((ss) => ss.join('. '));

describe('fingerprint word lists', () => {
  it('equal the Set-based lists, and the id lists equal those made from the strings', () => {
    fc.assert(
      fc.property(sentence, fc.boolean(), text, text, (title, tagged, lead, body) => {
        const leadText = tagged ? `(Chinhphu.vn) - ${lead}` : lead;
        const tokens = { title: tokenizeSyllables(title), lead: tokenizeSyllables(leadText), text: tokenizeSyllables(body) };
        const tag = tagged && /^\s*\(Chinhphu\.vn\)\s*-\s+/.test(leadText) ? '(Chinhphu.vn) - '.length : 0;
        const { fp, ids } = fingerprintWithIds({ title, lead: leadText, text: null }, tokens);
        const { title: t, lead: l, numbers, keys, names } = fp;
        expect({ title: t, lead: l, numbers, keys, names }).toEqual(referenceLists(tokens, tag));
        expect(ids).toEqual(idListsOf([fp.title, fp.lead, fp.names, fp.numbers]));
        // Without tokens the fingerprint tokenises its own (NFC) text: same lists and hash as the tokens give.
        const own = fingerprint({ title, lead: leadText, text: body });
        expect({ ...own, simhash: { ...own.simhash } }).toEqual({ ...fp, simhash: { ...fp.simhash } });
      }),
      { numRuns: 200 },
    );
  });

  it('handles hand-built tokens: syllables without ids and folded forms with spaces', () => {
    // An interned folded form with a space (only hand-built tokens carry one) and one never interned.
    syllableForms('ha noi');
    const make = (folded: string, start: number, capital = false): SyllableToken => ({ start, end: start + folded.length, lower: folded, key: `${folded}0`, folded, plain: true, breakBefore: false, upper: false, capital });
    const forms = ['ha noi', 'ha', 'noi', 'ha noi', 'zzq-never-interned', 'ha', 'noi', 'ha noi', 'zzq-never-interned'];
    const list = forms.map((f, i) => make(f, i * 20, i % 3 === 1));
    const tokens: StoryTokens = { title: list, lead: list, text: list };
    const { fp, ids } = fingerprintWithIds({ title: 'x', lead: 'x', text: null }, tokens);
    const ref = referenceLists(tokens, 0);
    expect({ title: fp.title, lead: fp.lead, numbers: fp.numbers, keys: fp.keys, names: fp.names }).toEqual(ref);
    expect(ids).toEqual(idListsOf([fp.title, fp.lead, fp.names, fp.numbers]));
  });
});

describe('insertSorted', () => {
  it('keeps the part after `from` sorted and leaves the part before it alone', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 })), fc.array(fc.integer({ min: 0, max: 50 })), (before, added) => {
        const ids = [...before];
        for (const id of added) insertSorted(ids, before.length, id);
        expect(ids).toEqual([...before, ...[...added].sort((x, y) => x - y)]);
      }),
    );
  });
});
