/**
 * A trie over integer syllable ids stored in typed arrays: node 0 is the root, its children sit
 * in a dense array by syllable id, deeper edges in one open-addressing table keyed by
 * (node, syllable). A walk touches a few small typed arrays instead of chasing Map objects,
 * which matters when every text position starts a walk.
 */
import { grownTo } from './typed-grow.js';

export class IdTrie {
  /** Number of nodes, root included. */
  nodes = 1;
  private rootChild = new Int32Array(0);
  /** Edge slot i at [3i, 3i + 3): parent node (-1 = empty), syllable id, child; one cache line per probe. */
  private edgeSlots = new Int32Array(1024 * 3).fill(-1);
  private mask = 1023;
  private edges = 0;
  /**
   * 1 for syllable ids that label some edge below the root. Most text syllables label none, and
   * a dense array read answers them without probing the edge table (a cache miss per probe).
   */
  private deepIds = new Uint8Array(0);
  /**
   * Per node, bit (id & 31) set when some child's syllable id has those low bits: most probes
   * below the root fail (the text goes on with a syllable no phrase continues with), and this
   * small array answers most of them without touching the edge table.
   */
  private childBits = new Int32Array(1);

  /** Child of `node` along syllable `id`, or -1. */
  child(node: number, id: number): number {
    if (node === 0) return id >= 0 && id < this.rootChild.length ? (this.rootChild[id] as number) : -1;
    if (id < 0 || id >= this.deepIds.length || this.deepIds[id] === 0) return -1;
    if ((((this.childBits[node] as number) >>> (id & 31)) & 1) === 0) return -1;
    const slots = this.edgeSlots;
    for (let slot = slotOf(node, id, this.mask); ; slot = (slot + 1) & this.mask) {
      const n = slots[3 * slot] as number;
      if (n < 0) return -1;
      if (n === node && slots[3 * slot + 1] === id) return slots[3 * slot + 2] as number;
    }
  }

  /** Child of `node` along `id`, created when missing. */
  add(node: number, id: number): number {
    if (id < 0) throw new Error(`IdTrie: syllable id ${id} is not interned`);
    const existing = this.child(node, id);
    if (existing >= 0) return existing;
    const created = this.nodes++;
    this.childBits = grownTo(this.childBits, this.nodes);
    if (node === 0) {
      this.rootChild = grownTo(this.rootChild, id + 1, -1);
      this.rootChild[id] = created;
      return created;
    }
    if ((this.edges + 1) * 2 > this.mask + 1) this.grow();
    this.deepIds = grownTo(this.deepIds, id + 1);
    this.deepIds[id] = 1;
    this.childBits[node] = (this.childBits[node] as number) | (1 << (id & 31));
    this.put(node, id, created);
    this.edges++;
    return created;
  }

  private put(node: number, id: number, child: number): void {
    const slots = this.edgeSlots;
    let slot = slotOf(node, id, this.mask);
    while ((slots[3 * slot] as number) >= 0) slot = (slot + 1) & this.mask;
    slots[3 * slot] = node;
    slots[3 * slot + 1] = id;
    slots[3 * slot + 2] = child;
  }

  private grow(): void {
    const old = this.edgeSlots;
    const size = (this.mask + 1) * 2;
    this.edgeSlots = new Int32Array(size * 3).fill(-1);
    this.mask = size - 1;
    for (let s = 0; s < old.length; s += 3) if ((old[s] as number) >= 0) this.put(old[s] as number, old[s + 1] as number, old[s + 2] as number);
  }
}

function slotOf(node: number, id: number, mask: number): number {
  return ((Math.imul(node, 0x9e3779b1) ^ Math.imul(id, 0x85ebca6b)) >>> 7) & mask;
}
