/**
 * A sheet session in this process, for Node (the CLI, tests): the same session the browser's
 * worker runs, with tfjs's wasm backend for Node instead of the browser's bundled wasm files.
 */
import { createComputeApi } from '../compute/computeApi';
import { initTfBackend } from '../compute/tfBackend';
import type { SheetState } from '../sheet/types';
import { createSheetSession, type SheetSession } from './sheetSession';

/** `await createInProcessSession(state).settle()` evaluates `state` and every run it needs. */
export function createInProcessSession(initial?: SheetState): SheetSession {
  return createSheetSession({ compute: createComputeApi({ initTfBackend }), ...(initial === undefined ? {} : { initial }) });
}
