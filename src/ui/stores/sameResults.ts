/**
 * Every patch of a chart brings all its runs as new arrays, the unchanged ones too. A run is a
 * pure function of its request, so a run whose request is the one it had keeps its earlier
 * result object: the chart builders then reuse that run's series data (charts/perResult.ts) and
 * ECharts re-processes only the runs that changed.
 */
export function keepSameResults<R>(): (runs: readonly { readonly id: string; readonly request: unknown; readonly result: R }[]) => R[] {
  let kept = new Map<string, { readonly request: string; readonly result: R }>();
  return (runs) => {
    const now = new Map<string, { readonly request: string; readonly result: R }>();
    const results = runs.map((run) => {
      const request = JSON.stringify(run.request);
      const before = kept.get(run.id);
      const result = before !== undefined && before.request === request ? before.result : run.result;
      now.set(run.id, { request, result });
      return result;
    });
    // Only the runs of this build are remembered: a run that left the chart is forgotten.
    kept = now;
    return results;
  };
}
