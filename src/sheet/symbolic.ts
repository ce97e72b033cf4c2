/**
 * Objectives and gradients as values. Arithmetic on a formula in x1, x2 does not compute: it
 * builds the text of a new formula, with cell values already substituted as numbers, e.g.
 * B2 * x1^2 with B2 = 0.1 becomes "0.1 * x1 ^ 2". Pieces are joined fully parenthesised and then
 * printed back by mathjs without the redundant parentheses, so the text is canonical and two
 * ways of writing the same formula give the same run request (and the same cache key).
 */
import { MATH_LIMITS, parseMath } from '../core/mathParser';
import { safeDerivative } from '../core/objective';
import { LIMITS, OBJECTIVE_PARSE_LIMITS } from './limits';
import type { CellValue } from './types';
import { sheetError } from './values';

/** Objective values by the text they were built from (canonical printing costs a parse). */
const canonicalCache = new Map<string, CellValue>();
const gradientCache = new Map<string, CellValue>();

function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= LIMITS.objectiveCache) cache.clear();
  cache.set(key, value);
  return value;
}

/** #NUM! for an objective (or a derived gradient) too large to keep working with. */
export const OBJECTIVE_TOO_LARGE: CellValue = sheetError('#NUM!', 'error.objectiveTooLarge', {
  chars: LIMITS.objectiveChars,
  nodes: LIMITS.objectiveNodes,
  depth: LIMITS.objectiveDepth,
});

/** A number as formula text that reads back exactly: `numberLiteral(-0.5) === "(-0.5)"`. */
export function numberLiteral(value: number): string {
  const text = String(value);
  return value < 0 || Object.is(value, -0) ? `(${text})` : text;
}

/** The formula text of a value that can take part in an objective, or null. */
export function exprOf(value: CellValue): string | null {
  if (value.kind === 'number') return numberLiteral(value.value);
  if (value.kind === 'objective') return value.expr;
  return null;
}

/** An objective from formula text, printed canonically: `objectiveValue("(0.1) * ((x1) ^ (2))").expr === "0.1 * x1 ^ 2"`. */
export function objectiveValue(text: string): CellValue {
  // Operands are at most objectiveChars each; a text far past the limit is not even parsed.
  if (text.length > 2 * LIMITS.objectiveChars + 64) return OBJECTIVE_TOO_LARGE;
  const known = canonicalCache.get(text);
  if (known !== undefined) return known;
  const parsed = parseMath(text, OBJECTIVE_PARSE_LIMITS);
  let value: CellValue;
  if (!parsed.ok) {
    value = parsed.reason === 'syntax' ? sheetError('#ERROR!', 'error.parse', { message: `cannot rebuild “${text.slice(0, 80)}”` }) : OBJECTIVE_TOO_LARGE;
  } else {
    const expr = parsed.node.toString({ parenthesis: 'auto' });
    value = expr.length > LIMITS.objectiveChars ? OBJECTIVE_TOO_LARGE : { kind: 'objective', expr };
  }
  return remember(canonicalCache, text, value);
}

/** Does any argument carry x1/x2? Then the operation builds a formula instead of computing. */
export function involvesObjective(values: readonly CellValue[]): boolean {
  return values.some((v) => v.kind === 'objective');
}

/**
 * Build an objective from operands and a template over their texts, e.g.
 * `symbolicApply([a, b], ([x, y]) => \`(${x}) * (${y})\`)`. Operands that are neither numbers
 * nor objectives make it #VALUE!.
 */
export function symbolicApply(
  operands: readonly CellValue[],
  template: (parts: readonly string[]) => string,
  what: string,
): CellValue {
  const parts: string[] = [];
  for (const operand of operands) {
    const text = exprOf(operand);
    if (text === null) return sheetError('#VALUE!', 'error.objectiveHere', { name: what });
    parts.push(text);
  }
  return objectiveValue(template(parts));
}

/**
 * A typed gradient from an array literal's items: exactly two, each a number or a formula in
 * x1, x2, at least one of them a formula. Null when the items are not gradient-shaped at all.
 */
export function gradientFromItems(items: readonly CellValue[]): CellValue | null {
  if (!involvesObjective(items)) return null;
  if (items.length !== 2) return sheetError('#VALUE!', 'error.gradientShape');
  const first = exprOf(items[0]);
  const second = exprOf(items[1]);
  if (first === null || second === null) return sheetError('#VALUE!', 'error.gradientShape');
  return { kind: 'gradient', exprs: [first, second], derived: false };
}

/**
 * The objective's gradient, derived symbolically as the worker derives it: GRAD(0.1*x1^2 + 2*x2^2)
 * → (0.2 * x1, 4 * x2). A component longer than the symbolic layer reads back is #NUM!.
 */
export function deriveGradient(objective: string): CellValue {
  return gradientCache.get(objective) ?? remember(gradientCache, objective, deriveUncached(objective));
}

function deriveUncached(objective: string): CellValue {
  const parsed = parseMath(objective);
  if (!parsed.ok) return parsed.reason === 'syntax' ? sheetError('#ERROR!', 'error.parse', { message: parsed.message }) : OBJECTIVE_TOO_LARGE;
  const parts: string[] = [];
  for (const variable of ['x1', 'x2']) {
    const derived = safeDerivative(parsed.node, variable);
    if (!derived.ok) return sheetError('#VALUE!', 'error.notDifferentiable', { message: derived.subject });
    const text = derived.node.toString({ parenthesis: 'auto' });
    if (text.length > MATH_LIMITS.maxChars) return OBJECTIVE_TOO_LARGE;
    parts.push(text);
  }
  return { kind: 'gradient', exprs: [parts[0], parts[1]], derived: true };
}
