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

/**
 * Simplification that keeps decimals as decimals, so a derived gradient reads `0.2 * x1` rather
 * than `x1 / 5` and evaluates like the hand-written `0.2*x1` of the chapter.
 * `simplifyDecimal(differentiate(parse('0.1*x1^2'), 'x1')).toString()` → `0.2 * x1`.
 */
export function simplifyDecimal(node: MathNode): MathNode {
  return math.simplify(node, {}, { exactFractions: false });
}

/** Print a node with numbers rounded to `significantDigits` (hides 0.30000000000000004). `formatNode(n, 14)` → `0.3 * x1`. */
export function formatNode(node: MathNode, significantDigits = 14): string {
  return node.toString({ precision: significantDigits });
}

/**
 * Symbolic derivative for interactive use: mathjs' derivative without its full simplify (tens
 * of milliseconds per call), followed by constant folding and core simplification (about a
 * millisecond). Decimals stay decimals.
 * `differentiateQuick(parse('0.1*x1^2'), 'x1').toString()` → `0.2 * x1`.
 */
export function differentiateQuick(node: MathNode, variable: string): MathNode {
  const raw = math.derivative(node, variable, { simplify: false });
  return math.simplifyCore(math.simplifyConstant(raw, { exactFractions: false }));
}
