/**
 * Why a regression request cannot run, or null. The request arrives from a shared link or a
 * sheet formula, so every number is checked before any tensor is allocated; the limits keep one
 * request within what the worker can hold (the parameter history is (steps + 1)·K rows of 4 floats).
 */
import type { RegressionRequest } from '../core/runTypes';

export const REGRESSION_LIMITS = {
  maxExamples: 100_000,
  maxBatchSize: 100_000,
  maxEpochs: 1_000,
  maxConfigs: 1_024,
  /** (training steps + 1) × configs: bounds the recorded history (~16 MB at the limit). */
  maxHistoryRows: 1_000_000,
} as const;

const isCount = (value: number, max: number): boolean => Number.isInteger(value) && value >= 1 && value <= max;

/** `regressionRequestProblem({ ...chapter, batchSize: 0 })` → "batchSize must be an integer from 1 to 100000" */
export function regressionRequestProblem(request: RegressionRequest): string | null {
  const { data } = request;
  const limits = REGRESSION_LIMITS;
  if (!isCount(data.n, limits.maxExamples)) return `data.n must be an integer from 1 to ${limits.maxExamples}`;
  if (!isCount(request.batchSize, limits.maxBatchSize)) {
    return `batchSize must be an integer from 1 to ${limits.maxBatchSize}`;
  }
  if (!Number.isInteger(request.epochs) || request.epochs < 0 || request.epochs > limits.maxEpochs) {
    return `epochs must be an integer from 0 to ${limits.maxEpochs}`;
  }
  if (!isCount(request.configs.length, limits.maxConfigs)) return `between 1 and ${limits.maxConfigs} configs are needed`;
  const finite = {
    'data.trueW[0]': data.trueW[0],
    'data.trueW[1]': data.trueW[1],
    'data.trueB': data.trueB,
    'data.noise': data.noise,
    'data.seed': data.seed,
    decayFactor: request.decayFactor,
    trainSeed: request.trainSeed,
    initScale: request.initScale,
  };
  for (const [name, value] of Object.entries(finite)) {
    if (!Number.isFinite(value)) return `${name} must be a finite number`;
  }
  if (request.decayEpoch !== null && !Number.isFinite(request.decayEpoch)) {
    return 'decayEpoch must be a finite number or null';
  }
  for (const [index, config] of request.configs.entries()) {
    if (!Number.isFinite(config.lr) || !Number.isFinite(config.momentum)) {
      return `configs[${index}]: lr and momentum must be finite numbers`;
    }
    if (config.convention !== 'mxnet' && config.convention !== 'pytorch') {
      return `configs[${index}]: convention must be 'mxnet' or 'pytorch'`;
    }
    if (config.optimizer !== undefined && (config.optimizer !== 'sgd' || config.momentum !== 0)) {
      return `configs[${index}]: optimizer must be absent or 'sgd' (with momentum 0)`;
    }
  }
  const steps = request.epochs * Math.ceil(data.n / request.batchSize);
  if ((steps + 1) * request.configs.length > limits.maxHistoryRows) {
    return `(steps + 1) × configs must not exceed ${limits.maxHistoryRows}; this request needs ${(steps + 1) * request.configs.length}`;
  }
  return null;
}
