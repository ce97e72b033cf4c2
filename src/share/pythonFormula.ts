/**
 * A formula tree (mathjs, as src/core compiles it) printed as a NumPy expression that computes
 * the same float64 operations in the same order: every operation parenthesised, constants as
 * np.float64 (so a division by zero gives inf as in JavaScript, not a Python exception), and only
 * the functions src/core/compileExpression.ts knows. Built from the tree, never from formula
 * text, so nothing a user typed can become Python code.
 */
import type { ConstantNode, FunctionNode, OperatorNode, ParenthesisNode, SymbolNode } from 'mathjs';
import type { MathNode } from '../core/mathParser';

export type PythonExpression = { readonly ok: true; readonly code: string } | { readonly ok: false; readonly subject: string };

/** A float literal as np.float64; JavaScript's shortest round-trip text reads back to the same double in Python. */
const float = (value: number) => `F(${Number.isFinite(value) ? String(value) : Number.isNaN(value) ? '"nan"' : value > 0 ? '"inf"' : '"-inf"'})`;

const SYMBOLS: Readonly<Record<string, string>> = { x1: 'x1', x2: 'x2', pi: 'F(np.pi)', e: 'F(np.e)' };
const BINARY: Readonly<Record<string, string>> = { add: '+', subtract: '-', multiply: '*', divide: '/' };
const UNARY: Readonly<Record<string, (a: string) => string>> = {
  exp: (a) => `np.exp(${a})`,
  sqrt: (a) => `np.sqrt(${a})`,
  abs: (a) => `np.abs(${a})`,
  sin: (a) => `np.sin(${a})`,
  cos: (a) => `np.cos(${a})`,
  tan: (a) => `np.tan(${a})`,
  tanh: (a) => `np.tanh(${a})`,
  sinh: (a) => `np.sinh(${a})`,
  cosh: (a) => `np.cosh(${a})`,
  atan: (a) => `np.arctan(${a})`,
  sign: (a) => `np.sign(${a})`,
  square: (a) => `(${a} * ${a})`,
  cube: (a) => `(${a} * ${a} * ${a})`,
  sec: (a) => `(F(1) / np.cos(${a}))`,
  sech: (a) => `(F(1) / np.cosh(${a}))`,
  log: (a) => `np.log(${a})`,
};

const fail = (subject: string): PythonExpression => ({ ok: false, subject });

/**
 * `pythonFormula(parseMath('0.1*x1^2 + 2*x2^2').node)` → `{ ok: true, code: '((F(0.1) * np.power(x1, F(2))) + (F(2) * np.power(x2, F(2))))' }`
 */
export function pythonFormula(node: MathNode): PythonExpression {
  switch (node.type) {
    case 'ConstantNode': {
      const value: unknown = (node as ConstantNode<number | string | boolean | null | undefined>).value;
      return typeof value === 'number' ? { ok: true, code: float(value) } : fail(typeof value);
    }
    case 'SymbolNode': {
      const name = (node as SymbolNode).name;
      return Object.hasOwn(SYMBOLS, name) ? { ok: true, code: SYMBOLS[name] } : fail(name);
    }
    case 'ParenthesisNode':
      return pythonFormula((node as ParenthesisNode).content);
    case 'OperatorNode':
      return operator(node as OperatorNode);
    case 'FunctionNode':
      return call(node as FunctionNode);
    default:
      return fail(node.type);
  }
}

function all(nodes: readonly MathNode[]): string[] | PythonExpression {
  const codes: string[] = [];
  for (const node of nodes) {
    const printed = pythonFormula(node);
    if (!printed.ok) return printed;
    codes.push(printed.code);
  }
  return codes;
}

function operator(node: OperatorNode): PythonExpression {
  const args = all(node.args);
  if (!Array.isArray(args)) return args;
  const fn: string = node.fn;
  if (args.length === 1 && fn === 'unaryMinus') return { ok: true, code: `(-${args[0]})` };
  if (args.length === 1 && fn === 'unaryPlus') return { ok: true, code: args[0] };
  if (args.length === 2 && fn === 'pow') return { ok: true, code: `np.power(${args[0]}, ${args[1]})` };
  const op = Object.hasOwn(BINARY, fn) ? BINARY[fn] : undefined;
  return args.length === 2 && op !== undefined ? { ok: true, code: `(${args[0]} ${op} ${args[1]})` } : fail(`operator ${node.op}`);
}

function call(node: FunctionNode): PythonExpression {
  if (node.fn.type !== 'SymbolNode') return fail('computed function');
  const name = (node.fn).name;
  const args = all(node.args);
  if (!Array.isArray(args)) return args;
  if (args.length === 1 && Object.hasOwn(UNARY, name)) return { ok: true, code: UNARY[name](args[0]) };
  if (name === 'log' && args.length === 2) return { ok: true, code: `(np.log(${args[0]}) / np.log(${args[1]}))` };
  if (name === 'pow' && args.length === 2) return { ok: true, code: `np.power(${args[0]}, ${args[1]})` };
  if ((name === 'min' || name === 'max') && args.length >= 1) {
    // Pairwise from the left, as compileExpression; np.minimum, like Math.min, lets NaN through.
    const pick = name === 'min' ? 'np.minimum' : 'np.maximum';
    return { ok: true, code: args.slice(1).reduce((best, next) => `${pick}(${best}, ${next})`, args[0]) };
  }
  return fail(`${name} with ${args.length} argument${args.length === 1 ? '' : 's'}`);
}
