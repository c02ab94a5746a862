/** The first index in `[from, to)` whose value is at least `x` (or `to`), for ascending `values`: galloping forward from `from`, then halving. */
export function gallop(values: ArrayLike<number>, from: number, to: number, x: number): number {
  if (from >= to || values[from]! >= x) return from;
  // values[lo] < x always; hi is `to` or an index whose value is at least x.
  let lo = from;
  let step = 1;
  let hi = from + 1;
  while (hi < to && values[hi]! < x) {
    lo = hi;
    step *= 2;
    hi = lo + step;
  }
  if (hi > to) hi = to;
  while (lo + 1 < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < x) lo = mid;
    else hi = mid;
  }
  return hi;
}
