/**
 * What the sheet itself must say out loud, above the grid: today, that the chapter's printed
 * gradient no longer fits the objective (so every run using it stopped), with a button that
 * switches grad_mode to the true gradient.
 */
import { printedGradientNotice } from '../sheet/printedGradient';
import type { SheetEngine } from '../sheet/engine';
import type { SheetNotice } from './contract';

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
