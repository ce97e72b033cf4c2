/**
 * The chapter's printed gradient belongs to the chapter's objective only. PRINTED_GRAD(f) is the
 * chapter's (0.2·x1, 2·x2) while f is 0.1·x1² + 2·x2² (up to a constant, which no gradient sees),
 * and a typed error for any other objective: every run, theory cell, Polyak value and rate map
 * downstream of the gradient cell then shows that error at once instead of silently following a
 * gradient that belongs to another function. The page detects it by the reason key
 * PRINTED_GRADIENT_MISMATCH and offers to switch the gradient choice to "corrected"
 * (printedGradientNotice).
 */
import { analyzeQuadratic } from '../core/quadratic';
import { objectiveValue } from './symbolic';
import type { CellAddress, CellValue, SheetEngineApi } from './types';
import { sheetError } from './values';
import { GRADIENT_SWITCH_NAME } from './chapterVocabulary';

/** The reason of the error PRINTED_GRAD gives for any objective but the chapter's. */
export const PRINTED_GRADIENT_MISMATCH = 'error.printedGradientMismatch';

/** The chapter's objective, as its Hessian diag(0.2, 4) and minimiser (0, 0). */
const CHAPTER_HESSIAN = [0.2, 0, 4] as const;
const TOLERANCE = 1e-12;

function text(formula: string): string {
  const value = objectiveValue(formula);
  return value.kind === 'objective' ? value.expr : formula;
}

/** Is `objective` the chapter's f = 0.1·x1² + 2·x2² (plus any constant)? `isChapterObjective('2*x2^2 + 0.1*x1^2')` → true */
export function isChapterObjective(objective: string): boolean {
  const analysis = analyzeQuadratic(objective);
  if (!analysis.ok || analysis.minimiser === null) return false;
  const close = (a: number, b: number) => Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(b));
  return analysis.hessian.every((h, i) => close(h, CHAPTER_HESSIAN[i])) && analysis.minimiser.every((m) => close(m, 0));
}

/** PRINTED_GRAD(f): the chapter's printed gradient for the chapter's f, else a #VALUE! saying why. */
export function printedGradientCell(objective: { readonly expr: string }): CellValue {
  if (!isChapterObjective(objective.expr)) return sheetError('#VALUE!', PRINTED_GRADIENT_MISMATCH, { objective: objective.expr });
  return { kind: 'gradient', exprs: [text('0.2*x1'), text('2*x2')], derived: false };
}

/** What the page needs for the notice "the printed gradient does not fit this f" and its button. */
export interface PrintedGradientNotice {
  /** The cell whose PRINTED_GRAD refuses the objective. */
  readonly cell: CellAddress;
  /** The objective it refused, as the cell sees it. */
  readonly objective: string;
  /** The choice cell to set to "corrected" (the one named grad_mode), or null if there is none. */
  readonly switchCell: CellAddress | null;
}

/**
 * The notice for `address` when that cell's own PRINTED_GRAD refuses the objective (cells that
 * merely show the propagated error give null, so one notice is raised, not one per run).
 * `printedGradientNotice(engine, 'B7')` → `{ cell: 'B7', objective: 'x1 ^ 2 + x2 ^ 2', switchCell: 'B6' }`
 */
export function printedGradientNotice(engine: SheetEngineApi, address: CellAddress): PrintedGradientNotice | null {
  const value = engine.value(address);
  if (value.kind !== 'error' || value.reason !== PRINTED_GRADIENT_MISMATCH || !/PRINTED_GRAD\s*\(/i.test(engine.raw(address))) return null;
  // Only when a notice is due is the state read for the name (names are case-insensitive).
  const named = gradientSwitchAddress(engine) ?? undefined;
  const switchCell = named !== undefined && engine.choicesAt(named)?.includes('corrected') ? named : null;
  return { cell: address, objective: String(value.args?.objective ?? ''), switchCell };
}

/** The cell named grad_mode (names match without regard to case), or null when the sheet has none. */
export function gradientSwitchAddress(engine: SheetEngineApi): CellAddress | null {
  return Object.entries(engine.toNames()).find(([name]) => name.toLowerCase() === GRADIENT_SWITCH_NAME)?.[1] ?? null;
}
