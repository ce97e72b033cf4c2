/**
 * Turns a parsed formula into a plain float64 closure `(x1, x2) => number`.
 *
 * The tree is walked once, at compile time, into nested closures; evaluating the result walks
 * nothing and allocates nothing, so a 200×200 contour grid or a 10 000-step run costs only the
 * arithmetic. No `eval` and no `new Function`: the set of things a formula can do is exactly the
 * table below, which is also why an unknown name is a typed failure rather than a lookup.
 */
import type { ConstantNode, FunctionNode, OperatorNode, ParenthesisNode, SymbolNode } from 'mathjs';
import { parseMath, type MathNode } from './mathParser';

/** A compiled formula in two variables. */
export type Fn2 = (x1: number, x2: number) => number;

export type CompileFailureReason = 'unknownSymbol' | 'unknownFunction' | 'unsupported' | 'tooDeep';

export interface CompileFailure {
  readonly ok: false;
  readonly reason: CompileFailureReason;
  /** The offending name or construct, e.g. `y`, `foo`, `AssignmentNode`, `string`. */
  readonly subject: string;
}

/** A parse error reported in the same shape; `subject` is the parser's message. */
export interface ParseFailureValue {
  readonly ok: false;
  readonly reason: 'parse';
  readonly subject: string;
}

export type FormulaFailure = CompileFailure | ParseFailureValue;
export type CompileOutcome = { readonly ok: true; readonly fn: Fn2 } | CompileFailure;

/** The variable names used everywhere in the 2-D playground. */
export const DEFAULT_VARIABLES: readonly [string, string] = ['x1', 'x2'];

/**
 * Deepest tree compiled. The compiler recurses once per level; parsed formulas are bounded far
 * lower (MATH_LIMITS.maxDepth), but derivatives of them are deeper than their source.
 */
export const MAX_COMPILE_DEPTH = 1_000;

/** Named constants. mathjs' own derivatives emit `e` and `pi` (d/dx e^x = e^x·log(e)), so they must compile. */
const CONSTANTS: Readonly<Record<string, number>> = { pi: Math.PI, e: Math.E };

type Unary = (a: number) => number;

/**
 * One-argument functions. `sec` and `sech` are not offered to users on purpose, but mathjs writes
 * the derivatives of tan and tanh with them, and derived gradients must compile.
 */
const UNARY: Readonly<Record<string, Unary>> = {
  exp: Math.exp,
  sqrt: Math.sqrt,
  abs: Math.abs,
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  tanh: Math.tanh,
  sinh: Math.sinh,
  cosh: Math.cosh,
  atan: Math.atan,
  sign: Math.sign,
  square: (a) => a * a,
  cube: (a) => a * a * a,
  sec: (a) => 1 / Math.cos(a),
  sech: (a) => 1 / Math.cosh(a),
};

/** Functions compiled specially: log (one or two arguments), pow (two), min/max (one or more). */
const SPECIAL = new Set(['log', 'pow', 'min', 'max']);

const BINARY: Readonly<Record<string, (a: number, b: number) => number>> = {
  add: (a, b) => a + b,
  subtract: (a, b) => a - b,
  multiply: (a, b) => a * b,
  divide: (a, b) => a / b,
  pow: Math.pow,
};

type Compiled = Fn2 | CompileFailure;

const isFailure = (c: Compiled): c is CompileFailure => typeof c !== 'function';
const fail = (reason: CompileFailureReason, subject: string): CompileFailure => ({ ok: false, reason, subject });

/**
 * Compile a mathjs node over two named variables. Example:
 * `compileExpression(parse('0.1*x1^2 + 2*x2^2'))` → `{ ok: true, fn }`, `fn(-5, -2) === 10.5`.
 */
export function compileExpression(
  node: MathNode,
  variables: readonly [string, string] = DEFAULT_VARIABLES,
): CompileOutcome {
  const compiled = compileNode(node, variables, 0);
  return isFailure(compiled) ? compiled : { ok: true, fn: compiled };
}

/** Parse then compile formula text. `compileFormula('x1*x2')` → `{ ok: true, fn }`; `compileFormula('y')` → unknownSymbol. */
export function compileFormula(
  text: string,
  variables: readonly [string, string] = DEFAULT_VARIABLES,
): { readonly ok: true; readonly fn: Fn2; readonly node: MathNode } | FormulaFailure {
  const parsed = parseMath(text);
  if (!parsed.ok) return { ok: false, reason: 'parse', subject: parsed.message };
  const compiled = compileExpression(parsed.node, variables);
  return compiled.ok ? { ok: true, fn: compiled.fn, node: parsed.node } : compiled;
}

