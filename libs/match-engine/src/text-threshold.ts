/**
 * A text score about `want` of `values[0..n)` reach, estimated from an evenly spaced sample of at most
 * `scratch.length` values (0 when n ≤ want). The kernel scores those first so that its buffer's floor is high
 * before it meets the many weak candidates; the estimate only orders work, it never decides a result.
 */
export function textThreshold(values: Float64Array, n: number, want: number, scratch: Float64Array): number {
  if (n <= want) return 0;
  const step = Math.max(1, Math.floor(n / scratch.length));
  let m = 0;
  for (let i = 0; i < n && m < scratch.length; i += step) scratch[m++] = values[i];
  const rank = Math.min(m, Math.max(1, Math.ceil((want * m) / n)));
  return kthLargest(scratch, m, rank);
}

/** The k-th largest (1-based) of a[0..n), reordering a (quickselect). */
export function kthLargest(a: Float64Array, n: number, k: number): number {
  const target = k - 1;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >>> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] > pivot) i++;
      while (a[j] < pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i++] = a[j];
        a[j--] = t;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return a[target];
}
