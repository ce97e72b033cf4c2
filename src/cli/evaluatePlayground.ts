/**
 * Evaluate a playground headlessly with the very session the browser's worker runs (in-process
 * here, with tfjs's WASM backend for Node): same engine, same run planning, same compute.
 */
import type { SheetState } from '../sheet/types';
import { createInProcessSession } from '../session/inProcess';
import { reportCells, type CellReport } from './serialize';

export interface Evaluation {
  readonly cells: readonly CellReport[];
  /** Why runs failed, as the compute engine put it (their cells show #N/A). */
  readonly failures: readonly string[];
}

/** Evaluate `state` (null: the default playground, the chapter) to the end of its last run. */
export async function evaluatePlayground(state: SheetState | null): Promise<Evaluation> {
  const session = createInProcessSession(state ?? undefined);
  await session.settle();
  const cells = reportCells(session.engine);
  const failures = new Set<string>();
  for (const address of session.engine.addresses()) {
    const value = session.engine.value(address);
    if (value.kind === 'error' && value.reason === 'error.runFailed' && typeof value.args?.message === 'string') failures.add(value.args.message);
  }
  return { cells, failures: [...failures] };
}
