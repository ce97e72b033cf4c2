/**
 * An objective in x1, x2 made ready for a run: f, the gradient the run uses, and the symbolic
 * gradient mathjs derives from f (always computed, so a hand-typed gradient, such as the
 * chapter's misprinted (0.2·x1, 2·x2), can be checked against the truth).
 */
import { compileExpression, compileFormula, type FormulaFailure, type Fn2 } from './compileExpression';
import { differentiateQuick, formatNode, type MathNode } from './mathParser';

export type Grad2 = readonly [Fn2, Fn2];

export interface PreparedObjective {
  readonly ok: true;
  readonly f: Fn2;
  /** The gradient a run follows: the hand-typed one when given, else the derived one. */
  readonly grad: Grad2;
  /** The formulas of `grad` (hand-typed or derived), for theory that needs them symbolically. */
  readonly gradNodes: readonly [MathNode, MathNode];
  /** The hand-typed gradient, or null. */
  readonly handGrad: Grad2 | null;
  readonly derivedGrad: Grad2;
  /** The derived gradient printed readably, e.g. ['0.2 * x1', '4 * x2']. */
  readonly derivedText: readonly [string, string];
}

/** Which formula failed: the objective, or the first / second hand-typed gradient component. */
export type FormulaRole = 'objective' | 'gradient1' | 'gradient2';

export type ObjectiveFailure =
  | (FormulaFailure & { readonly where: FormulaRole })
  | {
      readonly ok: false;
      /** mathjs could not differentiate the objective (e.g. `max`, `sign`); subject is its message. */
      readonly reason: 'derivative';
      readonly subject: string;
      readonly where: 'objective';
    };

/**
 * Compile an objective and its gradient. Example:
 * `prepareObjective('0.1*x1^2 + 2*x2^2', null)` → `{ ok: true, derivedText: ['0.2 * x1', '4 * x2'], … }`.
 */
export function prepareObjective(
  objective: string,
  gradient: readonly [string, string] | null,
): PreparedObjective | ObjectiveFailure {
  const f = compileFormula(objective);
  if (!f.ok) return { ...f, where: 'objective' };

  const derived = deriveGradient(f.node);
  if (!derived.ok) return derived;

  let handGrad: Grad2 | null = null;
  let gradNodes = derived.nodes;
  if (gradient !== null) {
    const g1 = compileFormula(gradient[0]);
    if (!g1.ok) return { ...g1, where: 'gradient1' };
    const g2 = compileFormula(gradient[1]);
    if (!g2.ok) return { ...g2, where: 'gradient2' };
    handGrad = [g1.fn, g2.fn];
    gradNodes = [g1.node, g2.node];
  }
  return {
    ok: true,
    f: f.fn,
    grad: handGrad ?? derived.grad,
    gradNodes,
    handGrad,
    derivedGrad: derived.grad,
    derivedText: derived.text,
  };
}

type Derived =
  | { readonly ok: true; readonly grad: Grad2; readonly nodes: readonly [MathNode, MathNode]; readonly text: readonly [string, string] }
  | ObjectiveFailure;

function deriveGradient(node: MathNode): Derived {
  const nodes: MathNode[] = [];
  for (const variable of ['x1', 'x2']) {
    const result = safeDerivative(node, variable);
    if (!result.ok) return result;
    nodes.push(result.node);
  }
  const fns: Fn2[] = [];
  for (const derivedNode of nodes) {
    const compiled = compileExpression(derivedNode);
    // Only reachable if mathjs writes a derivative with a function we do not compile.
    if (!compiled.ok) return { ...compiled, where: 'objective' };
    fns.push(compiled.fn);
  }
  return { ok: true, grad: [fns[0], fns[1]], nodes: [nodes[0], nodes[1]], text: [formatNode(nodes[0]), formatNode(nodes[1])] };
}

/** mathjs throws on functions it cannot differentiate; that becomes a value here. */
export function safeDerivative(
  node: MathNode,
  variable: string,
): { readonly ok: true; readonly node: MathNode } | ObjectiveFailure {
  try {
    return { ok: true, node: differentiateQuick(node, variable) };
  } catch (error) {
    const subject = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: 'derivative', subject, where: 'objective' };
  }
}
