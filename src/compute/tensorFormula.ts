/**
 * A parsed formula in x1, x2 turned into tfjs ops over tensors of points, so K runs of a sweep
 * evaluate their objective and gradient in one op per formula node rather than K closures. It
 * accepts exactly the table of src/core/compileExpression.ts (the float64 compiler every 2-D run
 * uses), and constant subtrees are folded in float64 before any op is issued.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ConstantNode, FunctionNode, OperatorNode, ParenthesisNode, SymbolNode } from 'mathjs';
import type { MathNode } from '../core/mathParser';

/** A formula's value at K points: a tensor, or a number when it does not depend on x1, x2. */
export type TensorValue = tf.Tensor1D | number;
/** A compiled formula; call it inside tf.tidy. */
export type TensorFn = (x1: tf.Tensor1D, x2: tf.Tensor1D) => TensorValue;

/** A construct the compiler does not know (core's compiler would have refused it first). */
export interface TensorCompileFailure {
  readonly ok: false;
  readonly subject: string;
}
export type TensorCompileOutcome = { readonly ok: true; readonly fn: TensorFn } | TensorCompileFailure;

const CONSTANTS: Readonly<Record<string, number>> = { pi: Math.PI, e: Math.E };

type Unary = (a: tf.Tensor1D) => tf.Tensor1D;

/** The one-argument functions of compileExpression.ts, as ops, with their float64 twins for constants. */
const UNARY: Readonly<Record<string, readonly [Unary, (a: number) => number]>> = {
  exp: [tf.exp, Math.exp],
  sqrt: [tf.sqrt, Math.sqrt],
  abs: [tf.abs, Math.abs],
  sin: [tf.sin, Math.sin],
  cos: [tf.cos, Math.cos],
  tan: [tf.tan, Math.tan],
  tanh: [tf.tanh, Math.tanh],
  sinh: [tf.sinh, Math.sinh],
  cosh: [tf.cosh, Math.cosh],
  atan: [tf.atan, Math.atan],
  sign: [tf.sign, Math.sign],
  square: [tf.square, (a) => a * a],
  cube: [(a) => tf.mul(tf.square(a), a), (a) => a * a * a],
  sec: [(a) => tf.reciprocal(tf.cos(a)), (a) => 1 / Math.cos(a)],
  sech: [(a) => tf.reciprocal(tf.cosh(a)), (a) => 1 / Math.cosh(a)],
  log: [tf.log, Math.log],
};

type Binary = readonly [(a: tf.Tensor1D | number, b: tf.Tensor1D | number) => tf.Tensor1D, (a: number, b: number) => number];

const BINARY: Readonly<Record<string, Binary>> = {
  add: [(a, b) => tf.add(a, b), (a, b) => a + b],
  subtract: [(a, b) => tf.sub(a, b), (a, b) => a - b],
  multiply: [(a, b) => tf.mul(a, b), (a, b) => a * b],
  divide: [(a, b) => tf.div(a, b), (a, b) => a / b],
  pow: [(a, b) => tf.pow(a, b), Math.pow],
  min: [(a, b) => tf.minimum(a, b), Math.min],
  max: [(a, b) => tf.maximum(a, b), Math.max],
};

type Compiled = TensorFn | TensorCompileFailure;
const isFailure = (c: Compiled): c is TensorCompileFailure => typeof c !== 'function';
const constant = (value: number): TensorFn => () => value;

/** Fold when both sides are numbers; otherwise one op. */
function binary([op, fold]: Binary, a: TensorFn, b: TensorFn): TensorFn {
  return (x1, x2) => {
    const left = a(x1, x2);
    const right = b(x1, x2);
    return typeof left === 'number' && typeof right === 'number' ? fold(left, right) : op(left, right);
  };
}

function unary([op, fold]: readonly [Unary, (a: number) => number], a: TensorFn): TensorFn {
  return (x1, x2) => {
    const value = a(x1, x2);
    return typeof value === 'number' ? fold(value) : op(value);
  };
}

