/**
 * Why a regression request cannot run, or null. The request arrives from a shared link or a
 * sheet formula, so every number is checked before any tensor is allocated; the limits
 * (REGRESSION_LIMITS in runTypes.ts) keep one request within what the worker can hold and finish.
 */
import { REGRESSION_LIMITS, type RegressionDataSource, type RegressionRequest, type RegressionSweepRequest } from '../core/runTypes';

export { REGRESSION_LIMITS };

const isCount = (value: number, max: number): boolean => Number.isInteger(value) && value >= 1 && value <= max;

function allFinite(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i += 1) if (!Number.isFinite(values[i])) return false;
  return true;
}

function dataProblem(data: RegressionDataSource): string | null {
  const limits = REGRESSION_LIMITS;
  if (!isCount(data.n, limits.maxExamples)) return `data.n must be an integer from 1 to ${limits.maxExamples}`;
  if (data.kind === 'table') {
    if (!isCount(data.featureCount, limits.maxFeatures)) return `data.featureCount must be an integer from 1 to ${limits.maxFeatures}`;
    if (!(data.features instanceof Float64Array) || !(data.labels instanceof Float64Array)) {
      return 'data.features and data.labels must be Float64Arrays';
    }
    if (data.labels.length !== data.n || data.features.length !== data.n * data.featureCount) {
      return `data holds ${data.labels.length} labels and ${data.features.length} features for n = ${data.n} and ${data.featureCount} features per example`;
    }
    if (!allFinite(data.features) || !allFinite(data.labels)) return 'every value of data must be a finite number';
    return null;
  }
  const finite = { 'data.trueW[0]': data.trueW[0], 'data.trueW[1]': data.trueW[1], 'data.trueB': data.trueB, 'data.noise': data.noise, 'data.seed': data.seed };
  for (const [name, value] of Object.entries(finite)) if (!Number.isFinite(value)) return `${name} must be a finite number`;
  return null;
}

/** The checks every regression request shares, whatever its configs; `configCount` is K. */
function settingsProblem(request: Omit<RegressionRequest, 'kind' | 'configs'>, configCount: number): string | null {
  const { data } = request;
  const limits = REGRESSION_LIMITS;
  const problem = dataProblem(data);
  if (problem !== null) return problem;
  if (!isCount(request.batchSize, limits.maxBatchSize)) return `batchSize must be an integer from 1 to ${limits.maxBatchSize}`;
  if (!Number.isInteger(request.epochs) || request.epochs < 0 || request.epochs > limits.maxEpochs) {
    return `epochs must be an integer from 0 to ${limits.maxEpochs}`;
  }
  if (!isCount(configCount, limits.maxConfigs)) return `between 1 and ${limits.maxConfigs} configs are needed`;
  const finite = { decayFactor: request.decayFactor, trainSeed: request.trainSeed, initScale: request.initScale };
  for (const [name, value] of Object.entries(finite)) if (!Number.isFinite(value)) return `${name} must be a finite number`;
  if (request.decayEpoch !== null && !Number.isFinite(request.decayEpoch)) return 'decayEpoch must be a finite number or null';
  if (request.epochs * data.n > limits.maxExampleVisits) {
    return `epochs × n must not exceed ${limits.maxExampleVisits}; this request needs ${request.epochs * data.n}`;
  }
  const steps = request.epochs * Math.ceil(data.n / request.batchSize);
  if (steps > limits.maxSteps) return `training steps (epochs × ⌈n / batch⌉) must not exceed ${limits.maxSteps}; this request needs ${steps}`;
  if (steps * configCount > limits.maxConfigSteps) {
    return `configs × training steps must not exceed ${limits.maxConfigSteps}; this request needs ${steps * configCount}`;
  }
  return null;
}

/** `regressionRequestProblem({ ...chapter, batchSize: 0 })` → "batchSize must be an integer from 1 to 1000000" */
export function regressionRequestProblem(request: RegressionRequest): string | null {
  const problem = settingsProblem(request, request.configs.length);
  if (problem !== null) return problem;
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
  return null;
}

/** The same checks for a sweep, whose configs are the grid lrs × momenta. */
export function regressionSweepProblem(request: RegressionSweepRequest): string | null {
  const { lrs, momenta } = request;
  if (!(lrs instanceof Float64Array) || !(momenta instanceof Float64Array)) return 'lrs and momenta must be Float64Arrays';
  const problem = settingsProblem(request, lrs.length * momenta.length);
  if (problem !== null) return problem;
  if (lrs.length === 0 || momenta.length === 0) return 'lrs and momenta must not be empty';
  if (!allFinite(lrs) || !allFinite(momenta)) return 'every lr and momentum must be a finite number';
  if (request.convention !== 'mxnet' && request.convention !== 'pytorch') return "convention must be 'mxnet' or 'pytorch'";
  return null;
}
