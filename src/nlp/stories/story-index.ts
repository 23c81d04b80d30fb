/**
 * Story clustering over a sliding time window. Each new item is compared only with candidates
 * found by O(1) lookups: the four 16-bit SimHash bands (any copy within Hamming distance 3
 * shares one) and the rarest headline/lead bigrams (rewrites keep some wording). A candidate
 * joins the item to its story when the SimHashes are near, or when headline, lead and numbers
 * agree well enough for a rewrite. State exports to JSON so a worker can persist it.
 */
import { fingerprint, fingerprintContainment as containment, type Fingerprint, type StoryText, type StoryTokens } from './fingerprint.js';
import { PostingIndex } from './postings.js';
import { bands, hammingDistance, hashFromHex, hashToHex } from './simhash.js';

/** Options for {@link createStoryIndex}. */
export interface StoryIndexOptions {
  /** Items older than this (relative to the newest seen) leave the index. @defaultValue 7 days */
  windowMs?: number;
  /** SimHash distance at or below which two items are copies. @defaultValue 6 */
  maxHamming?: number;
  /** Rewrite score (headline + lead agreement) at or above which two items are one story. @defaultValue 0.5 */
  rewriteThreshold?: number;
  /** Rare keys looked up per item. @defaultValue 8 */
  lookupKeys?: number;
  /** Upper bound on items kept, oldest dropped first. @defaultValue 500000 */
  maxItems?: number;
}

/** Item as given to {@link StoryIndex.assign}. */
export interface StoryItem extends StoryText {
  id: string;
  /** ISO-8601 instant. */
  publishedAt: string;
  /** Syllable tokens of title/lead/text (NFC), to skip re-tokenising. */
  tokens?: StoryTokens;
}

/** Result of {@link StoryIndex.assign}. */
export interface StoryAssignment {
  storyId: string;
  /** 16 hex digits. */
  simhash: string;
  /** The indexed item this one duplicates (absent for the first item of a story). */
  duplicateOf?: string;
}

/** Serialised index state (JSON-safe). */
export interface StoryIndexState {
  version: 1;
  items: { id: string; storyId: string; t: number; simhash: string; title: string[]; lead: string[]; numbers: string[]; keys: string[]; names?: string[]; places?: string[] }[];
  stories: { id: string; representative: string; representativeT: number }[];
}

/** The index. */
export interface StoryIndex {
  assign(item: StoryItem): StoryAssignment;
  /** Earliest-published item of a story still known to the index. */
  representative(storyId: string): string | undefined;
  /** Items currently in the window. */
  readonly size: number;
  exportState(): StoryIndexState;
  importState(state: StoryIndexState): void;
}

interface Entry {
  id: string;
  storyId: string;
  t: number;
  fp: Fingerprint;
}

const DAY_MS = 86_400_000;
/** Rare headline/lead bigrams a rewrite candidate must share. */
const MIN_SHARED_KEYS = 2;

/** Weights of the rewrite score (fitted on the dev split of the dedup gold set). */
export const REWRITE_WEIGHTS = { title: 0.3, lead: 0.3, names: 0.2, numbersAgree: 0.3, numberAgreeOne: 0.15, numbersDisagree: 0.3 };

/**
 * Rewrite score: headline, lead and proper-name overlap, raised when the numbers (counts, dates)
 * agree and lowered when they disagree: a follow-up shares wording but not its figures.
 * Items naming different provinces never match here.
 */
export function rewriteScore(a: Fingerprint, b: Fingerprint, w = REWRITE_WEIGHTS): number {
  // Reports of the same kind of event in different provinces are different stories.
  if (placesDisagree(a, b)) return 0;
  const lead = a.lead.length > 0 && b.lead.length > 0 ? containment(a.lead, b.lead) : containment(a.title, b.title);
  let score = w.title * containment(a.title, b.title) + w.lead * lead + w.names * (a.names.length > 0 && b.names.length > 0 ? containment(a.names, b.names) : 0.5);
  const fewest = Math.min(a.numbers.length, b.numbers.length);
  if (fewest > 0) {
    const agree = containment(a.numbers, b.numbers);
    if (agree >= 0.99) score += fewest >= 2 ? w.numbersAgree : w.numberAgreeOne;
    else if (agree < 0.5) score -= w.numbersDisagree;
    else score -= w.numbersDisagree / 3;
  }
  return score;
}

