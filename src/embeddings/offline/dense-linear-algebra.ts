/**
 * Orthonormalizes the columns of a row-major (rows × width) matrix in place (modified Gram–Schmidt).
 * Works on contiguous column copies: strided column access was most of the embedder's fit time.
 */
export function orthonormalizeColumns(matrix: Float64Array, rows: number, width: number): void {
  const columns = Array.from({ length: width }, (_, column) => {
    const out = new Float64Array(rows);
    for (let row = 0; row < rows; row++) out[row] = matrix[row * width + column]!;
    return out;
  });
  for (let current = 0; current < width; current++) {
    const column = columns[current]!;
    for (let previous = 0; previous < current; previous++) {
      const basis = columns[previous]!;
      let dot = 0;
      for (let row = 0; row < rows; row++) dot += column[row]! * basis[row]!;
      for (let row = 0; row < rows; row++) column[row]! -= dot * basis[row]!;
    }
    let norm = 0;
    for (let row = 0; row < rows; row++) norm += column[row]! * column[row]!;
    norm = Math.sqrt(norm);
    const scale = norm > 1e-12 ? 1 / norm : 0;
    for (let row = 0; row < rows; row++) column[row]! *= scale;
  }
  for (let column = 0; column < width; column++) {
    const values = columns[column]!;
    for (let row = 0; row < rows; row++) matrix[row * width + column] = values[row]!;
  }
}

/**
 * Eigen-decomposition of a symmetric matrix (cyclic Jacobi). Returns eigenvalues in descending order
 * and the matching eigenvectors as columns of a row-major matrix.
 */
export function symmetricEigen(
  input: Float64Array,
  size: number,
): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(input);
  const v = new Float64Array(size * size);
  for (let index = 0; index < size; index++) v[index * size + index] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let offDiagonal = 0;
    for (let p = 0; p < size; p++) for (let q = p + 1; q < size; q++) offDiagonal += a[p * size + q]! ** 2;
    if (offDiagonal < 1e-22) break;
    for (let p = 0; p < size; p++) {
      for (let q = p + 1; q < size; q++) {
        const apq = a[p * size + q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * size + q]! - a[p * size + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < size; k++) {
          const akp = a[k * size + p]!;
          const akq = a[k * size + q]!;
          a[k * size + p] = c * akp - s * akq;
          a[k * size + q] = s * akp + c * akq;
        }
        for (let k = 0; k < size; k++) {
          const apk = a[p * size + k]!;
          const aqk = a[q * size + k]!;
          a[p * size + k] = c * apk - s * aqk;
          a[q * size + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < size; k++) {
          const vkp = v[k * size + p]!;
          const vkq = v[k * size + q]!;
          v[k * size + p] = c * vkp - s * vkq;
          v[k * size + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: size }, (_, index) => index).sort(
    (left, right) => a[right * size + right]! - a[left * size + left]!,
  );
  const values = new Float64Array(size);
  const vectors = new Float64Array(size * size);
  order.forEach((source, target) => {
    values[target] = a[source * size + source]!;
    for (let row = 0; row < size; row++) vectors[row * size + target] = v[row * size + source]!;
  });
  return { values, vectors };
}
