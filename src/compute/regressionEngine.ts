/**
 * The chapter's minibatch SGD with momentum on tfjs (wasm), with all K configs of a request
 * trained as one batched tensor program per update rule: momentum configs as one, plain-SGD
 * configs (optimizer 'sgd', no velocity at all) as another. Two programs compute the same thing:
 *  - stepwise (regressionStepwise.ts): six ops per step for all configs; used for sweeps and for
 *    every run that records each step (the chapter's);
 *  - by intervals (regressionIntervals.ts): the updates between two recorded losses multiplied
 *    together, batched over time; used for long runs of few configs, where per-step dispatch
 *    would dominate.
 * Either way the parameters of the recorded steps (at most MAX_LOSS_POINTS per config) are read
 * back in one go after training, and the loss history is evaluated from them in float64
 * (lossHistory.ts) instead of with one full-data op per step.
 */
import type { ComputeProgress, RegressionRequest, RegressionResult } from '../core/runTypes';
import { regressionData } from '../core/syntheticData';
import { lossRecordStride, planRegression, recordedSteps, truncateAtDivergence } from '../core/regressionPlan';
import { augmentedGram, augmentedWidth } from './regressionTensors';
import { lossHistories } from './lossHistory';
import { trainStepwise } from './regressionStepwise';
import { trainByIntervals } from './regressionIntervals';
import type { RecordedRows, TrainingContext, TrainingRule } from './trainingContext';
import { yieldToEventLoop } from './yieldToEventLoop';

export type TrainingProgram = 'stepwise' | 'intervals';

export interface RegressionEngineOptions {
  /** Asked at every yield; true stops the run, frees its tensors and resolves 'stopped'. */
  readonly shouldStop?: () => boolean;
  /** Called at every yield with the number of training steps done. */
  readonly onProgress?: (progress: ComputeProgress) => void;
  /** Training steps between yields to the event loop (the interval program yields once per block). */
  readonly yieldEvery?: number;
  /** Force a program (tests compare them); by default chooseProgram decides. */
  readonly program?: TrainingProgram;
}

export type RegressionEngineOutcome =
  | { readonly status: 'ok'; readonly result: RegressionResult }
  | { readonly status: 'stopped' };

const DEFAULT_YIELD_EVERY = 32;

/**
 * The interval program's cost grows with K·steps (it builds and multiplies a transition matrix
 * per config and step), the stepwise program's with steps·(dispatch + small K·W² work); the
 * interval program saves dispatch in proportion to the stride. Measured here (N = 2·10⁴ to 10⁶,
 * 1 epoch), intervals win up to about log₂(stride) configs, and never beyond 8: so for K = 1 at
 * every stride above 1, for K ≤ 4 at stride 16, for K ≤ 7 at stride 128 (N = 10⁶, batch 10).
 */
export const INTERVAL_MAX_CONFIGS = 8;

/** Which program trains `configs` configs recording every `stride`-th step. `chooseProgram(1, 128)` → 'intervals' */
export function chooseProgram(configs: number, stride: number): TrainingProgram {
  return stride > 1 && configs <= Math.min(INTERVAL_MAX_CONFIGS, Math.log2(stride)) ? 'intervals' : 'stepwise';
}

/** Per-config [w…, b] at recorded point `point` of point-major `recorded` rows. */
function paramsAtPoint({ rows, rowWidth }: RecordedRows, point: number, k: number, params: number): Float64Array[] {
  return Array.from({ length: k }, (_, config) => {
    const offset = (point * k + config) * rowWidth;
    return Float64Array.from(rows.subarray(offset, offset + params));
  });
}

/**
 * Train every config of the request; stops early when told to. Momentum configs run as one
 * batched program, plain-SGD configs (optimizer 'sgd') as another with their own update rule,
 * and the results come back in the request's order.
 * `await trainRegressionBatch(chapterRequest)` → { status: 'ok', result } with K loss histories.
 */
export async function trainRegressionBatch(
  request: RegressionRequest,
  options: RegressionEngineOptions = {},
): Promise<RegressionEngineOutcome> {
  const sgd = request.configs.map((config, i) => (config.optimizer === 'sgd' ? i : -1)).filter((i) => i >= 0);
  if (sgd.length === 0) return trainProgram(request, 'momentum', options);
  if (sgd.length === request.configs.length) return trainProgram(request, 'sgd', options);
  const momentum = request.configs.map((_, i) => i).filter((i) => !sgd.includes(i));
  const parts: RegressionResult[] = [];
  for (const [index, [rule, indices]] of ([['momentum', momentum], ['sgd', sgd]] as const).entries()) {
    const outcome = await trainProgram({ ...request, configs: indices.map((i) => request.configs[i]) }, rule, {
      ...options,
      // Progress of the two programs as one run: the second starts where the first ended.
      onProgress: options.onProgress && ((p) => options.onProgress?.({ done: index * p.total + p.done, total: 2 * p.total })),
    });
    if (outcome.status !== 'ok') return outcome;
    parts.push(outcome.result);
  }
  const at = (i: number) => (sgd.includes(i) ? { part: parts[1], k: sgd.indexOf(i) } : { part: parts[0], k: momentum.indexOf(i) });
  const order = request.configs.map((_, i) => at(i));
  return {
    status: 'ok',
    result: {
      kind: 'regression',
      stepsPerEpoch: parts[0].stepsPerEpoch,
      // Both programs train the same steps, so they record the same ones.
      lossStride: parts[0].lossStride,
      losses: order.map(({ part, k }) => part.losses[k]),
      finalParams: order.map(({ part, k }) => part.finalParams[k]),
      divergedAt: order.map(({ part, k }) => part.divergedAt[k]),
    },
  };
}

/** All configs of the request under one update rule, as one batched tensor program. */
async function trainProgram(
  request: RegressionRequest,
  rule: TrainingRule,
  options: RegressionEngineOptions,
): Promise<RegressionEngineOutcome> {
  const k = request.configs.length;
  const data = regressionData(request.data);
  const plan = planRegression({ ...request, data: { n: data.n, featureCount: data.featureCount } });
  const totalSteps = request.epochs * plan.stepsPerEpoch;
  const stride = lossRecordStride(totalSteps);
  const context: TrainingContext = {
    request,
    rule,
    data,
    plan,
    width: augmentedWidth(data),
    totalSteps,
    stride,
    yieldEvery: options.yieldEvery ?? DEFAULT_YIELD_EVERY,
    // True when the run must stop. Yields first so that a cancel or a newer request can arrive.
    async checkpoint(done) {
      options.onProgress?.({ done, total: totalSteps });
      await yieldToEventLoop();
      return options.shouldStop?.() ?? false;
    },
  };
  const program = options.program ?? chooseProgram(k, stride);
  const recorded = await (program === 'intervals' ? trainByIntervals(context) : trainStepwise(context));
  if (recorded === null) return { status: 'stopped' };
  options.onProgress?.({ done: totalSteps, total: totalSteps });

  const steps = recordedSteps(totalSteps, stride);
  const losses = lossHistories(augmentedGram(data), data.n, recorded.rows, steps.length, k, recorded.rowWidth);
  return {
    status: 'ok',
    result: {
      kind: 'regression',
      stepsPerEpoch: plan.stepsPerEpoch,
      lossStride: stride,
      losses,
      finalParams: paramsAtPoint(recorded, steps.length - 1, k, data.featureCount + 1),
      divergedAt: losses.map((history) => {
        const { divergedAt } = truncateAtDivergence(history);
        return divergedAt === null ? null : steps[divergedAt];
      }),
    },
  };
}
