/**
 * The little dense linear algebra that latent semantic analysis (lsa.ts) needs, on row-major
 * Float64Arrays: a seeded Gaussian matrix, Gram matrices and products, a symmetric
 * eigendecomposition (for matrices of a hundred or so rows) and orthonormal bases from it. Pure
 * and deterministic: the same input gives the same bits on every run.
 */

/** mulberry32: tiny, fast, the same sequence for the same seed everywhere. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `rows × cols` standard normal values (Box–Muller), row-major. */
export function gaussianMatrix(rows: number, cols: number, seed: number): Float64Array {
  const random = seededRandom(seed);
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < out.length; i += 2) {
    const u = 1 - random();
    const v = random();
    const r = Math.sqrt(-2 * Math.log(u));
    out[i] = r * Math.cos(2 * Math.PI * v);
    if (i + 1 < out.length) out[i + 1] = r * Math.sin(2 * Math.PI * v);
  }
  return out;
}

/** `MᵀM` of a row-major `rows × cols` matrix: `cols × cols`, symmetric. */
export function gram(m: Float64Array, rows: number, cols: number): Float64Array {
  const g = new Float64Array(cols * cols);
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    for (let i = 0; i < cols; i++) {
      const x = m[base + i]!;
      if (x === 0) continue;
      const gi = i * cols;
      for (let j = i; j < cols; j++) g[gi + j]! += x * m[base + j]!;
    }
  }
  for (let i = 0; i < cols; i++) for (let j = 0; j < i; j++) g[i * cols + j] = g[j * cols + i]!;
  return g;
}

/**
 * Eigenvalues (descending) and eigenvectors (as columns of a row-major `n × n` matrix, in the
 * same order) of a symmetric matrix: Householder reduction to tridiagonal form, then the
 * implicit QL algorithm (tred2 and tql2 of EISPACK, by way of the public-domain JAMA package).
 * O(n³): meant for the small Gram matrices of a randomised SVD.
 */
export function symmetricEigen(matrix: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
  const V: Float64Array[] = Array.from({ length: n }, (_, i) => matrix.slice(i * n, i * n + n));
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  if (n > 0) {
    tridiagonalise(V, d, e, n);
    diagonalise(V, d, e, n);
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => d[j]! - d[i]! || i - j);
  const values = Float64Array.from(order, (i) => d[i]!);
  const vectors = new Float64Array(n * n);
  order.forEach((from, to) => {
    for (let k = 0; k < n; k++) vectors[k * n + to] = V[k]![from]!;
  });
  return { values, vectors };
}

/** Householder reduction of the symmetric `V` to tridiagonal form (d: diagonal, e: off-diagonal); V accumulates the transformations. */
function tridiagonalise(V: Float64Array[], d: Float64Array, e: Float64Array, n: number): void {
  for (let j = 0; j < n; j++) d[j] = V[n - 1]![j]!;
  for (let i = n - 1; i > 0; i--) {
    let scale = 0;
    let h = 0;
    for (let k = 0; k < i; k++) scale += Math.abs(d[k]!);
    if (scale === 0) {
      e[i] = d[i - 1]!;
      for (let j = 0; j < i; j++) {
        d[j] = V[i - 1]![j]!;
        V[i]![j] = 0;
        V[j]![i] = 0;
      }
    } else {
      for (let k = 0; k < i; k++) {
        d[k]! /= scale;
        h += d[k]! * d[k]!;
      }
      let f = d[i - 1]!;
      let g = Math.sqrt(h);
      if (f > 0) g = -g;
      e[i] = scale * g;
      h -= f * g;
      d[i - 1] = f - g;
      for (let j = 0; j < i; j++) e[j] = 0;
      for (let j = 0; j < i; j++) {
        f = d[j]!;
        V[j]![i] = f;
        g = e[j]! + V[j]![j]! * f;
        for (let k = j + 1; k <= i - 1; k++) {
          g += V[k]![j]! * d[k]!;
          e[k]! += V[k]![j]! * f;
        }
        e[j] = g;
      }
      f = 0;
      for (let j = 0; j < i; j++) {
        e[j]! /= h;
        f += e[j]! * d[j]!;
      }
      const hh = f / (h + h);
      for (let j = 0; j < i; j++) e[j]! -= hh * d[j]!;
      for (let j = 0; j < i; j++) {
        f = d[j]!;
        g = e[j]!;
        for (let k = j; k <= i - 1; k++) V[k]![j]! -= f * e[k]! + g * d[k]!;
        d[j] = V[i - 1]![j]!;
        V[i]![j] = 0;
      }
    }
    d[i] = h;
  }
  for (let i = 0; i < n - 1; i++) {
    V[n - 1]![i] = V[i]![i]!;
    V[i]![i] = 1;
    const h = d[i + 1]!;
    if (h !== 0) {
      for (let k = 0; k <= i; k++) d[k] = V[k]![i + 1]! / h;
      for (let j = 0; j <= i; j++) {
        let g = 0;
        for (let k = 0; k <= i; k++) g += V[k]![i + 1]! * V[k]![j]!;
        for (let k = 0; k <= i; k++) V[k]![j]! -= g * d[k]!;
      }
    }
    for (let k = 0; k <= i; k++) V[k]![i + 1] = 0;
  }
  for (let j = 0; j < n; j++) {
    d[j] = V[n - 1]![j]!;
    V[n - 1]![j] = 0;
  }
  V[n - 1]![n - 1] = 1;
  e[0] = 0;
}

