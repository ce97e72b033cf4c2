/**
 * Files the session writes from the runs it holds: the state file, run series as CSV, and a
 * NumPy script reproducing the regression runs. The page asks for them by kind and downloads.
 */
import type { Path2DRequest, Path2DResult, RegressionRequest, RegressionResult } from '../core/runTypes';
import { path2dRunsToCsv, regressionRunsToCsv } from '../share/exportCsv';
import { regressionRunsToPython } from '../share/exportPython';
import { pathRunsToPython } from './exportPython2d';
import { stateFileText } from '../share/stateFile';
import { byPosition } from '../sheet/calculation';
import type { SheetEngine } from '../sheet/engine';
import type { ExportKind, Message } from './contract';

interface CellRuns {
  readonly paths: { readonly address: string; readonly request: Path2DRequest; readonly result: Path2DResult }[];
  readonly regressions: { readonly address: string; readonly request: RegressionRequest; readonly result: RegressionResult }[];
}

/** Every run cell of the sheet, top to bottom. */
export function collectRuns(engine: SheetEngine): CellRuns {
  const runs: CellRuns = { paths: [], regressions: [] };
  for (const address of engine.addresses().sort(byPosition)) {
    const run = engine.runAt(address);
    if (run === undefined) continue;
    if (run.request.kind === 'path2d' && run.result.kind === 'path2d') runs.paths.push({ address, request: run.request, result: run.result });
    if (run.request.kind === 'regression' && run.result.kind === 'regression') runs.regressions.push({ address, request: run.request, result: run.result });
  }
  return runs;
}

export type ExportOutcome = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly error: Message };

export function exportText(engine: SheetEngine, kind: ExportKind): ExportOutcome {
  const runs = collectRuns(engine);
  switch (kind) {
    case 'stateFile':
      return { ok: true, text: stateFileText(engine.toState()) };
    case 'csvPaths':
      return { ok: true, text: path2dRunsToCsv(runs.paths.map((run) => ({ label: run.address, result: run.result }))) };
    case 'csvLosses':
      return {
        ok: true,
        text: regressionRunsToCsv(runs.regressions.map((run) => ({ label: run.address, result: run.result, totalSteps: run.request.epochs * run.result.stepsPerEpoch }))),
      };
    case 'numpy':
      return { ok: true, text: regressionRunsToPython(runs.regressions.map((run) => ({ label: run.address, request: run.request }))) };
    case 'numpy2d': {
      const script = pathRunsToPython(runs.paths.map((run) => ({ label: run.address, request: run.request })));
      return script.ok ? { ok: true, text: script.text } : { ok: false, error: { key: script.reason, args: { label: script.label, subject: script.subject } } };
    }
  }
}
