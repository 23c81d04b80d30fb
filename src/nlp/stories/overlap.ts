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
  for (;;) {
    const started = generation;
    const ids = new Int32Array(list.length);
    for (let i = 0; i < list.length; i++) {
      const s = list[i] as string;
      let id = idOf.get(s);
      if (id === undefined) {
        if (idOf.size >= LIMIT) {
          idOf.clear();
          generation++;
          break;
        }
        idOf.set(s, (id = idOf.size));
      }
      ids[i] = id;
    }
    if (started !== generation) continue;
    ids.sort();
    const made = { generation, ids };
    cache(list, made);
    return made;
  }
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
  const s = smallIds.ids;
  const l = largeIds.ids;
  let common = 0;
  // Both sorted: each id of the small list is looked for at or after the previous one's place.
  for (let i = 0, j = 0; i < s.length && j < l.length; i++) {
    const x = s[i] as number;
    while (j < l.length && (l[j] as number) < x) j++;
    if (j < l.length && l[j] === x) common++;
  }
  return common / small.length;
}
