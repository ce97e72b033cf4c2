/**
 * What the sheet itself must say out loud, above the grid: that the chapter's printed gradient
 * no longer fits the objective (so every run using it stopped), with a button that switches
 * grad_mode to the true gradient; and what a paste did to the grid when it did not simply fit
 * (it grew, or part of it was not pasted, with the counts).
 */
import { LIMITS } from '../sheet/limits';
import { gradientSwitchAddress, printedGradientNotice } from '../sheet/printedGradient';
import type { SheetEngine } from '../sheet/engine';
import type { PasteOutcome } from '../sheet/types';
import type { GradientSwitch, Message, SheetNotice } from './contract';

/**
 * What the user must be told about a paste, or null when the block fitted the grid as it was:
 * the rows and columns not pasted (past the grid's limits), else how much the grid grew.
 */
export function pasteNotice(outcome: PasteOutcome): Message | null {
  const { dropped, grew } = outcome;
  if (dropped.rows > 0 || dropped.cols > 0) {
    return {
      key: 'notice.pasteDropped',
      args: { rows: dropped.rows, cols: dropped.cols, maxRows: LIMITS.rows, maxCols: LIMITS.cols, maxCells: LIMITS.cells },
    };
  }
  return grew === null ? null : { key: 'notice.pasteGrew', args: { rows: grew.rows, cols: grew.cols } };
}

/** The cell holding the gradient the runs use, by the name the default sheet gives it. */
const GRADIENT_NAME = 'grad';

export function sheetNotices(engine: SheetEngine): SheetNotice[] {
  const address = engine.toNames()[GRADIENT_NAME];
  const found = address === undefined ? null : printedGradientNotice(engine, address);
  if (found === null) return [];
  const action =
    found.switchCell === null
      ? undefined
      : { label: { key: 'notice.switchToCorrected' }, intent: { kind: 'setCells' as const, entries: [[found.switchCell, 'corrected'] as const] } };
  return [
    {
      id: 'printedGradient',
      message: { key: 'notice.printedGradientMismatch', args: { cell: found.cell, objective: found.objective } },
      ...(action === undefined ? {} : { action }),
    },
  ];
}

/** Where the sheet's gradient switch is and what it selects (the erratum note above the grid says it). */
export function gradientSwitch(engine: SheetEngine): GradientSwitch | null {
  const address = gradientSwitchAddress(engine);
  if (address === null) return null;
  const value = engine.value(address);
  const text = value.kind === 'text' ? value.value.trim() : null;
  return { address, mode: text === 'printed' || text === 'corrected' ? text : null };
}
