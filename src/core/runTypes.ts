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
  /** Optional so that requests written before data tables existed stay valid. */
  readonly kind?: 'generated';
  readonly n: number;
  readonly trueW: readonly [number, number];
  readonly trueB: number;
  readonly noise: number;
  readonly seed: number;
}

/**
 * The user's own data set (a range of the sheet): feature columns, then the label column.
 * Every value is a finite number; the sheet refuses ranges with missing or non-numeric rows.
 */
export interface RegressionDataTable {
  readonly kind: 'table';
  /** Number of examples (= labels.length), so that `data.n` reads the same for both sources. */
  readonly n: number;
  /** Number of feature columns d (1 to REGRESSION_LIMITS.maxFeatures); the model is ŷ = x·w + b with w ∈ ℝᵈ. */
  readonly featureCount: number;
  /** Row-major n×d: example i is features[i·d … i·d + d − 1]. */
  readonly features: Float64Array;
  /** n labels. */
  readonly labels: Float64Array;
}

export type RegressionDataSource = RegressionDataSpec | RegressionDataTable;

/**
 * Minibatch SGD with momentum on linear regression, exactly as the chapter. Every config shares
 * data, initial parameters and batch order, so the worker runs them as one batched program.
 */
export interface RegressionRequest {
  readonly kind: 'regression';
  readonly data: RegressionDataSource;
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
  /**
   * Per config: mean full-data loss ½(ŷ−y)² before training and after recorded minibatch steps.
   * losses[i] is the loss after step min(i·lossStride, total steps); at most MAX_LOSS_POINTS
   * entries, so a run of 10⁵ steps stays as small as one of 10³ (see lossRecordStride in
   * regressionPlan.ts).
   */
  readonly losses: readonly Float64Array[];
  /** Steps between recorded losses: 1 (every step, the chapter's runs) unless the run is long. Absent means 1. */
  readonly lossStride?: number;
  /** Per config: final [w1, …, wd, b] (d = 2 for the generated data set). */
  readonly finalParams: readonly Float64Array[];
  /**
   * Per config: the step from which the run evidently diverges (src/core/divergence.ts), or null.
   * Exact when lossStride is 1; otherwise the rule sees only the recorded losses, and the step
   * is a recorded one at most lossStride − 1 steps after it. Losses after a non-finite one, or
   * one beyond the hard bound, are NaN.
   */
  readonly divergedAt: readonly (number | null)[];
}

/**
 * The chapter's regression over a grid of (lr, momentum): every config shares data, schedule,
 * seeds and convention, and all of them train as one batched program. The grid is row-major:
 * row r is momenta[r], column c is lrs[c], so config r·lrs.length + c.
 */
export interface RegressionSweepRequest extends Omit<RegressionRequest, 'kind' | 'configs'> {
  readonly kind: 'regressionSweep';
  readonly convention: MomentumConvention;
  readonly lrs: Float64Array;
  readonly momenta: Float64Array;
}

export interface RegressionSweepResult {
  readonly kind: 'regressionSweep';
  readonly stepsPerEpoch: number;
  readonly lrs: Float64Array;
  readonly momenta: Float64Array;
  /**
   * Row-major momenta × lrs: full-data loss after the last step, or, for a run whose loss left
   * the hard bound (REGRESSION_DIVERGENCE_BOUND), the loss where it did.
   */
  readonly finalLoss: Float64Array;
  /** Row-major: divergence step per config (as RegressionResult.divergedAt), −1 where it did not diverge. */
  readonly divergedAt: Int32Array;
  /** Row-major, d + 1 entries per config: final [w1, …, wd, b]. */
  readonly finalParams: Float64Array;
}

/**
 * 2-D runs (GD, heavy ball or Nesterov) over a grid of (η, γ), one batched tensor program.
 * Row-major: row r is gammas[r], column c is etas[c]. Plain GD ignores γ (its rows agree).
 */
export interface Sweep2DRequest {
  readonly kind: 'sweep2d';
  readonly method: Path2DRequest['method'];
  readonly objective: string;
  readonly gradient: readonly [string, string] | null;
  readonly start: Vec2;
  readonly etas: Float64Array;
  readonly gammas: Float64Array;
  readonly steps: number;
}

export interface Sweep2DResult {
  readonly kind: 'sweep2d';
  readonly etas: Float64Array;
  readonly gammas: Float64Array;
  /** Row-major gammas × etas: f at the last iterate (after `steps`, or where the run stopped at the hard bound, as Path2DResult). */
  readonly finalF: Float64Array;
  readonly finalX1: Float64Array;
  readonly finalX2: Float64Array;
  /**
   * Row-major: per config, the step from which it evidently diverges by runPath2D's rule
   * (src/core/divergence.ts: theory for affine gradients, else the escape rule, and always the
   * hard bound), judged from every iterate as the sweep goes (in float32); −1 where it did not.
   */
  readonly divergedAt: Int32Array;
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

export type ComputeRequest =
  | Path2DRequest
  | RegressionRequest
  | RateMapRequest
  | ContourRequest
  | RegressionSweepRequest
  | Sweep2DRequest;
export type ComputeResult =
  | Path2DResult
  | RegressionResult
  | RateMapResult
  | ContourResult
  | RegressionSweepResult
  | Sweep2DResult;

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

/**
 * What one regression request may ask for. The sheet checks its arguments against these (and
 * shows #NUM! beyond them); the worker checks every request again before allocating anything.
 */
export const REGRESSION_LIMITS = {
  maxExamples: 1_000_000,
  maxFeatures: 16,
  maxBatchSize: 1_000_000,
  maxEpochs: 1_000,
  maxConfigs: 1_024,
  /** epochs × n: every epoch's batch order is drawn up front (4 bytes an entry, 80 MB at the limit). */
  maxExampleVisits: 20_000_000,
  /** Training steps, epochs × ⌈n / batch⌉. */
  maxSteps: 1_000_000,
  /** Configs × training steps: bounds the arithmetic of one request (tens of seconds at the limit). */
  maxConfigSteps: 100_000_000,
} as const;

/** What one 2-D sweep may ask for: at most 32 × 32 configurations, and configs × steps bounded. */
export const SWEEP_LIMITS = {
  maxConfigs: 1_024,
  maxSteps: 10_000,
  maxConfigSteps: 10_000_000,
} as const;
