import { orthonormalizeColumns, symmetricEigen } from './dense-linear-algebra.js';
import { gaussian, seededRandom } from './seeded-random.js';
import { multiply, multiplyTransposed, type SparseMatrix } from './sparse-matrix.js';

/**
 * The right singular vectors in factored form, V = Z·M: `basis` Z is row-major (columns of A × width),
 * `mixing` M is row-major (width × rank). Projecting a sparse row through Z then M is cheap, and
 * avoids ever forming V.
 */
export interface TruncatedSvd {
  basis: Float64Array;
  mixing: Float64Array;
  width: number;
  singularValues: Float64Array;
  rank: number;
}

/** Qᵀ·P for two row-major (rows × width) matrices. */
function crossProduct(q: Float64Array, p: Float64Array, rows: number, width: number): Float64Array {
  const out = new Float64Array(width * width);
  for (let row = 0; row < rows; row++) {
    const base = row * width;
    for (let a = 0; a < width; a++) {
      const value = q[base + a]!;
      if (value === 0) continue;
      for (let b = 0; b < width; b++) out[a * width + b]! += value * p[base + b]!;
    }
  }
  return out;
}

/**
 * Top-`rank` right singular vectors of a sparse (documents × terms) matrix by randomized range finding
 * (Halko et al.). All dense work is on the document side, which is the smaller one for catalogs.
 * Deterministic for a given seed.
 */
export function randomizedSvd(
  matrix: SparseMatrix,
  rank: number,
  options: { oversample?: number; powerIterations?: number; seed?: number } = {},
): TruncatedSvd {
  const width = Math.min(rank + (options.oversample ?? 10), matrix.rows, matrix.columns);
  const effectiveRank = Math.min(rank, width);
  const normal = gaussian(seededRandom(options.seed ?? 42));
  const omega = new Float64Array(matrix.columns * width);
  for (let index = 0; index < omega.length; index++) omega[index] = normal();

  let basis = multiply(matrix, omega, width);
  orthonormalizeColumns(basis, matrix.rows, width);
  for (let iteration = 0; iteration < (options.powerIterations ?? 1); iteration++) {
    basis = multiply(matrix, multiplyTransposed(matrix, basis, width), width);
    orthonormalizeColumns(basis, matrix.rows, width);
  }
  // Z = Aᵀ Q spans the row space. ZᵀZ = Qᵀ (A Z) is computed on the document side; Z = V Σ Wᵀ.
  const z = multiplyTransposed(matrix, basis, width);
  const small = crossProduct(basis, multiply(matrix, z, width), matrix.rows, width);
  for (let a = 0; a < width; a++) {
    for (let b = a + 1; b < width; b++) {
      const mean = (small[a * width + b]! + small[b * width + a]!) / 2;
      small[a * width + b] = mean;
      small[b * width + a] = mean;
    }
  }
  const { values, vectors } = symmetricEigen(small, width);
  const singularValues = new Float64Array(effectiveRank);
  const mixing = new Float64Array(width * effectiveRank);
  for (let component = 0; component < effectiveRank; component++) {
    const sigma = Math.sqrt(Math.max(values[component]!, 0));
    singularValues[component] = sigma;
    if (sigma < 1e-12) continue;
    for (let k = 0; k < width; k++)
      mixing[k * effectiveRank + component] = vectors[k * width + component]! / sigma;
  }
  return { basis: z, mixing, width, singularValues, rank: effectiveRank };
}
