/**
 * The sheet asks for one regression run per cell (configs.length === 1). Runs that share data,
 * schedule and seeds differ only in their configs, so they are grouped into one batched request
 * (the worker trains all configs of a request as one tensor program) and the batched result is
 * split back into one result per cell. A sweep's grid is the same kind of batched request, and
 * its result is reduced to one summary per config (sweepAsRegression, summariseSweep).
 */
import type { RegressionConfig, RegressionRequest, RegressionResult, RegressionSweepRequest, RegressionSweepResult } from './runTypes';
import { fingerprintArray } from './syntheticData';
import { REGRESSION_DIVERGENCE_BOUND } from './regressionPlan';

export interface RegressionGroupMember {
  /** Position of the request in the array given to groupRegressionRequests. */
  readonly requestIndex: number;
  /** Where each of the request's configs sits in the group's batched request. */
  readonly configIndices: readonly number[];
}

export interface RegressionGroup {
  /** Identical for requests that share everything but configs; independent of property order. */
  readonly key: string;
  /** The shared settings with every distinct config of the members, in order of first appearance. */
  readonly request: RegressionRequest;
  readonly members: readonly RegressionGroupMember[];
}

/**
 * Stable key of everything but the configs.
 * `regressionGroupKey(a) === regressionGroupKey({ ...a, configs: other })`
 */
export function regressionGroupKey(request: RegressionRequest): string {
  const { data } = request;
  // A fixed field order (not JSON of the object) so that property order never changes the key.
  // A data table enters by fingerprint: its contents may be 10⁵ rows.
  const dataKey =
    data.kind === 'table'
      ? ['table', data.n, data.featureCount, fingerprintArray(data.features), fingerprintArray(data.labels)]
      : [data.n, data.trueW[0], data.trueW[1], data.trueB, data.noise, data.seed];
  return JSON.stringify([
    ...dataKey,
    request.batchSize,
    request.epochs,
    request.decayEpoch,
    request.decayFactor,
    request.trainSeed,
    request.initScale,
  ]);
}

/** Plain SGD and momentum 0 train alike but are different rules: the key keeps them apart. */
function configKey(config: RegressionConfig): string {
  return JSON.stringify([config.lr, config.momentum, config.convention, config.optimizer ?? 'momentum']);
}

/**
 * Group requests that differ only in configs; identical configs are trained once and shared.
 * `groupRegressionRequests([cellA, cellB])` → one group with two configs when only lr differs.
 */
export function groupRegressionRequests(
  requests: readonly RegressionRequest[],
): RegressionGroup[] {
  interface Draft {
    readonly key: string;
    readonly first: RegressionRequest;
    readonly configs: RegressionConfig[];
    readonly configSlots: Map<string, number>;
    readonly members: RegressionGroupMember[];
  }
  const drafts = new Map<string, Draft>();
  requests.forEach((request, requestIndex) => {
    const key = regressionGroupKey(request);
    let draft = drafts.get(key);
    if (draft === undefined) {
      draft = { key, first: request, configs: [], configSlots: new Map(), members: [] };
      drafts.set(key, draft);
    }
    const group = draft;
    const configIndices = request.configs.map((config) => {
      const slotKey = configKey(config);
      let slot = group.configSlots.get(slotKey);
      if (slot === undefined) {
        slot = group.configs.length;
        group.configs.push(config);
        group.configSlots.set(slotKey, slot);
      }
      return slot;
    });
    group.members.push({ requestIndex, configIndices });
  });
  return [...drafts.values()].map((draft) => ({
    key: draft.key,
    request: { ...draft.first, configs: draft.configs },
    members: draft.members,
  }));
}

/**
 * The result of the given configs of a batched run, in the given order.
 * `selectRegressionConfigs(batched, member.configIndices)` is a member's own result.
 */
export function selectRegressionConfigs(
  batched: RegressionResult,
  configIndices: readonly number[],
): RegressionResult {
  return {
    kind: 'regression',
    stepsPerEpoch: batched.stepsPerEpoch,
    ...(batched.lossStride === undefined ? {} : { lossStride: batched.lossStride }),
    losses: configIndices.map((i) => batched.losses[i]),
    finalParams: configIndices.map((i) => batched.finalParams[i]),
    divergedAt: configIndices.map((i) => batched.divergedAt[i]),
  };
}

/** One cell's K = 1 result from a batched run. `splitRegressionResult(batched, 2).losses.length === 1` */
export function splitRegressionResult(batched: RegressionResult, index: number): RegressionResult {
  return selectRegressionConfigs(batched, [index]);
}

/** The configs of the grid, row-major: row r is momenta[r], column c is lrs[c]. */
export function sweepConfigs(request: RegressionSweepRequest): RegressionConfig[] {
  const configs: RegressionConfig[] = [];
  for (const momentum of request.momenta) for (const lr of request.lrs) configs.push({ lr, momentum, convention: request.convention });
  return configs;
}

/** The batched request a sweep trains. `sweepAsRegression(sweep).configs.length === lrs.length · momenta.length` */
export function sweepAsRegression(request: RegressionSweepRequest): RegressionRequest {
  const { kind: _kind, convention: _convention, lrs: _lrs, momenta: _momenta, ...settings } = request;
  return { ...settings, kind: 'regression', configs: sweepConfigs(request) };
}

/** Reduce a batched result over the grid's configs to the sweep's summary. */
export function summariseSweep(request: RegressionSweepRequest, result: RegressionResult): RegressionSweepResult {
  const k = result.losses.length;
  const paramCount = result.finalParams[0]?.length ?? 0;
  const finalLoss = new Float64Array(k);
  const divergedAt = new Int32Array(k).fill(-1);
  const finalParams = new Float64Array(k * paramCount);
  result.losses.forEach((losses, i) => {
    const step = result.divergedAt[i];
    // A run that left the hard bound ends there (the losses after it are blank); any other ends at its last step.
    const bound = losses.findIndex((loss) => !(loss <= REGRESSION_DIVERGENCE_BOUND));
    finalLoss[i] = losses[bound < 0 ? losses.length - 1 : bound];
    if (step !== null) divergedAt[i] = step;
    finalParams.set(result.finalParams[i], i * paramCount);
  });
  return {
    kind: 'regressionSweep',
    stepsPerEpoch: result.stepsPerEpoch,
    lrs: Float64Array.from(request.lrs),
    momenta: Float64Array.from(request.momenta),
    finalLoss,
    divergedAt,
    finalParams,
  };
}
