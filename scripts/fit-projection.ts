/**
 * Used by `scripts/measure-reduced-graph.ts` only (a measured and rejected design; see its header).
 *
 * A linear map from an embedder's vectors to fewer dimensions that keeps as much of their inner products as it
 * can: the top principal axes of the vectors' uncentred second-moment matrix (E[x xᵀ]), fitted on an evenly spread
 * sample. Uncentred, because what a graph over the projected vectors has to keep is the cosine between a query and
 * a passage, not the passages' spread around their mean (the offline embedder's mean has length 0.70, so the first
 * axis is close to it).
 *
 * The axes come from subspace (block power) iteration from a seeded start, so one set of vectors always gives the
 * same projection, bit for bit, on one machine.
 */
export interface Projection {
  /** Dimensions of the vectors it reads. */
  readonly inputDimensions: number;
  /** Dimensions of the vectors it makes. */
  readonly outputDimensions: number;
  /** Row-major `outputDimensions × inputDimensions`: orthonormal rows (the axes). */
  readonly matrix: Float32Array;
  /** Share of the sample's squared length the axes keep, 0–1 (1: nothing lost). */
  readonly energyKept: number;
  /** `matrix · vector`, as a plain array (what hnswlib-node takes). */
  project(vector: ArrayLike<number>): number[];
  /** Projects row `row` of a row-major matrix of input vectors into `out` (reused: no allocation per row). */
  projectRowInto(data: Float32Array, row: number, out: number[]): void;
}

export interface FitProjectionOptions {
  /**
   * Rows the second-moment matrix is estimated from (evenly spread over the data); more cost time, not quality,
   * once the axes are settled.
   * @default 8192
   */
  readonly sampleRows?: number;
  /** @default 12 */
  readonly iterations?: number;
  /** @default 20190525 */
  readonly seed?: number;
}

/**
 * Fits a {@link Projection} to `outputDimensions` on the row-major float32 vectors in `data` (each
 * `inputDimensions` long).
 * @throws RangeError when `outputDimensions` is not between 1 and `inputDimensions`.
 */
export function fitProjection(
  data: Float32Array,
  inputDimensions: number,
  outputDimensions: number,
  options: FitProjectionOptions = {},
): Projection {
  if (!Number.isInteger(outputDimensions) || outputDimensions < 1 || outputDimensions > inputDimensions) {
    throw new RangeError(`projection to ${outputDimensions} of ${inputDimensions} dimensions`);
  }
  const n = inputDimensions;
  const d = outputDimensions;
  const rows = Math.floor(data.length / n);
  const sampleRows = Math.max(1, Math.min(rows, options.sampleRows ?? 8192));
  // Second moment, upper triangle accumulated in float64 and mirrored.
  const moment = new Float64Array(n * n);
  const row = new Float64Array(n);
  let energy = 0;
  for (let s = 0; s < sampleRows; s += 1) {
    const base = Math.floor((s * rows) / sampleRows) * n;
    for (let i = 0; i < n; i += 1) row[i] = data[base + i]!;
    for (let i = 0; i < n; i += 1) {
      const value = row[i]!;
      if (value === 0) continue;
      energy += value * value;
      const offset = i * n;
      for (let j = i; j < n; j += 1) moment[offset + j]! += value * row[j]!;
    }
  }
  for (let i = 0; i < n; i += 1) for (let j = 0; j < i; j += 1) moment[i * n + j] = moment[j * n + i]!;

  // Subspace iteration: basis (d × n, row-major) ← orthonormalise(basis · moment).
  let basis = new Float64Array(d * n);
  let state = (options.seed ?? 20190525) >>> 0;
  for (let i = 0; i < basis.length; i += 1) {
    // xorshift32: a fixed, platform-independent start.
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    basis[i] = state / 0xffff_ffff - 0.5;
  }
  orthonormaliseRows(basis, d, n);
  const next = new Float64Array(d * n);
  for (let iteration = 0; iteration < (options.iterations ?? 12); iteration += 1) {
    next.fill(0);
    for (let k = 0; k < d; k += 1) {
      const bOffset = k * n;
      for (let i = 0; i < n; i += 1) {
        const value = basis[bOffset + i]!;
        if (value === 0) continue;
        const mOffset = i * n;
        for (let j = 0; j < n; j += 1) next[bOffset + j]! += value * moment[mOffset + j]!;
      }
    }
    basis.set(next);
    orthonormaliseRows(basis, d, n);
  }
  // Energy kept: Σ_k b_k · M · b_k over trace(M).
  let kept = 0;
  for (let k = 0; k < d; k += 1) {
    const bOffset = k * n;
    for (let i = 0; i < n; i += 1) {
      let sum = 0;
      const mOffset = i * n;
      for (let j = 0; j < n; j += 1) sum += moment[mOffset + j]! * basis[bOffset + j]!;
      kept += basis[bOffset + i]! * sum;
    }
  }
  const matrix = Float32Array.from(basis);
  basis = new Float64Array(0);
  return createProjection(matrix, n, d, energy === 0 ? 1 : Math.min(1, kept / energy));
}

/**
 * The projection whose axes are the rows of `matrix` (`outputDimensions × inputDimensions`, row-major), as saved.
 * @throws RangeError when the sizes disagree.
 */
export function createProjection(
  matrix: Float32Array,
  inputDimensions: number,
  outputDimensions: number,
  energyKept = Number.NaN,
): Projection {
  if (matrix.length !== inputDimensions * outputDimensions) {
    throw new RangeError(
      `a ${outputDimensions}×${inputDimensions} projection needs ${inputDimensions * outputDimensions} values, got ${matrix.length}`,
    );
  }
  const n = inputDimensions;
  const d = outputDimensions;
  const projectFrom = (source: ArrayLike<number>, offset: number, out: number[]): void => {
    for (let k = 0; k < d; k += 1) {
      const base = k * n;
      let sum = 0;
      for (let i = 0; i < n; i += 1) sum += matrix[base + i]! * source[offset + i]!;
      out[k] = sum;
    }
  };
  return {
    inputDimensions: n,
    outputDimensions: d,
    matrix,
    energyKept,
    project(vector) {
      if (vector.length !== n)
        throw new RangeError(`projecting a ${vector.length}-dimensional vector, expected ${n}`);
      const out = new Array<number>(d);
      projectFrom(vector, 0, out);
      return out;
    },
    projectRowInto(data, row, out) {
      projectFrom(data, row * n, out);
    },
  };
}

/** Modified Gram–Schmidt over the `count` rows (each `length` long) of `rows`, in place. */
function orthonormaliseRows(rows: Float64Array, count: number, length: number): void {
  for (let k = 0; k < count; k += 1) {
    const kOffset = k * length;
    for (let p = 0; p < k; p += 1) {
      const pOffset = p * length;
      let dot = 0;
      for (let i = 0; i < length; i += 1) dot += rows[kOffset + i]! * rows[pOffset + i]!;
      for (let i = 0; i < length; i += 1) rows[kOffset + i]! -= dot * rows[pOffset + i]!;
    }
    let norm = 0;
    for (let i = 0; i < length; i += 1) norm += rows[kOffset + i]! ** 2;
    norm = Math.sqrt(norm);
    // A degenerate direction (data of lower rank than count) keeps a zero row: it contributes nothing.
    const scale = norm > 1e-12 ? 1 / norm : 0;
    for (let i = 0; i < length; i += 1) rows[kOffset + i]! *= scale;
  }
}
