/**
 * Evaluate a playground headlessly with the same engine and the same compute API the browser's
 * worker exposes (in-process here, with tfjs's WASM backend for Node).
 */
import type { SheetState } from '../sheet/types';
import { SheetEngine } from '../sheet/engine';
import { settleSheet } from '../session/settleSheet';
import { createComputeApi } from '../compute/computeApi';
import { initTfBackend } from '../compute/tfBackend';
import { reportCells, type CellReport } from './serialize';

export interface Evaluation {
  readonly cells: readonly CellReport[];
  readonly failures: readonly string[];
}

export async function evaluatePlayground(state: SheetState): Promise<Evaluation> {
  const engine = new SheetEngine(state);
  const compute = createComputeApi({ initTfBackend });
  const report = await settleSheet(engine, compute);
  return { cells: reportCells(engine), failures: report.failures };
}