/** A one-line English description of a failure, for logs and the CLI (the UI translates `reason`). */
export function describeFormulaFailure(failure: FormulaFailure): string {
  switch (failure.reason) {
    case 'parse':
      return `Syntax error: ${failure.subject}`;
    case 'unknownSymbol':
      return `Unknown name "${failure.subject}" (only x1, x2, pi and e are allowed)`;
    case 'unknownFunction':
      return `Unknown function "${failure.subject}"`;
    case 'unsupported':
      return `Not supported in a formula: ${failure.subject}`;
    case 'tooDeep':
      return `The formula is nested more than ${MAX_COMPILE_DEPTH} levels deep`;
  }
}

function compileNode(node: MathNode, variables: readonly [string, string], depth: number): Compiled {
  if (depth > MAX_COMPILE_DEPTH) return fail('tooDeep', String(MAX_COMPILE_DEPTH));
  switch (node.type) {
    case 'ConstantNode': {
      // A constant may also be a string, boolean, null or undefined (`"a"`, `true`, `null`).
      const value: unknown = (node as ConstantNode<number | string | boolean | null | undefined>).value;
      if (typeof value !== 'number') return fail('unsupported', typeof value);
      return () => value;
    }
    case 'SymbolNode':
      return compileSymbol((node as SymbolNode).name, variables);
    case 'ParenthesisNode':
      return compileNode((node as ParenthesisNode).content, variables, depth + 1);
    case 'OperatorNode':
      return compileOperator(node as OperatorNode, variables, depth);
    case 'FunctionNode':
      return compileFunction(node as FunctionNode, variables, depth);
    default:
      // Assignments, accessors, ranges, matrices, objects, conditionals, blocks …
      return fail('unsupported', node.type);
  }
}

function compileSymbol(name: string, variables: readonly [string, string]): Compiled {
  if (name === variables[0]) return (a) => a;
  if (name === variables[1]) return (_a, b) => b;
  const constant = CONSTANTS[name];
  return constant === undefined ? fail('unknownSymbol', name) : () => constant;
}

function compileArgs(args: readonly MathNode[], variables: readonly [string, string], depth: number): Fn2[] | CompileFailure {
  const out: Fn2[] = [];
  for (const arg of args) {
    const compiled = compileNode(arg, variables, depth + 1);
    if (isFailure(compiled)) return compiled;
    out.push(compiled);
  }
  return out;
}

function compileOperator(node: OperatorNode, variables: readonly [string, string], depth: number): Compiled {
  const args = compileArgs(node.args, variables, depth);
  if (!Array.isArray(args)) return args;
  const fn: string = node.fn;
  if (args.length === 1 && fn === 'unaryMinus') {
    const [a] = args;
    return (x1, x2) => -a(x1, x2);
  }
  if (args.length === 1 && fn === 'unaryPlus') return args[0];
  const op = BINARY[fn];
  if (args.length === 2 && op !== undefined) {
    const [a, b] = args;
    return (x1, x2) => op(a(x1, x2), b(x1, x2));
  }
  return fail('unsupported', `operator ${node.op}`);
}

function compileFunction(node: FunctionNode, variables: readonly [string, string], depth: number): Compiled {
  const fnNode: MathNode = node.fn;
  if (fnNode.type !== 'SymbolNode') return fail('unsupported', 'computed function');
  const name = (fnNode as SymbolNode).name;
  const unary = UNARY[name];
  if (unary === undefined && !SPECIAL.has(name)) return fail('unknownFunction', name);
  const args = compileArgs(node.args, variables, depth);
  if (!Array.isArray(args)) return args;
  const arity = `${name} with ${args.length} argument${args.length === 1 ? '' : 's'}`;

  if (unary !== undefined) {
    if (args.length !== 1) return fail('unsupported', arity);
    const [a] = args;
    return (x1, x2) => unary(a(x1, x2));
  }
  if (name === 'log' && args.length === 1) {
    const [a] = args;
    return (x1, x2) => Math.log(a(x1, x2));
  }
  if (name === 'log' && args.length === 2) {
    const [a, base] = args;
    return (x1, x2) => Math.log(a(x1, x2)) / Math.log(base(x1, x2));
  }
  if (name === 'pow' && args.length === 2) {
    const [a, b] = args;
    return (x1, x2) => Math.pow(a(x1, x2), b(x1, x2));
  }
  if ((name === 'min' || name === 'max') && args.length >= 1) return compileExtremum(name, args);
  return fail('unsupported', arity);
}

function compileExtremum(name: 'min' | 'max', args: readonly Fn2[]): Fn2 {
  const pick = name === 'min' ? Math.min : Math.max;
  if (args.length === 2) {
    const [a, b] = args;
    return (x1, x2) => pick(a(x1, x2), b(x1, x2));
  }
  return (x1, x2) => {
    let best = args[0](x1, x2);
    for (let i = 1; i < args.length; i++) best = pick(best, args[i](x1, x2));
    return best;
  };
}
