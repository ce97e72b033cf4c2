import { createWorkerCompute } from '../../workers/client';
import { chapterRequest } from '../../tests/reference/chapterRuns';
const compute = createWorkerCompute();
const t0 = performance.now();
const progress: number[] = [];
const outcome = await compute.compute('a', chapterRequest(1), (p) => progress.push(p.done));
const t1 = performance.now();
const second = await compute.compute('a', chapterRequest(2));
const t2 = performance.now();
(window as unknown as { smoke: unknown }).smoke = {
  status: outcome.status, first: t1 - t0, second: t2 - t1, secondStatus: second.status, progress,
  finalParams: outcome.status === 'ok' && outcome.result.kind === 'regression' ? Array.from(outcome.result.finalParams[2]) : null,
  isF64: outcome.status === 'ok' && outcome.result.kind === 'regression' ? outcome.result.losses[0] instanceof Float64Array : null,
};
