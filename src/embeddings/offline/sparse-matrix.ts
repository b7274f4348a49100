/** A sparse vector: parallel term indices and weights. */
export interface SparseVector {
  indices: Uint32Array;
  values: Float64Array;
}

/** Compressed sparse rows (one row per document). */
export interface SparseMatrix {
  rows: number;
  columns: number;
  rowStart: Uint32Array;
  indices: Uint32Array;
  values: Float64Array;
}

/** Stacks sparse rows into CSR form. */
export function toCsr(rows: SparseVector[], columns: number): SparseMatrix {
  let nonZeros = 0;
  for (const row of rows) nonZeros += row.indices.length;
  const rowStart = new Uint32Array(rows.length + 1);
  const indices = new Uint32Array(nonZeros);
  const values = new Float64Array(nonZeros);
  let offset = 0;
  rows.forEach((row, index) => {
    rowStart[index] = offset;
    indices.set(row.indices, offset);
    values.set(row.values, offset);
    offset += row.indices.length;
  });
  rowStart[rows.length] = offset;
  return { rows: rows.length, columns, rowStart, indices, values };
}

/** A·X where X is dense, row-major (A.columns × width). Returns row-major (A.rows × width). */
export function multiply(matrix: SparseMatrix, dense: Float64Array, width: number): Float64Array {
  const out = new Float64Array(matrix.rows * width);
  for (let row = 0; row < matrix.rows; row++) {
    const target = row * width;
    for (let cursor = matrix.rowStart[row]!; cursor < matrix.rowStart[row + 1]!; cursor++) {
      const weight = matrix.values[cursor]!;
      const source = matrix.indices[cursor]! * width;
      for (let column = 0; column < width; column++)
        out[target + column]! += weight * dense[source + column]!;
    }
  }
  return out;
}

/** Aᵀ·Y where Y is dense, row-major (A.rows × width). Returns row-major (A.columns × width). */
export function multiplyTransposed(matrix: SparseMatrix, dense: Float64Array, width: number): Float64Array {
  const out = new Float64Array(matrix.columns * width);
  for (let row = 0; row < matrix.rows; row++) {
    const source = row * width;
    for (let cursor = matrix.rowStart[row]!; cursor < matrix.rowStart[row + 1]!; cursor++) {
      const weight = matrix.values[cursor]!;
      const target = matrix.indices[cursor]! * width;
      for (let column = 0; column < width; column++)
        out[target + column]! += weight * dense[source + column]!;
    }
  }
  return out;
}
