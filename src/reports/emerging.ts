/**
 * Emerging issues for the report: title n-grams that jumped this week against the previous
 * weeks (the trends engine's G² test), grown to the phrase the press actually repeats and
 * deduplicated, so leadership reads `sạt lở bờ sông` once instead of `sạt lở`, `lở bờ`, `bờ sông`.
 */
import { foldForSearch } from '../nlp/fold.js';
import type { Store } from '../store/store.js';
import { countPhrases, findEmerging } from '../trends/detector/emerging.js';
import { scanItems } from './scan.js';
import type { EmergingIssue } from './types.js';
import { shiftReportWeek, type ReportWeek } from './week.js';

/** Share of occurrences that must agree on a neighbouring syllable to grow the phrase. */
const GROW_AGREEMENT = 0.8;
const MAX_SYLLABLES = 7;

interface TokenisedTitle {
  words: string[];
  folded: string[];
}

/**
 * Emerging terms of `current` week titles against the titles of the `backgroundWeeks` before it,
 * read from the store. At most `limit` issues, strongest first.
 */
export async function emergingFromStore(store: Store, current: ReportWeek, currentTitles: readonly string[], backgroundWeeks: number, limit = 8): Promise<EmergingIssue[]> {
  if (currentTitles.length === 0 || backgroundWeeks <= 0) return [];
  const backgroundTitles: string[] = [];
  const start = shiftReportWeek(current, -backgroundWeeks);
  await scanItems(store, start.from, current.from, (item) => backgroundTitles.push(item.title));
  return emergingTerms(currentTitles, backgroundTitles, limit);
}

/** Pure core of {@link emergingFromStore}. */
export function emergingTerms(currentTitles: readonly string[], backgroundTitles: readonly string[], limit = 8): EmergingIssue[] {
  const now = countPhrases([...currentTitles]);
  const before = countPhrases([...backgroundTitles]);
  const terms = findEmerging(now.counts, before.counts, {
    currentTotal: currentTitles.length,
    backgroundTotal: backgroundTitles.length,
    labels: now.labels,
    limit: limit * 6,
  });
  const titles = currentTitles.map(tokenise);
  const kept: { phrase: string; issue: EmergingIssue }[] = [];
  for (const t of terms) {
    const grown = growPhrase(titles, t.key.split(' '));
    const phrase = grown?.folded ?? t.key;
    if (kept.some((k) => sharesBigram(k.phrase, phrase))) continue;
    kept.push({ phrase, issue: { label: grown?.label ?? t.label, current: t.current, background: t.background, ratio: t.ratio, kind: 'term' } });
    if (kept.length >= limit) break;
  }
  return kept.map((k) => k.issue);
}

function tokenise(title: string): TokenisedTitle {
  const words = title.normalize('NFC').split(/\s+/u).map((w) => w.replace(/[^\p{L}\p{N}]/gu, '')).filter(Boolean);
  return { words, folded: words.map((w) => foldForSearch(w)) };
}

/**
 * Extend a key left and right while most titles containing it agree on the next syllable.
 * Returns the folded phrase and its most common spelling (lower case).
 */
function growPhrase(titles: readonly TokenisedTitle[], key: readonly string[]): { folded: string; label: string } | null {
  const hits: { t: TokenisedTitle; start: number; end: number }[] = [];
  for (const t of titles) {
    const at = indexOfSequence(t.folded, key);
    if (at >= 0) hits.push({ t, start: at, end: at + key.length });
  }
  if (hits.length === 0) return null;
  const agree = (pick: (h: (typeof hits)[number]) => string | undefined): boolean => {
    const counts = new Map<string, number>();
    for (const h of hits) {
      const s = pick(h);
      if (s !== undefined) counts.set(s, (counts.get(s) ?? 0) + 1);
    }
    const best = Math.max(0, ...counts.values());
    return best >= GROW_AGREEMENT * hits.length && new Set(hits.map(pick)).size === 1;
  };
  for (let grew = true; grew && hits[0]!.end - hits[0]!.start < MAX_SYLLABLES; ) {
    grew = false;
    if (agree((h) => h.t.folded[h.start - 1])) {
      for (const h of hits) h.start -= 1;
      grew = true;
    }
    if (hits[0]!.end - hits[0]!.start < MAX_SYLLABLES && agree((h) => h.t.folded[h.end])) {
      for (const h of hits) h.end += 1;
      grew = true;
    }
  }
  const spellings = new Map<string, number>();
  for (const h of hits) {
    const label = h.t.words.slice(h.start, h.end).join(' ').toLowerCase();
    spellings.set(label, (spellings.get(label) ?? 0) + 1);
  }
  const label = [...spellings].sort((a, b) => b[1] - a[1])[0]![0];
  const first = hits[0]!;
  return { folded: first.t.folded.slice(first.start, first.end).join(' '), label };
}

/** Two phrases that share two consecutive syllables describe the same issue. */
function sharesBigram(a: string, b: string): boolean {
  const bigrams = (p: string) => {
    const s = p.split(' ');
    return s.length < 2 ? new Set([p]) : new Set(s.slice(1).map((w, i) => `${s[i]} ${w}`));
  };
  const left = bigrams(a);
  for (const g of bigrams(b)) if (left.has(g)) return true;
  return false;
}

function indexOfSequence(haystack: readonly string[], needle: readonly string[]): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
