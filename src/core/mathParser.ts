/**
 * One restricted mathjs instance for the whole product. It is built from the parse, derivative
 * and simplify factories only, so formulas can be parsed and differentiated symbolically but
 * nothing in a formula can import functions, create units or evaluate strings: evaluation is
 * always our own tree walk over the parsed nodes (see src/core/compileExpression.ts and
 * src/sheet/evaluate.ts).
 */
import {
  create,
  parseDependencies,
  derivativeDependencies,
  simplifyDependencies,
  type MathNode,
} from 'mathjs';

const math = create({ parseDependencies, derivativeDependencies, simplifyDependencies });

export type { MathNode };

export interface ParseFailure {
  readonly ok: false;
  readonly message: string;
}
export type ParseOutcome = { readonly ok: true; readonly node: MathNode } | ParseFailure;

/** Parse formula text into a mathjs node tree; a syntax error is a value. `parseMath('x1^2').ok === true` */
export function parseMath(text: string): ParseOutcome {
  try {
    return { ok: true, node: math.parse(text) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** Symbolic derivative, simplified. `differentiate(parse('x^2'), 'x')` → `2 * x`. */
export function differentiate(node: MathNode, variable: string): MathNode {
  return math.derivative(node, variable);
}

/** Algebraic simplification (used to print derived gradients readably). */
export function simplify(node: MathNode): MathNode {
  return math.simplify(node);
}
