/**
 * Why a core computation (a 2-D run, a contour set) produced no result. A value, never thrown:
 * the worker and the CLI pass it on, the UI translates `reason` and shows `subject`.
 */
import { describeFormulaFailure } from './compileExpression';
import type { FormulaRole, ObjectiveFailure } from './objective';

export type CoreFailureReason =
  | ObjectiveFailure['reason']
  /** A number in the request is out of its domain (non-finite η, negative steps, empty range …). */
  | 'invalidRequest'
  /** The objective is not finite at the start point, so there is nothing to descend from. */
  | 'nonFiniteStart';

export interface CoreFailure {
  readonly kind: 'failure';
  readonly reason: CoreFailureReason;
  /** Which formula is at fault, or null when the request's numbers are. */
  readonly where: FormulaRole | null;
  /** The offending name, construct, field or parser message. */
  readonly subject: string;
  /** One English sentence for logs and the CLI. */
  readonly message: string;
}

/** Wrap a formula failure. `fromObjectiveFailure({ok:false, reason:'unknownSymbol', subject:'y', where:'objective'}).message` → `objective: Unknown name "y" …`. */
export function fromObjectiveFailure(failure: ObjectiveFailure): CoreFailure {
  const detail =
    failure.reason === 'derivative' ? `Cannot differentiate: ${failure.subject}` : describeFormulaFailure(failure);
  return {
    kind: 'failure',
    reason: failure.reason,
    where: failure.where,
    subject: failure.subject,
    message: `${failure.where}: ${detail}`,
  };
}

/** A failure about the request's numbers. `invalidRequest('eta', 'η must be finite')`. */
export function invalidRequest(subject: string, message: string): CoreFailure {
  return { kind: 'failure', reason: 'invalidRequest', where: null, subject, message };
}

export const isCoreFailure = (value: { readonly kind: string }): value is CoreFailure => value.kind === 'failure';
