/**
 * A trie over integer syllable ids stored in typed arrays: node 0 is the root, its children sit
 * in a dense array by syllable id, deeper edges in one open-addressing table keyed by
 * (node, syllable). A walk touches a few small typed arrays instead of chasing Map objects,
 * which matters when every text position starts a walk.
 */
export class IdTrie {
  /** Number of nodes, root included. */
  nodes = 1;
  private rootChild = new Int32Array(0);
  private edgeNode = new Int32Array(1024).fill(-1);
  private edgeSyllable = new Int32Array(1024);
  private edgeChild = new Int32Array(1024);
  private mask = 1023;
  private edges = 0;

  /** Child of `node` along syllable `id`, or -1. */
  child(node: number, id: number): number {
    if (node === 0) return id >= 0 && id < this.rootChild.length ? (this.rootChild[id] as number) : -1;
    for (let slot = slotOf(node, id, this.mask); ; slot = (slot + 1) & this.mask) {
      const n = this.edgeNode[slot] as number;
      if (n < 0) return -1;
      if (n === node && this.edgeSyllable[slot] === id) return this.edgeChild[slot] as number;
    }
  }

  /** Child of `node` along `id`, created when missing. */
  add(node: number, id: number): number {
    if (id < 0) throw new Error(`IdTrie: syllable id ${id} is not interned`);
    const existing = this.child(node, id);
    if (existing >= 0) return existing;
    const created = this.nodes++;
    if (node === 0) {
      if (id >= this.rootChild.length) {
        const grown = new Int32Array(Math.max(id + 1, this.rootChild.length * 2)).fill(-1);
        grown.set(this.rootChild);
        this.rootChild = grown;
      }
      this.rootChild[id] = created;
      return created;
    }
    if ((this.edges + 1) * 2 > this.edgeNode.length) this.grow();
    this.put(node, id, created);
    this.edges++;
    return created;
  }

  private put(node: number, id: number, child: number): void {
    let slot = slotOf(node, id, this.mask);
    while ((this.edgeNode[slot] as number) >= 0) slot = (slot + 1) & this.mask;
    this.edgeNode[slot] = node;
    this.edgeSyllable[slot] = id;
    this.edgeChild[slot] = child;
  }

  private grow(): void {
    const [nodes, syllables, children] = [this.edgeNode, this.edgeSyllable, this.edgeChild];
    const size = nodes.length * 2;
    this.edgeNode = new Int32Array(size).fill(-1);
    this.edgeSyllable = new Int32Array(size);
    this.edgeChild = new Int32Array(size);
    this.mask = size - 1;
    for (let s = 0; s < nodes.length; s++) if ((nodes[s] as number) >= 0) this.put(nodes[s] as number, syllables[s] as number, children[s] as number);
  }
}

function slotOf(node: number, id: number, mask: number): number {
  return ((Math.imul(node, 0x9e3779b1) ^ Math.imul(id, 0x85ebca6b)) >>> 7) & mask;
}
