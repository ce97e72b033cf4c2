/**
 * Turns what the sheet waits for (RunNeed[]) into worker jobs. Regression cells that share data,
 * initial parameters and batch order become ONE batched job (the worker trains all their configs
 * as a single tensor program); everything else is one job per need. Pure: the browser store and
 * the CLI plan identically, so both produce the same numbers.
 */
import type { ComputeRequest, ComputeResult, RegressionRequest } from '../../core/runTypes';
import { groupRegressionRequests, selectRegressionConfigs } from '../../core/regressionBatch';
import type { RunNeed } from '../types';

export interface Job {
  /** Worker key: the cells this job serves, so a newer job for the same cells supersedes it. */
  readonly workerKey: string;
  readonly request: ComputeRequest;
  /** Need keys this job answers. */
  readonly needKeys: readonly string[];
  /** Splits the job's result into the result each need expects. */
  deliver(result: ComputeResult): ReadonlyArray<readonly [needKey: string, result: ComputeResult]>;
}

const cellsKey = (cells: readonly string[]): string => [...cells].sort().join(',');

/** `planJobs([regA, regB, path])` → two jobs: one batched regression (K = 2) and the 2-D run. */
export function planJobs(needs: readonly RunNeed[]): Job[] {
  const regressionNeeds = needs.filter((need) => need.request.kind === 'regression');
  const otherNeeds = needs.filter((need) => need.request.kind !== 'regression');
  const jobs: Job[] = otherNeeds.map((need) => ({
    workerKey: cellsKey(need.cells),
    request: need.request,
    needKeys: [need.key],
    deliver: (result) => [[need.key, result]],
  }));
  const groups = groupRegressionRequests(regressionNeeds.map((need) => need.request as RegressionRequest));
  for (const group of groups) {
    const members = group.members.map((member) => ({ need: regressionNeeds[member.requestIndex], member }));
    jobs.push({
      workerKey: cellsKey(members.flatMap(({ need }) => need.cells)),
      request: group.request,
      needKeys: members.map(({ need }) => need.key),
      deliver: (result) => {
        if (result.kind !== 'regression') return [];
        return members.map(({ need, member }) => [need.key, selectRegressionConfigs(result, member.configIndices)] as const);
      },
    });
  }
  return jobs;
}
