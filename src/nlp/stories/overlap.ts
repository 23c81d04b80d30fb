/**
 * Set overlap of fingerprint string lists by sorted integer ids: every distinct string gets a
 * small id once, each list its sorted id array once, and a containment test is then one merge
 * walk over two small typed arrays instead of building and probing hash sets. Same result as
 * the set version, duplicates in the probing list included.
 */

/** Distinct strings with ids; past this many the table starts over (cached id lists are redone). */
const LIMIT = 1 << 20;
const idOf = new Map<string, number>();
let generation = 0;

interface IdList {
  generation: number;
  ids: Int32Array;
}
/**
 * Fingerprint lists are never mutated, so their ids are cached on the list itself (a hidden,
 * non-enumerable property: JSON and equality checks do not see it). Not a WeakMap: an entry per
 * stored list made the ephemeron table a cost of every collection.
 */
const ID_LIST = Symbol('fingerprint id list');
type WithIds = readonly string[] & { [ID_LIST]?: IdList };

function cache(list: readonly string[], made: IdList): void {
  // Reflect answers false instead of throwing: a frozen list just gets its ids recomputed on each use.
  if (Object.prototype.hasOwnProperty.call(list, ID_LIST)) Reflect.set(list, ID_LIST, made);
  else Reflect.defineProperty(list, ID_LIST, { value: made, writable: true, enumerable: false, configurable: true });
}

function idsOf(list: readonly string[]): IdList {
  const cached = (list as WithIds)[ID_LIST];
  if (cached !== undefined && cached.generation === generation) return cached;
  const ids = sortedIdsOf(list); // may start a new generation: read it after
  const made = { generation, ids };
  cache(list, made);
  return made;
}

/**
 * Id of `s`, given on first sight; -1 when the table was full, which this clears (starting a new
 * generation) so that the caller can start over or look `s` up again.
 */
function lookupId(s: string): number {
  let id = idOf.get(s);
  if (id === undefined) {
    if (idOf.size >= LIMIT) {
      idOf.clear();
      generation++;
      return -1;
    }
    idOf.set(s, (id = idOf.size));
  }
  return id;
}

/** Sorted ids of a list's strings in the current generation (which this may start: check it after). */
function sortedIdsOf(list: readonly string[]): Int32Array {
  for (;;) {
    const started = generation;
    const ids = new Int32Array(list.length);
    for (let i = 0; i < list.length; i++) {
      const id = lookupId(list[i] as string);
      if (id < 0) break;
      ids[i] = id;
    }
    if (started !== generation) continue;
    return ids.sort();
  }
}

/**
 * Sorted ids of several lists, all of one generation (for {@link containmentOfIds}): one plain
 * array of small integers with list `k` at `ids[start[k] .. start[k + 1])`. Not typed arrays:
 * those past 64 bytes are allocated off the heap, which cost more than the comparisons.
 */
export interface IdLists {
  generation: number;
  ids: number[];
  start: number[];
}

/** Id lists of `lists`, kept by the caller for as long as {@link idListsCurrent} says. */
export function idListsOf(lists: readonly (readonly string[])[]): IdLists {
  for (;;) {
    const started = generation;
    const ids: number[] = [];
    const start: number[] = [0];
    for (let k = 0; k < lists.length && started === generation; k++) {
      const list = lists[k] as readonly string[];
      const from = ids.length;
      for (let i = 0; i < list.length; i++) {
        const id = lookupId(list[i] as string);
        if (id < 0) break;
        insertSorted(ids, from, id);
      }
      start.push(ids.length);
    }
    if (started === generation) return { generation, ids, start };
  }
}

/**
 * Id of one string in the current generation, for callers that build {@link IdLists} themselves
 * (sorted per list). May start a new generation: compare {@link idGeneration} before and after.
 */
export function idOfString(s: string): number {
  const id = lookupId(s);
  return id >= 0 ? id : lookupId(s);
}

/**
 * Append `id` to `ids`, keeping `ids[from ..]` sorted (insertion sort: the lists are a few dozen
 * long, and the ids come one by one).
 */
export function insertSorted(ids: number[], from: number, id: number): void {
  let j = ids.length;
  ids.push(id);
  while (j > from && (ids[j - 1] as number) > id) {
    ids[j] = ids[j - 1] as number;
    j--;
  }
  ids[j] = id;
}

/** Current generation of the id table (ids of different generations are not comparable). */
export function idGeneration(): number {
  return generation;
}

/** Whether ids made by {@link idListsOf} are still comparable (no restart of the id table since). */
export function idListsCurrent(made: IdLists): boolean {
  return made.generation === generation;
}

/**
 * {@link containmentByIds} of list `k` of two {@link IdLists} (of one generation): the shorter
 * list probes the other (the first on equal lengths), as there.
 */
export function containmentOfIds(a: IdLists, b: IdLists, k: number): number {
  const a0 = a.start[k] as number;
  const an = (a.start[k + 1] as number) - a0;
  const b0 = b.start[k] as number;
  const bn = (b.start[k + 1] as number) - b0;
  if (an === 0 || bn === 0) return 0;
  return an <= bn ? mergeCount(a.ids, a0, an, b.ids, b0, bn) / an : mergeCount(b.ids, b0, bn, a.ids, a0, an) / bn;
}

/** Ids of sorted `s[s0 .. s0 + sn)` found in sorted `l[l0 .. l0 + ln)` (duplicates of `s` each counted). */
function mergeCount(s: ArrayLike<number>, s0: number, sn: number, l: ArrayLike<number>, l0: number, ln: number): number {
  let common = 0;
  const sEnd = s0 + sn;
  const lEnd = l0 + ln;
  // Both sorted: each id of the small list is looked for at or after the previous one's place.
  for (let i = s0, j = l0; i < sEnd && j < lEnd; i++) {
    const x = s[i] as number;
    while (j < lEnd && (l[j] as number) < x) j++;
    if (j < lEnd && l[j] === x) common++;
  }
  return common;
}

/** |A ∩ B| / min(|A|, |B|) (the smaller list probes the other); 0 when either is empty. */
export function containmentByIds(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  let smallIds: IdList;
  let largeIds: IdList;
  // Ids of one list may predate a restart the other's triggered: both must be of one generation.
  do {
    smallIds = idsOf(small);
    largeIds = idsOf(large);
  } while (smallIds.generation !== largeIds.generation);
  return mergeCount(smallIds.ids, 0, smallIds.ids.length, largeIds.ids, 0, largeIds.ids.length) / small.length;
}
