/**
 * Story clustering over a sliding time window. Each new item is compared only with candidates
 * found by O(1) lookups: the four 16-bit SimHash bands (any copy within Hamming distance 3
 * shares one) and the rarest headline/lead bigrams (rewrites keep some wording). A candidate
 * joins the item to its story when the SimHashes are near, or when headline, lead and numbers
 * agree well enough for a rewrite. State exports to JSON so a worker can persist it.
 */
import { fingerprintContainment as containment, fingerprintWithIds, type Fingerprint, type StoryText, type StoryTokens } from './fingerprint.js';
import { containmentOfIds, idListsCurrent, idListsOf, type IdLists } from './overlap.js';
import { liveCount, Posting, PostingIndex, type Posted, type Removable } from './postings.js';
import { hammingDistanceOfBands, hashFromHex, hashToHex } from './simhash.js';

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
  const title = containment(a.title, b.title);
  const lead = a.lead.length > 0 && b.lead.length > 0 ? containment(a.lead, b.lead) : title;
  const names = a.names.length > 0 && b.names.length > 0 ? containment(a.names, b.names) : 0.5;
  const fewest = Math.min(a.numbers.length, b.numbers.length);
  return combineRewrite(w, title, lead, names, fewest, fewest > 0 ? containment(a.numbers, b.numbers) : 0);
}

/** The rewrite score from the overlaps of its parts (one formula for the string and id paths). */
function combineRewrite(w: typeof REWRITE_WEIGHTS, title: number, lead: number, names: number, fewest: number, agree: number): number {
  let score = w.title * title + w.lead * lead + w.names * names;
  if (fewest > 0) {
    if (agree >= 0.99) score += fewest >= 2 ? w.numbersAgree : w.numberAgreeOne;
    else if (agree < 0.5) score -= w.numbersDisagree;
    else score -= w.numbersDisagree / 3;
  }
  return score;
}

/** Positions of the fingerprint lists in an entry's {@link IdLists}. */
const TITLE = 0;
const LEAD = 1;
const NAMES = 2;
const NUMBERS = 3;

/** {@link rewriteScore} by the sorted id lists of both fingerprints (same value); `apart`: their places disagree. */
function rewriteScoreOfIds(apart: boolean, ai: IdLists, bi: IdLists, w: typeof REWRITE_WEIGHTS): number {
  if (apart) return 0;
  // List lengths from the id lists (one id per string): the lists themselves stay untouched.
  const title = containmentOfIds(ai, bi, TITLE);
  const lead = idCount(ai, LEAD) > 0 && idCount(bi, LEAD) > 0 ? containmentOfIds(ai, bi, LEAD) : title;
  const names = idCount(ai, NAMES) > 0 && idCount(bi, NAMES) > 0 ? containmentOfIds(ai, bi, NAMES) : 0.5;
  const fewest = Math.min(idCount(ai, NUMBERS), idCount(bi, NUMBERS));
  return combineRewrite(w, title, lead, names, fewest, fewest > 0 ? containmentOfIds(ai, bi, NUMBERS) : 0);
}