/** Implicit QL iterations on the tridiagonal (d, e): d becomes the eigenvalues, V's columns the eigenvectors. */
function diagonalise(V: Float64Array[], d: Float64Array, e: Float64Array, n: number): void {
  for (let i = 1; i < n; i++) e[i - 1] = e[i]!;
  e[n - 1] = 0;
  let f = 0;
  let tst1 = 0;
  const eps = 2 ** -52;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]!) + Math.abs(e[l]!));
    let m = l;
    while (m < n && Math.abs(e[m]!) > eps * tst1) m++;
    if (m > l) {
      for (let iter = 0; iter < 100; iter++) {
        let g = d[l]!;
        let p = (d[l + 1]! - g) / (2 * e[l]!);
        let r = Math.hypot(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l]! / (p + r);
        d[l + 1] = e[l]! * (p + r);
        const dl1 = d[l + 1]!;
        let h = g - d[l]!;
        for (let i = l + 2; i < n; i++) d[i]! -= h;
        f += h;
        p = d[m]!;
        let c = 1;
        let c2 = c;
        let c3 = c;
        const el1 = e[l + 1]!;
        let s = 0;
        let s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i]!;
          h = c * p;
          r = Math.hypot(p, e[i]!);
          e[i + 1] = s * r;
          s = e[i]! / r;
          c = p / r;
          p = c * d[i]! - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]!);
          for (let k = 0; k < n; k++) {
            const row = V[k]!;
            h = row[i + 1]!;
            row[i + 1] = s * row[i]! + c * h;
            row[i] = c * row[i]! - s * h;
          }
        }
        p = (-s * s2 * c3 * el1 * e[l]!) / dl1;
        e[l] = s * p;
        d[l] = c * p;
        if (!(Math.abs(e[l]!) > eps * tst1)) break;
      }
    }
    d[l] = d[l]! + f;
    e[l] = 0;
  }
}

/**
 * An orthonormal basis of the column space of a row-major `rows × cols` matrix, as
 * `rows × cols'` (cols' ≤ cols: directions the matrix barely spans are dropped). Through the
 * eigendecomposition of its Gram matrix: Q = M W Λ^-1/2.
 */
export function orthonormalColumns(m: Float64Array, rows: number, cols: number): { q: Float64Array; cols: number } {
  const { values, vectors } = symmetricEigen(gram(m, rows, cols), cols);
  const top = values[0] ?? 0;
  let keep = 0;
  while (keep < cols && values[keep]! > top * 1e-10 && values[keep]! > 0) keep++;
  // W Λ^-1/2, restricted to the kept directions.
  const w = new Float64Array(cols * keep);
  for (let i = 0; i < cols; i++) for (let j = 0; j < keep; j++) w[i * keep + j] = vectors[i * cols + j]! / Math.sqrt(values[j]!);
  return { q: multiply(m, rows, cols, w, keep), cols: keep };
}

/** `A (rows × inner) · B (inner × cols)`, row-major. */
export function multiply(a: Float64Array, rows: number, inner: number, b: Float64Array, cols: number): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    const o = r * cols;
    for (let i = 0; i < inner; i++) {
      const x = a[r * inner + i]!;
      if (x === 0) continue;
      const bi = i * cols;
      for (let j = 0; j < cols; j++) out[o + j]! += x * b[bi + j]!;
    }
  }
  return out;
}

/** `Aᵀ·B` of two row-major `rows × cols` matrices: `cols × cols`. */
export function multiplyTransposed(a: Float64Array, b: Float64Array, rows: number, cols: number): Float64Array {
  const out = new Float64Array(cols * cols);
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    for (let i = 0; i < cols; i++) {
      const x = a[base + i]!;
      if (x === 0) continue;
      const oi = i * cols;
      for (let j = 0; j < cols; j++) out[oi + j]! += x * b[base + j]!;
    }
  }
  return out;
}
