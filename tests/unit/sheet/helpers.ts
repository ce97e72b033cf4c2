/**
 * Shared test helpers for the sheet engine: build an engine from a few cells, read numbers, and
 * settle every run the sheet asks for with the real core computations (2-D runs) and the float64
 * regression reference, exactly as the CLI does with the worker.
 */
import { expect } from 'vitest';
import { runPath2D } from '../../../src/core/optimize2d';
import { createEngine, type SheetEngine } from '../../../src/sheet/engine';
import type { CellValue, SheetState } from '../../../src/sheet/types';
import { runRegressionReference } from '../../reference/regressionReference';

/** An engine holding just these cells (and names) on a 50 × 10 sheet unless told otherwise. */
export function sheet(
  cells: Record<string, string>,
  names: Record<string, string> = {},
  size: { rows?: number; cols?: number } = {},
): SheetEngine {
  const state: SheetState = { rows: size.rows ?? 50, cols: size.cols ?? 10, cells, names, colWidths: {}, charts: [], pins: [] };
  return createEngine(state);
}

/** The number a cell holds; fails the test if it holds anything else. */
export function num(engine: SheetEngine, address: string): number {
  const value = engine.value(address);
  if (value.kind !== 'number') expect.fail(`${address} holds ${JSON.stringify(value)}, not a number`);
  return value.value;
}

/** The error code a cell holds, or its kind when it is not an error. */
export function code(engine: SheetEngine, address: string): string {
  const value: CellValue = engine.value(address);
  return value.kind === 'error' ? value.code : value.kind;
}

/** Supply every pending run until none is left; returns how many were computed. */
export function settle(engine: SheetEngine, maxRounds = 8): number {
  let computed = 0;
  for (let round = 0; round < maxRounds; round += 1) {
    const needs = engine.runNeeds();
    if (needs.length === 0) return computed;
    for (const need of needs) {
      computed += 1;
      if (need.request.kind === 'path2d') {
        const result = runPath2D(need.request);
        if (result.kind === 'failure') engine.supplyRunFailure(need.key, result.message);
        else engine.supplyRunResult(need.key, result);
      } else if (need.request.kind === 'regression') {
        engine.supplyRunResult(need.key, runRegressionReference(need.request));
      }
    }
  }
  return computed;
}
