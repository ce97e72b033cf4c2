/**
 * The sweep heatmap's data: the first sweep cell (=SWEEP or =REGRESSION_SWEEP) of a binding, as
 * its grid of final values and divergence steps, and the rule for a click on it. The rule: a click
 * writes the config's learning rate and momentum into the cells named `eta` and `gamma` for a 2-D
 * sweep (the cells the chapter's runs and the rate map use), `lr` and `momentum` for a regression
 * sweep. The sweep's own axes are ranges or LINSPACE, so it has no single input cell to write.
 */
import type { CellAddress, RunValue } from '../sheet/types';
import { isSweepRun } from '../sheet/sweepFields';
import type { SweepGrid } from './contract';

/** `sweepTargets('sweep2d')` → ['eta', 'gamma']. */
export function sweepTargets(kind: SweepGrid['kind']): readonly [string, string] {
  return kind === 'sweep2d' ? ['eta', 'gamma'] : ['lr', 'momentum'];
}

/** What a sweep chart reads from the session (a part of chartData's ChartSourceView). */
export interface SweepSourceView {
  readonly runOf: (address: CellAddress) => RunValue | undefined;
  readonly addressOfName: (name: string) => CellAddress | undefined;
}

export function sweepGrid(addresses: readonly CellAddress[], view: SweepSourceView): SweepGrid | null {
  for (const address of addresses) {
    const run = view.runOf(address);
    if (run === undefined || !isSweepRun(run)) continue;
    const result = run.result;
    const [lrs, momenta, final] =
      result.kind === 'sweep2d' ? [result.etas, result.gammas, result.finalF] : [result.lrs, result.momenta, result.finalLoss];
    const targets = sweepTargets(result.kind);
    return {
      address,
      kind: result.kind,
      lrs,
      momenta,
      final,
      divergedAt: result.divergedAt,
      targets,
      targetsExist: targets.every((name) => view.addressOfName(name) !== undefined),
    };
  }
  return null;
}