/** Length of list `k` of an {@link IdLists}. */
function idCount(ids: IdLists, k: number): number {
  return (ids.start[k + 1] as number) - (ids.start[k] as number);
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

/** An indexed item with the scratch fields the candidate search marks it with. */
class Entry implements Removable {
  declare readonly id: string;
  declare readonly storyId: string;
  declare readonly t: number;
  declare readonly fp: Fingerprint;
  /** The SimHash as its four 16-bit bands (small integers, stored unboxed in the entry). */
  declare readonly band0: number;
  declare readonly band1: number;
  declare readonly band2: number;
  declare readonly band3: number;
  /** Set when the entry leaves the index (its postings skip it from then on). */
  declare removed: boolean;
  /** Id lists of the fingerprint for the rewrite score, made on first use. */
  declare ids: IdLists | null;
  /** Whether the fingerprint lists a key twice (only a hand-made state can): removal then takes each key once. */
  declare duplicateKeys: boolean;
  /** Search number of the last candidate search that listed this entry (a Set without the Set). */
  declare listed: number;
  /** Search number of the last search that counted this entry's shared keys, and that count. */
  declare tallied: number;
  declare tally: number;
  constructor(id: string, storyId: string, t: number, fp: Fingerprint, ids: IdLists | null) {
    // Plain assignments in one constructor: one hidden class for every entry.
    (this as { id: string }).id = id;
    (this as { storyId: string }).storyId = storyId;
    (this as { t: number }).t = t;
    (this as { fp: Fingerprint }).fp = fp;
    const { hi, lo } = fp.simhash;
    (this as { band0: number }).band0 = hi >>> 16;
    (this as { band1: number }).band1 = hi & 0xffff;
    (this as { band2: number }).band2 = lo >>> 16;
    (this as { band3: number }).band3 = lo & 0xffff;
    this.removed = false;
    this.ids = ids;
    this.duplicateKeys = false;
    this.listed = 0;
    this.tallied = 0;
    this.tally = 0;
  }
}

/** Id lists of a fingerprint in the list order {@link TITLE}, {@link LEAD}, {@link NAMES}, {@link NUMBERS}. */
function idListsOfFingerprint(fp: Fingerprint): IdLists {
  return idListsOf([fp.title, fp.lead, fp.names, fp.numbers]);
}

/** Numbers the candidate searches of every index (entry marks compare against it). */
let searches = 0;

/** Band key `band` (0–3) of a SimHash: the band's 16 bits with the band number above them. */
function bandKey(hi: number, lo: number, band: number): number {
  const bits = band === 0 ? hi >>> 16 : band === 1 ? hi & 0xffff : band === 2 ? lo >>> 16 : lo & 0xffff;
  return band * 65536 + bits;
}

/** `Array.prototype.slice`'s end index for `end` over `length` items (the `lookupKeys` option as `slice(0, lookupKeys)` read it). */
function sliceEnd(length: number, end: number): number {
  const e = Number.isNaN(end) ? 0 : Math.trunc(end);
  return e < 0 ? Math.max(length + e, 0) : Math.min(e, length);
}

/** Create an empty story index. */
export function createStoryIndex(opts: StoryIndexOptions = {}): StoryIndex {
  const windowMs = opts.windowMs ?? 7 * DAY_MS;
  const maxHamming = opts.maxHamming ?? 6;
  const rewriteThreshold = opts.rewriteThreshold ?? 0.5;
  const lookupKeys = opts.lookupKeys ?? 8;
  const maxItems = opts.maxItems ?? 500_000;

  let entries = new Map<string, Entry>();
  let order: Entry[] = []; // insertion order, for eviction
  // SimHash band keys (numbers) and headline/lead bigram keys (strings) share one index.
  let postings = new PostingIndex<string | number, Entry>();
  let stories = new Map<string, { representative: string; t: number }>();
  let members = new Map<string, number>();
  let newest = -Infinity;

  // Scratch of one assign (reused: no per-item arrays, sets or maps).
  /** Candidates of the last search, in the order the old Set-based search listed them. */
  const found: Entry[] = [];
  /** Entries sharing a looked-up key, in first-seen order. */
  const touched: Entry[] = [];
  /** Posting of each key of the item being assigned (looked up once, for the search and the insert). */
  const keyPostings: (Posted<Entry> | undefined)[] = [];
  /** Indexes into the item's keys of those posted somewhere, then sorted rarest first. */
  const rare: number[] = [];
  const rareCount: number[] = [];

  /** Index `e`; with `lookedUp`, `keyPostings` holds what its keys hold, from the search just made. */
  function insert(e: Entry, lookedUp: boolean): void {
    entries.set(e.id, e);
    order.push(e);
    const { hi, lo } = e.fp.simhash;
    for (let band = 0; band < 4; band++) postings.add(bandKey(hi, lo, band), e);
    const keys = e.fp.keys;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] as string;
      // Keys of a fresh fingerprint are distinct: what one key's posting changes is no other key's.
      const added = lookedUp ? postings.addLookedUp(k, e, keyPostings[i]) : postings.add(k, e);
      if (!added) e.duplicateKeys = true;
    }
    members.set(e.storyId, (members.get(e.storyId) ?? 0) + 1);
    newest = Math.max(newest, e.t);
  }

  function remove(e: Entry): void {
    if (entries.get(e.id) !== e) return;
    entries.delete(e.id);
    e.removed = true;
    const { hi, lo } = e.fp.simhash;
    for (let band = 0; band < 4; band++) postings.remove(bandKey(hi, lo, band), e);
    const keys = e.duplicateKeys ? [...new Set(e.fp.keys)] : e.fp.keys;
    for (let i = 0; i < keys.length; i++) postings.remove(keys[i] as string, e);
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

  /** List the live entries of what a key holds, those not listed yet in this search. */
  function listAll(posted: Posted<Entry> | undefined, search: number): void {
    if (posted === undefined) return;
    if (posted instanceof Posting) {
      for (let i = 0; i < posted.size; i++) list(posted.values[i] as Entry, search);
    } else list(posted, search);
  }

  function list(e: Entry, search: number): void {
    if (e.removed || e.listed === search) return;
    e.listed = search;
    found.push(e);
  }

  /** Count one more shared key for a live entry (first-seen order in `touched`). */
  function tally(e: Entry, search: number): void {
    if (e.removed) return;
    if (e.tallied !== search) {
      e.tallied = search;
      e.tally = 1;
      touched.push(e);
    } else e.tally++;
  }

  /**
   * Candidates into `found`: entries sharing a SimHash band, then entries sharing at least
   * {@link MIN_SHARED_KEYS} of the item's rarest keys, each once, in first-seen order.
   */
  function candidates(fp: Fingerprint): void {
    const search = ++searches;
    found.length = 0;
    const { hi, lo } = fp.simhash;
    for (let band = 0; band < 4; band++) listAll(postings.get(bandKey(hi, lo, band)), search);
    // The rarest keys identify the event; common ones (`ha noi`) would return half the window.
    const keys = fp.keys;
    keyPostings.length = keys.length;
    rare.length = 0;
    rareCount.length = 0;
    for (let i = 0; i < keys.length; i++) {
      const p = postings.get(keys[i] as string);
      keyPostings[i] = p;
      const n = liveCount(p);
      if (n === 0) continue;
      // Insertion sort by count, ties in key order (the stable sort of the old search).
      let j = rare.length;
      rare.push(i);
      rareCount.push(n);
      while (j > 0 && (rareCount[j - 1] as number) > n) {
        rare[j] = rare[j - 1] as number;
        rareCount[j] = rareCount[j - 1] as number;
        j--;
      }
      rare[j] = i;
      rareCount[j] = n;
    }
    // A rewrite shares several rare bigrams; one shared phrase alone is common in the news.
    touched.length = 0;
    const looked = sliceEnd(rare.length, lookupKeys);
    for (let r = 0; r < looked; r++) {
      const p = keyPostings[rare[r] as number] as Posted<Entry>;
      if (p instanceof Posting) {
        for (let i = 0; i < p.size; i++) tally(p.values[i] as Entry, search);
      } else tally(p, search);
    }
    for (let i = 0; i < touched.length; i++) {
      const e = touched[i] as Entry;
      if (e.tally >= MIN_SHARED_KEYS && e.listed !== search) {
        e.listed = search;
        found.push(e);
      }
    }
    touched.length = 0;
  }

  /** Best-scoring candidate at or above the threshold (the first of equal scores), or null. */
  function best(fp: Fingerprint, self: string, item: { ids: IdLists | null }): Entry | null {
    candidates(fp);
    const { hi, lo } = fp.simhash;
    const b0 = hi >>> 16;
    const b1 = hi & 0xffff;
    const b2 = lo >>> 16;
    const b3 = lo & 0xffff;
    let bestEntry: Entry | null = null;
    let bestScore = 0;
    for (let i = 0; i < found.length; i++) {
      const e = found[i] as Entry;
      if (e.id === self) continue;
      const d = hammingDistanceOfBands(b0, b1, b2, b3, e.band0, e.band1, e.band2, e.band3);
      // Templated reports about different places look alike: only true copies may cross places.
      const apart = placesDisagree(fp, e.fp);
      const near = d <= (apart ? EXACT_COPY_HAMMING : maxHamming);
      let score: number;
      if (near) score = 2 - d / 64;
      else {
        // Both id lists must be of one generation of the id table (making one may start a new one).
        let ai: IdLists;
        let bi: IdLists;
        do {
          ai = item.ids !== null && idListsCurrent(item.ids) ? item.ids : (item.ids = idListsOfFingerprint(fp));
          bi = e.ids !== null && idListsCurrent(e.ids) ? e.ids : (e.ids = idListsOfFingerprint(e.fp));
        } while (ai.generation !== bi.generation);
        score = rewriteScoreOfIds(apart, ai, bi, REWRITE_WEIGHTS);
      }
      if (score >= rewriteThreshold && (bestEntry === null || score > bestScore)) {
        bestEntry = e;
        bestScore = score;
      }
    }
    found.length = 0;
    return bestEntry;
  }

  return {
    assign(item) {
      const t = Date.parse(item.publishedAt);
      if (Number.isNaN(t)) throw new Error(`story index: item ${item.id} has an invalid publishedAt "${item.publishedAt}"`);
      const existing = entries.get(item.id);
      // With tokens given, the fingerprint reads only the lead's text (its outlet tag): title and body need no normalising.
      const tokens = item.tokens;
      const made = fingerprintWithIds(
        tokens
          ? { title: item.title, lead: item.lead?.normalize('NFC') ?? null, text: null, places: item.places ?? [] }
          : { title: item.title.normalize('NFC'), lead: item.lead?.normalize('NFC') ?? null, text: item.text?.normalize('NFC') ?? null, places: item.places ?? [] },
        tokens,
      );
      const fp = made.fp;
      if (existing) remove(existing); // re-analysis of an updated item: keep its story
      const match = best(fp, item.id, made);
      const storyId = existing?.storyId ?? match?.storyId ?? item.id;
      insert(new Entry(item.id, storyId, t, fp, made.ids), true);
      const story = stories.get(storyId);
      if (!story || t < story.t) stories.set(storyId, { representative: item.id, t });
      evict();
      const out: StoryAssignment = { storyId, simhash: hashToHex(fp.simhash) };
      if (match) out.duplicateOf = match.id;
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
      postings = new PostingIndex();
      members = new Map();
      stories = new Map(state.stories.map((s) => [s.id, { representative: s.representative, t: s.representativeT }]));
      newest = -Infinity;
      state.items.forEach((it, i) => {
        if (typeof it.id !== 'string' || typeof it.t !== 'number') throw new Error(`story index: state item ${i} lacks id or t`);
        const fp = { simhash: hashFromHex(it.simhash), title: it.title, lead: it.lead, numbers: it.numbers, keys: it.keys, names: it.names ?? [], places: it.places ?? [] };
        insert(new Entry(it.id, it.storyId, it.t, fp, null), false);
      });
      evict();
    },
  };
}
