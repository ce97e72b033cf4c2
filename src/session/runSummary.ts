/**
 * The inputs and outcomes of a run cell, as the comparison table shows them: plain numbers and
 * strings under stable field names (catalogue keys `run.input.<name>`, `run.outcome.<name>`).
 * Outcomes are what a reader compares runs by: where they end, how fast they get there, when
 * they blow up.
 */
import type { Path2DRequest, Path2DResult, RegressionRequest, RegressionResult } from '../core/runTypes';
import type { RunValue } from '../sheet/types';
import type { RunSummary } from './contract';
import { formatNumber } from '../sheet/format';
import { overallRate } from '../core/quadratic';

const last = (values: ArrayLike<number>): number => values[values.length - 1];

/** The first step whose value is at most `fraction` of the initial one, or null if none is. */
export function stepsToReach(values: ArrayLike<number>, fraction: number): number | null {
  const target = values[0] * fraction;
  for (let step = 0; step < values.length; step += 1) {
    if (Number.isFinite(values[step]) && values[step] <= target) return step;
  }
  return null;
}

/** A run's short name from its settings: `requestLabel(momentum run)` → "momentum η=0.9 γ=0.2". */
export function requestLabel(request: Path2DRequest | RegressionRequest): string {
  if (request.kind === 'path2d') {
    return `${request.method} η=${formatNumber(request.eta, 4)}${request.method === 'gd' ? '' : ` γ=${formatNumber(request.gamma, 4)}`}`;
  }
  const config = request.configs[0];
  const kind = config.optimizer === 'sgd' ? 'sgd ' : '';
  return `${kind}lr=${formatNumber(config.lr, 4)}${config.optimizer === 'sgd' ? '' : ` mom=${formatNumber(config.momentum, 4)}`}${config.convention === 'pytorch' ? ' (pytorch)' : ''}`;
}

function path2dSummary(request: Path2DRequest, result: Path2DResult, divergedAt: number | null): Omit<RunSummary, 'shown'> {
  return {
    kind: 'path2d',
    label: [requestLabel(request)],
    inputs: {
      method: request.method,
      objective: request.objective,
      gradient: request.gradient === null ? '∇f' : `(${request.gradient.join(', ')})`,
      x1_0: request.start[0],
      x2_0: request.start[1],
      eta: request.eta,
      gamma: request.method === 'gd' ? 0 : request.gamma,
      steps: request.steps,
    },
    outcomes: path2dOutcomes(request, result, divergedAt),
    divergedAt,
  };
}

/**
 * Where a 2-D run ends and how fast it gets there. Distance and rate need the run's linear theory
 * (an affine gradient with one stationary point): the optimum is that point, the rate the largest
 * per-step factor of the iteration matrix, max_i ρ(η, γ, λ_i).
 */
function path2dOutcomes(request: Path2DRequest, result: Path2DResult, divergedAt: number | null): RunSummary['outcomes'] {
  const theory = result.theory;
  const [x1, x2] = [last(result.x1), last(result.x2)];
  const gamma = request.method === 'gd' ? 0 : request.gamma;
  return {
    f: last(result.f),
    x1,
    x2,
    distance: theory === null ? null : Math.hypot(x1 - theory.stationary[0], x2 - theory.stationary[1]),
    stepsTo1e3: stepsToReach(result.f, 1e-3),
    divergedAt,
    rate: theory === null ? null : overallRate(request.method, request.eta, gamma, theory.eigenvalues),
  };
}

function regressionSummary(request: RegressionRequest, result: RegressionResult, divergedAt: number | null): Omit<RunSummary, 'shown'> {
  const config = request.configs[0];
  const { data } = request;
  // [w1, …, wd, b]: d = 2 for the generated data set, the feature columns of a data range.
  const params = result.finalParams[0];
  const d = params.length - 1;
  const [w1, w2, b] = [params[0], d >= 2 ? params[1] : null, params[d]];
  const losses = result.losses[0];
  const stride = result.lossStride ?? 1;
  const totalSteps = request.epochs * result.stepsPerEpoch;
  const reached = stepsToReach(losses, 1e-3);
  const dataInputs: Readonly<Record<string, number | string>> =
    data.kind === 'table'
      ? { data: 'range', features: data.featureCount }
      : { noise: data.noise, dataSeed: data.seed };
  return {
    kind: 'regression',
    label: [requestLabel(request)],
    inputs: {
      lr: config.lr,
      momentum: config.momentum,
      convention: config.convention,
      optimizer: config.optimizer ?? 'momentum',
      epochs: request.epochs,
      batch: request.batchSize,
      decayEpoch: request.decayEpoch ?? 'none',
      n: data.n,
      ...dataInputs,
      trainSeed: request.trainSeed,
    },
    outcomes: {
      loss: last(losses),
      w1,
      w2,
      b,
      // Distance to the parameters the data were generated with; a data range has none to compare to.
      distance: data.kind === 'table' || w2 === null ? null : Math.hypot(w1 - data.trueW[0], w2 - data.trueW[1], b - data.trueB),
      // Loss i is recorded after step min(i·lossStride, T): the step, not the index.
      stepsTo1e3: reached === null ? null : Math.min(reached * stride, totalSteps),
      divergedAt,
      // Minibatch noise has no closed-form rate; the comparison shows "—".
      rate: null,
    },
    divergedAt,
  };
}

/**
 * `summarizeRun(run).outcomes.f` is the run's final f; `.inputs.eta` its learning rate. A sweep
 * has no summary: it is a grid, not one run to compare (its parts are read as .best, .grid …).
 */
export function summarizeRun(run: RunValue): RunSummary | undefined {
  const divergedAt = run.divergedAt;
  if (run.request.kind === 'path2d' && run.result.kind === 'path2d') return withShown(path2dSummary(run.request, run.result, divergedAt));
  if (run.request.kind === 'regression' && run.result.kind === 'regression') return withShown(regressionSummary(run.request, run.result, divergedAt));
  return undefined;
}

/** Every input and outcome as the grid would show it (six significant digits); not applicable: absent. */
function withShown(summary: Omit<RunSummary, 'shown'>): RunSummary {
  const shown: Record<string, string> = {};
  for (const values of [summary.inputs, summary.outcomes]) {
    for (const [name, value] of Object.entries(values)) {
      if (value === null) continue;
      shown[name] = typeof value === 'number' ? formatNumber(value) : value;
    }
  }
  return { ...summary, shown };
}