/** x^n for a small whole n as multiplications: exact for negative bases and cheaper than pow. */
function integerPower(base: TensorFn, exponent: number): TensorFn {
  return (x1, x2) => {
    const value = base(x1, x2);
    if (typeof value === 'number') return Math.pow(value, exponent);
    let result: tf.Tensor1D = exponent % 2 === 0 ? tf.square(value) : value;
    for (let e = exponent % 2 === 0 ? 2 : 1; e < exponent; e += 2) result = tf.mul(result, tf.square(value));
    return result;
  };
}

function compileNode(node: MathNode): Compiled {
  switch (node.type) {
    case 'ConstantNode': {
      const value: unknown = (node as ConstantNode<number | string | boolean | null | undefined>).value;
      return typeof value === 'number' ? constant(value) : { ok: false, subject: typeof value };
    }
    case 'SymbolNode': {
      const name = (node as SymbolNode).name;
      if (name === 'x1') return (x1) => x1;
      if (name === 'x2') return (_x1, x2) => x2;
      return name in CONSTANTS ? constant(CONSTANTS[name]) : { ok: false, subject: name };
    }
    case 'ParenthesisNode':
      return compileNode((node as ParenthesisNode).content);
    case 'OperatorNode':
      return compileOperator(node as OperatorNode);
    case 'FunctionNode':
      return compileFunction(node as FunctionNode);
    default:
      return { ok: false, subject: node.type };
  }
}

function compileArgs(args: readonly MathNode[]): TensorFn[] | TensorCompileFailure {
  const out: TensorFn[] = [];
  for (const arg of args) {
    const compiled = compileNode(arg);
    if (isFailure(compiled)) return compiled;
    out.push(compiled);
  }
  return out;
}

function compileOperator(node: OperatorNode): Compiled {
  const args = compileArgs(node.args);
  if (!Array.isArray(args)) return args;
  const fn: string = node.fn;
  if (args.length === 1 && fn === 'unaryMinus') return unary([tf.neg, (a) => -a], args[0]);
  if (args.length === 1 && fn === 'unaryPlus') return args[0];
  if (args.length === 2 && fn === 'pow') {
    const exponent = node.args[1];
    const value: unknown = exponent.type === 'ConstantNode' ? (exponent as ConstantNode<number | string | boolean | null | undefined>).value : null;
    if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 8) return integerPower(args[0], value);
  }
  const op = BINARY[fn];
  if (args.length === 2 && op !== undefined && fn !== 'min' && fn !== 'max') return binary(op, args[0], args[1]);
  return { ok: false, subject: `operator ${node.op}` };
}

function compileFunction(node: FunctionNode): Compiled {
  const fnNode: MathNode = node.fn;
  if (fnNode.type !== 'SymbolNode') return { ok: false, subject: 'computed function' };
  const name = (fnNode as SymbolNode).name;
  const args = compileArgs(node.args);
  if (!Array.isArray(args)) return args;
  if (UNARY[name] !== undefined && args.length === 1) return unary(UNARY[name], args[0]);
  if (name === 'log' && args.length === 2) return binary(BINARY.divide, unary(UNARY.log, args[0]), unary(UNARY.log, args[1]));
  if (name === 'pow' && args.length === 2) return binary(BINARY.pow, args[0], args[1]);
  if ((name === 'min' || name === 'max') && args.length >= 1) return args.slice(1).reduce((acc, arg) => binary(BINARY[name], acc, arg), args[0]);
  return { ok: false, subject: `${name} with ${args.length} arguments` };
}

/**
 * Compile a formula node to tensor ops. `compileTensorFormula(parseMath('0.1*x1^2').node)` →
 * { ok: true, fn } with fn(x1, x2) = tf.mul(tf.square(x1), 0.1).
 */
export function compileTensorFormula(node: MathNode): TensorCompileOutcome {
  const compiled = compileNode(node);
  return isFailure(compiled) ? compiled : { ok: true, fn: compiled };
}

/** A value as a tensor of K points (a constant is broadcast). */
export function asPoints(value: TensorValue, k: number): tf.Tensor1D {
  return typeof value === 'number' ? tf.fill([k], value) : value;
}
