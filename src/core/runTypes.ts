/**
 * The contract between the sheet, the compute worker, the CLI and the charts: what a run asks
 * for and what it returns. Plain data only (structured-clone safe), so a request can be hashed,
 * stored in a shared link, sent to the worker and replayed by the CLI with identical results.
 */

export type Vec2 = readonly [number, number];

/** 2-D optimisation of an objective written in the variables x1 and x2. */
export interface Path2DRequest {
  readonly kind: 'path2d';
  readonly method: 'gd' | 'momentum' | 'nesterov';
  /** Objective as a formula in x1, x2 (cell references already replaced by numbers). */
  readonly objective: string;
  /** Gradient typed by hand (e.g. the chapter's printed (0.2*x1, 2*x2)); null: derived symbolically. */
  readonly gradient: readonly [string, string] | null;
  readonly start: Vec2;
  /** Learning rate η. */
  readonly eta: number;
  /** Momentum γ (ignored by plain GD). */
  readonly gamma: number;
  readonly steps: number;
}

export interface GradientCheck {
  /** The symbolic gradient of the objective, as formulas in x1, x2. */
  readonly derived: readonly [string, string];
  /** Largest relative difference between hand-typed and derived gradient over the iterates. */
  readonly maxRelativeDifference: number;
  readonly agrees: boolean;
}

/**
 * A run whose gradient is affine with a symmetric, invertible Jacobian is a linear iteration;
 * along each eigenvector its error follows a 2×2 recurrence (see src/core/pathTheory.ts).
 */
export interface PathTheory {
  /** Eigenvalues of the Jacobian of the gradient the run followed, ascending. */
  readonly eigenvalues: Vec2;
  /** Unit eigenvectors for eigenvalues[0] and eigenvalues[1]. */
  readonly eigenvectors: readonly [Vec2, Vec2];
  /** Where that gradient vanishes; errors are measured from here. */
  readonly stationary: Vec2;
  /** Per direction, the spectral radius of the method's iteration matrix. */
  readonly rates: Vec2;
}

export interface Path2DResult {
  readonly kind: 'path2d';
  /** Iterates x_0 … x_T (T = steps, or the divergence step): x1 and x2 coordinates. */
  readonly x1: Float64Array;
  readonly x2: Float64Array;
  /** f at each iterate. */
  readonly f: Float64Array;
  /** The step η·∇f(x_t) and the velocity v_{t+1} taken from each iterate (length T). */
  readonly step1: Float64Array;
  readonly step2: Float64Array;
  readonly velocity1: Float64Array;
  readonly velocity2: Float64Array;
  /**
   * The step from which the run evidently diverges (src/core/divergence.ts has the rule); null
   * if it does not. The run itself stops early only when f leaves a hard bound or overflows.
   */
  readonly divergedAt: number | null;
  /** Present when a hand-typed gradient was given: does it match the objective's true gradient? */
  readonly gradientCheck: GradientCheck | null;
  /** The run's linear theory, when its gradient is affine (null otherwise). */
  readonly theory: PathTheory | null;
}

export type MomentumConvention =
  /** The chapter's and MXNet's: v ← m·v + lr·g; p ← p − v (the velocity carries lr). */
  | 'mxnet'
  /** tf.train.momentum's and PyTorch's: a ← m·a + g; p ← p − lr·a. */
  | 'pytorch';

export interface RegressionConfig {
  readonly lr: number;
  readonly momentum: number;
  readonly convention: MomentumConvention;
  /**
   * 'sgd': plain minibatch SGD, p ← p − lr·g/B, a separate update rule with no velocity at all
   * (momentum must be 0; convention is then irrelevant). Absent: SGD with momentum, as above.
   */
  readonly optimizer?: 'sgd';
}

/** The chapter's synthetic data set: X ~ N(0,1) (n×2), y = X·w + b + N(0, noise²). */
export interface RegressionDataSpec {
  readonly n: number;
  readonly trueW: readonly [number, number];
  readonly trueB: number;
  readonly noise: number;
  readonly seed: number;
}

/**
 * Minibatch SGD with momentum on linear regression, exactly as the chapter. Every config shares
 * data, initial parameters and batch order, so the worker runs them as one batched program.
 */
export interface RegressionRequest {
  readonly kind: 'regression';
  readonly data: RegressionDataSpec;
  readonly batchSize: number;
  readonly epochs: number;
  /** lr is multiplied by decayFactor from the epoch after decayEpoch on (chapter: 2, 0.1). null or 0: no decay (the chapter tests `if decay_epoch`). */
  readonly decayEpoch: number | null;
  readonly decayFactor: number;
  /** Seed of the initial weights (N(0, initScale²)) and of the per-epoch shuffles. */
  readonly trainSeed: number;
  readonly initScale: number;
  readonly configs: readonly RegressionConfig[];
}

export interface RegressionResult {
  readonly kind: 'regression';
  readonly stepsPerEpoch: number;
  /** Per config: mean full-data loss ½(ŷ−y)² before training and after every minibatch. */
  readonly losses: readonly Float64Array[];
  /** Per config: final [w1, w2, b]. */
  readonly finalParams: readonly Float64Array[];
  /**
   * Per config: the step from which the run evidently diverges (src/core/divergence.ts), or null.
   * Losses after a non-finite one, or one beyond the hard bound, are NaN.
   */
  readonly divergedAt: readonly (number | null)[];
}

/** Convergence-rate map over (learning rate, momentum) for a quadratic with these Hessian eigenvalues. */
export interface RateMapRequest {
  readonly kind: 'rateMap';
  readonly eigenvalues: readonly number[];
  readonly lrRange: Vec2;
  readonly momentumRange: Vec2;
  readonly width: number;
  readonly height: number;
}

export interface RateMapResult {
  readonly kind: 'rateMap';
  readonly width: number;
  readonly height: number;
  /** Row-major, row 0 = momentumRange[0]; spectral radius of the heavy-ball iteration. */
  readonly rates: Float32Array;
}

/** Contour lines of an objective over a rectangle. */
export interface ContourRequest {
  readonly kind: 'contours';
  readonly objective: string;
  readonly x1Range: Vec2;
  readonly x2Range: Vec2;
  readonly levels: number;
  readonly resolution: number;
}

export interface ContourLine {
  readonly level: number;
  /** Polylines: each a flat [x1, x2, x1, x2, …] array. */
  readonly lines: readonly Float64Array[];
}

export interface ContourResult {
  readonly kind: 'contours';
  readonly contours: readonly ContourLine[];
}

export type ComputeRequest = Path2DRequest | RegressionRequest | RateMapRequest | ContourRequest;
export type ComputeResult = Path2DResult | RegressionResult | RateMapResult | ContourResult;

/** What the worker answers: a result, or why there is none. Nothing is thrown across the boundary. */
export type ComputeOutcome<R extends ComputeResult = ComputeResult> =
  | { readonly status: 'ok'; readonly result: R; readonly elapsedMs: number }
  | { readonly status: 'superseded' }
  | { readonly status: 'cancelled' }
  | { readonly status: 'failed'; readonly message: string };

export interface ComputeProgress {
  readonly done: number;
  readonly total: number;
}
