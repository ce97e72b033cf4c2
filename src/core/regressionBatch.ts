/**
 * The sheet asks for one regression run per cell (configs.length === 1). Runs that share data,
 * schedule and seeds differ only in their configs, so they are grouped into one batched request
 * (the worker trains all configs of a request as one tensor program) and the batched result is
 * split back into one result per cell.
 */
import type { RegressionConfig, RegressionRequest, RegressionResult } from './runTypes';

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
  return JSON.stringify([
    data.n,
    data.trueW[0],
    data.trueW[1],
    data.trueB,
    data.noise,
    data.seed,
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
    losses: configIndices.map((i) => batched.losses[i]),
    finalParams: configIndices.map((i) => batched.finalParams[i]),
    divergedAt: configIndices.map((i) => batched.divergedAt[i]),
  };
}

/** One cell's K = 1 result from a batched run. `splitRegressionResult(batched, 2).losses.length === 1` */
export function splitRegressionResult(batched: RegressionResult, index: number): RegressionResult {
  return selectRegressionConfigs(batched, [index]);
}