/** Both items name provinces and share none. */
function placesDisagree(a: Fingerprint, b: Fingerprint): boolean {
  // `jaccard(a.places, b.places) === 0` without building two sets per candidate: the lists are a few ids long.
  return a.places.length > 0 && b.places.length > 0 && !sharesAny(a.places, b.places);
}

function sharesAny(a: readonly string[], b: readonly string[]): boolean {
  for (let i = 0; i < b.length; i++) if (a.includes(b[i] as string)) return true;
  return false;
}

/** SimHash distance of copies that differ only in punctuation or an outlet tag. */
const EXACT_COPY_HAMMING = 2;

/** Create an empty story index. */
export function createStoryIndex(opts: StoryIndexOptions = {}): StoryIndex {
  const windowMs = opts.windowMs ?? 7 * DAY_MS;
  const maxHamming = opts.maxHamming ?? 6;
  const rewriteThreshold = opts.rewriteThreshold ?? 0.5;
  const lookupKeys = opts.lookupKeys ?? 8;
  const maxItems = opts.maxItems ?? 500_000;

  let entries = new Map<string, Entry>();
  let order: Entry[] = []; // insertion order, for eviction
  let bandIndex = new PostingIndex<number, Entry>();
  let keyIndex = new PostingIndex<string, Entry>();
  let stories = new Map<string, { representative: string; t: number }>();
  let members = new Map<string, number>();
  let newest = -Infinity;

  /** The four band keys of a SimHash (band number in the high bits). */
  function bandKeys(h: Fingerprint['simhash']): [number, number, number, number] {
    const [a, b, c, d] = bands(h);
    return [a, 65536 + b, 2 * 65536 + c, 3 * 65536 + d];
  }

  function insert(e: Entry): void {
    entries.set(e.id, e);
    order.push(e);
    for (const k of bandKeys(e.fp.simhash)) bandIndex.add(k, e);
    for (const k of e.fp.keys) keyIndex.add(k, e);
    members.set(e.storyId, (members.get(e.storyId) ?? 0) + 1);
    newest = Math.max(newest, e.t);
  }

  function remove(e: Entry): void {
    if (entries.get(e.id) !== e) return;
    entries.delete(e.id);
    for (const k of bandKeys(e.fp.simhash)) bandIndex.delete(k, e);
    for (const k of e.fp.keys) keyIndex.delete(k, e);
    const left = (members.get(e.storyId) ?? 1) - 1;
    if (left > 0) members.set(e.storyId, left);
    else {
      members.delete(e.storyId);
      stories.delete(e.storyId); // a story with no item left in the window is closed
    }
  }

  function evict(): void {
    const cutoff = newest - windowMs;
    let drop = 0;
    while (drop < order.length && ((order[drop] as Entry).t < cutoff || order.length - drop > maxItems)) remove(order[drop++] as Entry);
    if (drop > 0) order = order.slice(drop);
  }

  function candidates(fp: Fingerprint): Set<Entry> {
    const out = new Set<Entry>();
    for (const k of bandKeys(fp.simhash)) bandIndex.collect(k, out);
    // The rarest keys identify the event; common ones (`ha noi`) would return half the window.
    const rare = fp.keys
      .map((k) => [k, keyIndex.count(k)] as const)
      .filter(([, n]) => n > 0)
      .sort((a, b) => a[1] - b[1])
      .slice(0, lookupKeys);
    // A rewrite shares several rare bigrams; one shared phrase alone is common in the news.
    const shared = new Map<Entry, number>();
    for (const [k] of rare) keyIndex.tally(k, shared);
    for (const [e, count] of shared) if (count >= MIN_SHARED_KEYS) out.add(e);
    return out;
  }

  function best(fp: Fingerprint, self: string): { entry: Entry; score: number } | null {
    let found: { entry: Entry; score: number } | null = null;
    for (const e of candidates(fp)) {
      if (e.id === self) continue;
      const d = hammingDistance(fp.simhash, e.fp.simhash);
      // Templated reports about different places look alike: only true copies may cross places.
      const near = d <= (placesDisagree(fp, e.fp) ? EXACT_COPY_HAMMING : maxHamming);
      const score = near ? 2 - d / 64 : rewriteScore(fp, e.fp);
      if (score >= rewriteThreshold && (!found || score > found.score)) found = { entry: e, score };
    }
    return found;
  }

  return {
    assign(item) {
      const t = Date.parse(item.publishedAt);
      if (Number.isNaN(t)) throw new Error(`story index: item ${item.id} has an invalid publishedAt "${item.publishedAt}"`);
      const existing = entries.get(item.id);
      // With tokens given, the fingerprint reads only the lead's text (its outlet tag): title and body need no normalising.
      const tokens = item.tokens;
      const fp = fingerprint(
        tokens
          ? { title: item.title, lead: item.lead?.normalize('NFC') ?? null, text: null, places: item.places ?? [] }
          : { title: item.title.normalize('NFC'), lead: item.lead?.normalize('NFC') ?? null, text: item.text?.normalize('NFC') ?? null, places: item.places ?? [] },
        tokens,
      );
      if (existing) remove(existing); // re-analysis of an updated item: keep its story
      const match = best(fp, item.id);
      const storyId = existing?.storyId ?? match?.entry.storyId ?? item.id;
      insert({ id: item.id, storyId, t, fp });
      const story = stories.get(storyId);
      if (!story || t < story.t) stories.set(storyId, { representative: item.id, t });
      evict();
      const out: StoryAssignment = { storyId, simhash: hashToHex(fp.simhash) };
      if (match) out.duplicateOf = match.entry.id;
      return out;
    },
    representative(storyId) {
      return stories.get(storyId)?.representative;
    },
    get size() {
      return entries.size;
    },
    exportState() {
      const live = new Set([...entries.values()].map((e) => e.storyId));
      return {
        version: 1,
        items: order
          .filter((e) => entries.get(e.id) === e)
          .map((e) => ({ id: e.id, storyId: e.storyId, t: e.t, simhash: hashToHex(e.fp.simhash), title: e.fp.title, lead: e.fp.lead, numbers: e.fp.numbers, keys: e.fp.keys, names: e.fp.names, places: e.fp.places })),
        stories: [...stories].filter(([id]) => live.has(id)).map(([id, s]) => ({ id, representative: s.representative, representativeT: s.t })),
      };
    },
    importState(state) {
      if (state?.version !== 1 || !Array.isArray(state.items) || !Array.isArray(state.stories)) throw new Error('story index: unsupported state (expected version 1 with items and stories)');
      entries = new Map();
      order = [];
      bandIndex = new PostingIndex();
      keyIndex = new PostingIndex();
      members = new Map();
      stories = new Map(state.stories.map((s) => [s.id, { representative: s.representative, t: s.representativeT }]));
      newest = -Infinity;
      state.items.forEach((it, i) => {
        if (typeof it.id !== 'string' || typeof it.t !== 'number') throw new Error(`story index: state item ${i} lacks id or t`);
        insert({ id: it.id, storyId: it.storyId, t: it.t, fp: { simhash: hashFromHex(it.simhash), title: it.title, lead: it.lead, numbers: it.numbers, keys: it.keys, names: it.names ?? [], places: it.places ?? [] } });
      });
      evict();
    },
  };
}
