/**
 * Grouping the keys a registry does not know (union–find over one batch) and naming each group by
 * its most frequent label. Typed arrays and no per-key maps beyond the three evidence indexes: this
 * runs over hundreds of thousands of distinct keys.
 */

/** The kinds of evidence that join keys: LinkedIn slug, domain, normalized name. */
export type GroupEvidence = 0 | 1 | 2;

export class KeyGroups {
  private readonly parent: Int32Array;
  private readonly firstHolder: [Map<string, number>, Map<string, number>, Map<string, number>] = [new Map(), new Map(), new Map()];

  /** A batch of `size` keys, none added yet. */
  constructor(size: number) {
    this.parent = new Int32Array(size).fill(-1);
  }

  /** Adds key `i` as a group of its own. */
  add(i: number): void {
    this.parent[i] = i;
  }

  /** Puts key `i` (added) in one group with the first key that carried `key` as `evidence`. */
  link(evidence: GroupEvidence, key: string, i: number): void {
    const first = this.firstHolder[evidence];
    const j = first.get(key);
    if (j === undefined) {
      first.set(key, i);
      return;
    }
    const a = this.find(i);
    const b = this.find(j);
    if (a < b) this.parent[b] = a;
    else if (b < a) this.parent[a] = b;
  }

  /** The group root of an added key (path halving). */
  find(i: number): number {
    const parent = this.parent;
    while (parent[i] !== i) {
      const up = parent[parent[i] as number] as number;
      parent[i] = up;
      i = up;
    }
    return i;
  }

  /** The root of every key, -1 for keys never added. */
  roots(): Int32Array {
    const roots = new Int32Array(this.parent.length);
    for (let i = 0; i < roots.length; i++) roots[i] = this.parent[i] === -1 ? -1 : this.find(i);
    return roots;
  }
}

/**
 * Per group root, the index of a key carrying the group's most frequent label, where a label's
 * frequency is the sum of `counts` over the group's keys with that label; ties go to the smallest
 * label (so the result does not depend on key order). Keys with an undefined label are ignored;
 * -1 for roots with no labelled key.
 */
export function mostFrequentLabel(roots: Int32Array, labels: readonly (string | undefined)[], counts: Float64Array): Int32Array {
  const n = roots.length;
  const best = new Int32Array(n).fill(-1);
  // counting sort of labelled keys by root
  const size = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) if (roots[i]! >= 0 && labels[i] !== undefined) size[roots[i]! + 1]!++;
  for (let r = 0; r < n; r++) size[r + 1]! += size[r]!;
  const order = new Int32Array(size[n]!);
  const fill = size.slice(0, n);
  for (let i = 0; i < n; i++) if (roots[i]! >= 0 && labels[i] !== undefined) order[fill[roots[i]!]!++] = i;

  const byLabel = (x: number, y: number): number => {
    const a = labels[x] as string;
    const b = labels[y] as string;
    return a < b ? -1 : a > b ? 1 : 0;
  };
  for (let r = 0; r < n; r++) {
    const from = size[r]!;
    const to = size[r + 1]!;
    if (to - from === 1) best[r] = order[from]!;
    if (to - from <= 1) continue;
    const members = order.subarray(from, to).sort(byLabel);
    let bestTotal = -Infinity;
    for (let k = 0; k < members.length; ) {
      const label = labels[members[k]!];
      const runStart = members[k]!;
      let total = 0;
      while (k < members.length && labels[members[k]!] === label) total += counts[members[k++]!]!;
      if (total > bestTotal) {
        bestTotal = total;
        best[r] = runStart;
      }
    }
  }
  return best;
}
