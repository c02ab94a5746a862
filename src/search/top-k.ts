/**
 * The best `k` of `n` items under a comparator, best first, without sorting all `n`:
 * a bounded binary heap, O(n log k). A query over a large corpus can match tens of thousands
 * of papers while a page shows five.
 */
export function topK(n: number, k: number, better: (a: number, b: number) => boolean): number[] {
  if (k <= 0 || n === 0) return [];
  // Min-heap on "better": the root is the worst of the best k kept so far.
  const heap: number[] = [];
  const worse = (a: number, b: number) => better(b, a);
  const up = (i: number) => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!worse(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && worse(heap[r]!, heap[m]!)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  for (let i = 0; i < n; i++) {
    if (heap.length < k) {
      heap.push(i);
      up(heap.length - 1);
    } else if (better(i, heap[0]!)) {
      heap[0] = i;
      down(0);
    }
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
}

/** Indices of the `k` largest values, largest first (ties: lower index first). O(n) selection, then a sort of k. */
export function topKByValue(values: Float64Array, n: number, k: number, tieBreak: (i: number) => number = (i) => i): number[] {
  if (k <= 0 || n === 0) return [];
  const better = (a: number, b: number) => values[a]! > values[b]! || (values[a] === values[b] && tieBreak(a) < tieBreak(b));
  if (n <= 4 * k || n < 2048) return topK(n, k, better);
  const threshold = kthLargest(scratchCopy(values, n), k);
  const keep: number[] = [];
  for (let i = 0; i < n; i++) if (values[i]! >= threshold) keep.push(i);
  // Ties at the threshold can keep many (single-word queries score alike): select among them by heap.
  return topK(keep.length, k, (a, b) => better(keep[a]!, keep[b]!)).map((i) => keep[i]!);
}

// Quickselect reorders what it reads: it gets a copy, in one buffer kept for every call, since a
// query over a million papers would otherwise allocate megabytes each time (and set off collections).
let scratch = new Float64Array(0);
function scratchCopy(values: Float64Array, n: number): Float64Array {
  if (scratch.length < n) scratch = new Float64Array(Math.max(n, scratch.length * 2));
  const copy = scratch.subarray(0, n);
  copy.set(values.subarray(0, n));
  return copy;
}

/** The k-th largest value (1-based), by quickselect on a scratch copy. */
function kthLargest(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  const target = Math.min(k, a.length) - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! > pivot) i++;
      while (a[j]! < pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i++] = a[j]!;
        a[j--] = t;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return a[target]!;
}
