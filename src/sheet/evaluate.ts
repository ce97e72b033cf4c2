/**
 * The restricted tree walk that gives a parsed formula its value. Only these mathjs nodes mean
 * something here: Constant, Symbol (cell references, names, constants, the variables x1/x2),
 * Operator, Function (only our table), Parenthesis, Range, Accessor (parts of runs, 1-based
 * indexing into arrays), Array, Conditional and chained relations. Anything else is #VALUE!;
 * an unknown name or function is #NAME?. Nothing here throws or evaluates strings.
 */
import type { MathNode } from '../core/mathParser';
import { formatAddress, formatRange, formatRef, insideSheet, rangeSize, type CellPosition } from './address';
import { invoke, toNumber, type FunctionContext } from './coerce';
import { findFunction } from './functions';
import { LIMITS } from './limits';
import {
  type AnyOperatorNode,
  isAccessorNode,
  isArrayNode,
  isConditionalNode,
  isConstantNode,
  isFunctionNode,
  isOperatorNode,
  isParenthesisNode,
  isRangeNode,
  isRelationalNode,
  isSymbolNode,
} from './nodes';
import { OPERATORS, RELATIONS } from './operators';
import { classifySymbol, rangeOfNode } from './references';
import { runField } from './runs';
import { gradientFromItems } from './symbolic';
import type { CellValue } from './types';
import { booleanValue, numberValue, sheetError, textValue } from './values';

export interface EvalContext extends FunctionContext {
  readonly rows: number;
  readonly cols: number;
  /** The current value of a cell inside the sheet (empty cells are `{kind: 'empty'}`). */
  cellAt(row: number, col: number): CellValue;
  /** The cell a name is bound to (lower-case name), if any. */
  resolveName(lowerName: string): CellPosition | undefined;
  /** Spend work units of the recalculation's budget; false once it is spent (see LIMITS.recalcWork). */
  charge(units: number): boolean;
}

const unsupported = (syntax: string) => sheetError('#VALUE!', 'error.unsupportedSyntax', { syntax });

/** The value every evaluation step returns once the recalculation's budget is spent. */
export const WORK_LIMIT_ERROR: CellValue = sheetError('#NUM!', 'error.workLimit', { limit: LIMITS.recalcWork });
const TOO_DEEP: CellValue = sheetError('#ERROR!', 'error.formulaTooDeep', { depth: LIMITS.evalDepth + 1, limit: LIMITS.evalDepth });

/** Evaluate a formula's tree. A formula that yields an empty cell shows 0, as in spreadsheets. */
export function evaluateFormula(node: MathNode, ctx: EvalContext): CellValue {
  const value = evaluateNode(node, ctx, 0);
  return value.kind === 'empty' ? numberValue(0) : value;
}

/**
 * Text too long to keep becomes #NUM!. (Objectives need no check here: they are bounded where
 * they are built, and the symbolic work of building them is metered; see calculation.ts.)
 */
function bounded(value: CellValue): CellValue {
  if (value.kind === 'text' && value.value.length > LIMITS.textChars) {
    return sheetError('#NUM!', 'error.textTooLong', { length: value.value.length, limit: LIMITS.textChars });
  }
  return value;
}

/** Work units of visiting one formula node (a range cell read is one unit; a node costs about twice as much). */
const NODE_WORK = 2;

function evaluateNode(node: MathNode, ctx: EvalContext, depth: number): CellValue {
  if (!ctx.charge(NODE_WORK)) return WORK_LIMIT_ERROR;
  if (depth > LIMITS.evalDepth) return TOO_DEEP;
  const next = depth + 1;
  if (isConstantNode(node)) {
    const v = node.value;
    if (typeof v === 'number') return numberValue(v);
    if (typeof v === 'string') return bounded(textValue(v));
    if (typeof v === 'boolean') return booleanValue(v);
    return unsupported(String(v));
  }
  if (isSymbolNode(node)) return bounded(evaluateSymbol(node.name, ctx));
  if (isParenthesisNode(node)) return evaluateNode(node.content, ctx, next);
  if (isOperatorNode(node)) {
    if (node.args.length === 2) return evaluateChain(node, ctx, depth);
    const spec = OPERATORS[node.fn];
    if (spec === undefined) return unsupported(`the operator ${node.op}`);
    return bounded(invoke(spec, node.args.map((arg) => () => evaluateNode(arg, ctx, next)), ctx));
  }
  if (isFunctionNode(node)) {
    if (!isSymbolNode(node.fn)) return unsupported('computed function names');
    const spec = findFunction(node.fn.name);
    if (spec === undefined) return sheetError('#NAME?', 'error.unknownFunction', { name: node.fn.name });
    return bounded(invoke(spec, node.args.map((arg) => () => evaluateNode(arg, ctx, next)), ctx));
  }
  if (isRangeNode(node)) return evaluateRange(node, ctx);
  if (isAccessorNode(node)) return evaluateAccessor(node.object, node.index.dimensions, ctx, next);
  if (isArrayNode(node)) return evaluateArray(node.items, ctx, next);
  if (isConditionalNode(node)) {
    const spec = findFunction('IF');
    if (spec === undefined) return unsupported('conditions');
    return invoke(spec, [node.condition, node.trueExpr, node.falseExpr].map((n) => () => evaluateNode(n, ctx, next)), ctx);
  }
  if (isRelationalNode(node)) return evaluateRelation(node.conditionals, node.params, ctx, next);
  return unsupported(node.type.replace(/Node$/, '').toLowerCase());
}

/**
 * A binary operator and the chain of binary operators down its left operand, as mathjs builds
 * `1+2+3+…` (each `+` holds the previous ones on its left). The chain is walked with a loop, so
 * its length costs no stack: only right operands recurse. Operands are evaluated left to
 * right, exactly as the recursive walk did.
 */
function evaluateChain(top: AnyOperatorNode, ctx: EvalContext, depth: number): CellValue {
  if (OPERATORS[top.fn] === undefined) return unsupported(`the operator ${top.op}`);
  const chain: AnyOperatorNode[] = [top];
  let leftmost: MathNode = top.args[0];
  // An unsupported operator ends the chain: it is evaluated (to its error) as the leftmost operand.
  while (isOperatorNode(leftmost) && leftmost.args.length === 2 && OPERATORS[leftmost.fn] !== undefined) {
    if (!ctx.charge(NODE_WORK)) return WORK_LIMIT_ERROR;
    chain.push(leftmost);
    leftmost = leftmost.args[0];
  }
  const next = depth + 1;
  let value = evaluateNode(leftmost, ctx, next);
  for (let i = chain.length - 1; i >= 0; i -= 1) {
    const node = chain[i];
    const spec = OPERATORS[node.fn];
    const left = value;
    value = bounded(invoke(spec, [() => left, () => evaluateNode(node.args[1], ctx, next)], ctx));
  }
  return value;
}

function evaluateSymbol(symbol: string, ctx: EvalContext): CellValue {
  const meaning = classifySymbol(symbol);
  switch (meaning.kind) {
    case 'variable':
      return { kind: 'objective', expr: meaning.name };
    case 'constant':
      return typeof meaning.value === 'boolean' ? booleanValue(meaning.value) : numberValue(meaning.value);
    case 'ref':
      return insideSheet(meaning.ref, ctx.rows, ctx.cols)
        ? ctx.cellAt(meaning.ref.row, meaning.ref.col)
        : sheetError('#REF!', 'error.outsideSheet', { ref: formatRef(meaning.ref) });
    case 'name': {
      const position = ctx.resolveName(meaning.name);
      if (position === undefined) return sheetError('#NAME?', 'error.unknownName', { name: symbol });
      return insideSheet(position, ctx.rows, ctx.cols)
        ? ctx.cellAt(position.row, position.col)
        : sheetError('#REF!', 'error.outsideSheet', { ref: symbol });
    }
  }
}

function evaluateRange(node: MathNode, ctx: EvalContext): CellValue {
  const range = rangeOfNode(node);
  if (range === null) return unsupported('ranges other than cell to cell, such as B2:D2');
  const count = rangeSize(range);
  if (count > LIMITS.rangeCells) return sheetError('#NUM!', 'error.rangeTooLarge', { range: formatRange(range), count, limit: LIMITS.rangeCells });
  if (range.bottom >= ctx.rows || range.right >= ctx.cols) return sheetError('#REF!', 'error.outsideSheet', { ref: formatRange(range) });
  if (!ctx.charge(count)) return WORK_LIMIT_ERROR;
  const items = new Array<CellValue>(count);
  let i = 0;
  for (let row = range.top; row <= range.bottom; row += 1) {
    for (let col = range.left; col <= range.right; col += 1) items[i++] = ctx.cellAt(row, col);
  }
  const origin = formatAddress({ row: range.top, col: range.left });
  return { kind: 'array', rows: range.bottom - range.top + 1, cols: range.right - range.left + 1, items, origin };
}

/** `B10.f` reads a part of a run; `A1[2]` (1-based) an item of an array or a gradient component. */
function evaluateAccessor(objectNode: MathNode, dimensions: readonly MathNode[], ctx: EvalContext, depth: number): CellValue {
  const object = evaluateNode(objectNode, ctx, depth);
  if (object.kind === 'pending') return object;
  const first = dimensions[0];
  if (dimensions.length === 1 && isConstantNode(first) && typeof first.value === 'string') return runField(object, first.value);
  if (object.kind === 'error') return object;
  const indices: number[] = [];
  for (const dimension of dimensions) {
    const value = evaluateNode(dimension, ctx, depth);
    if (value.kind === 'error' || value.kind === 'pending') return value;
    const n = toNumber(value);
    if (n === null || !Number.isInteger(n)) return sheetError('#VALUE!', 'error.expectedInteger', { name: '[ ]', position: indices.length + 1 });
    indices.push(n);
  }
  if (object.kind === 'gradient' && indices.length === 1) {
    const [i] = indices;
    if (i !== 1 && i !== 2) return sheetError('#REF!', 'error.indexOutOfRange', { index: i, size: 2 });
    return { kind: 'objective', expr: object.exprs[i - 1] };
  }
  if (object.kind !== 'array' || indices.length > 2) return unsupported('indexing into this value');
  const [row, col] = indices.length === 2 ? indices : object.rows === 1 ? [1, indices[0]] : [indices[0], 1];
  if (row < 1 || row > object.rows || col < 1 || col > object.cols) {
    return sheetError('#REF!', 'error.indexOutOfRange', { index: indices.join(','), size: object.items.length });
  }
  return object.items[(row - 1) * object.cols + (col - 1)];
}

const SCALAR_KINDS: ReadonlySet<CellValue['kind']> = new Set(['number', 'text', 'boolean', 'empty', 'objective']);

/** `[a, b]`: a gradient when it holds formulas in x1, x2; else a row (or, nested, a matrix) of plain values. */
function evaluateArray(itemNodes: readonly MathNode[], ctx: EvalContext, depth: number): CellValue {
  const nested = itemNodes.length > 0 && itemNodes.every(isArrayNode);
  const rows = nested ? itemNodes.map((row) => (isArrayNode(row) ? row.items : [])) : [itemNodes];
  const cols = rows[0]?.length ?? 0;
  if (rows.some((row) => row.length !== cols)) return unsupported('rows of different lengths');
  const items: CellValue[] = [];
  for (const row of rows) for (const itemNode of row) items.push(evaluateNode(itemNode, ctx, depth));
  const error = items.find((v) => v.kind === 'error' || v.kind === 'pending');
  if (error !== undefined) return error;
  if (!nested) {
    const gradient = gradientFromItems(items);
    if (gradient !== null) return gradient;
  }
  const odd = items.find((v) => !SCALAR_KINDS.has(v.kind) || v.kind === 'objective');
  if (odd !== undefined) return sheetError('#VALUE!', 'error.mixedArray', { got: odd.kind });
  return { kind: 'array', rows: rows.length, cols, items };
}

/** `a < b <= c`: every neighbouring pair must hold; each operand is evaluated once. */
function evaluateRelation(conditionals: readonly string[], params: readonly MathNode[], ctx: EvalContext, depth: number): CellValue {
  const values = params.map((p) => evaluateNode(p, ctx, depth));
  for (let i = 0; i < conditionals.length; i += 1) {
    const spec = RELATIONS[conditionals[i]];
    if (spec === undefined) return unsupported(conditionals[i]);
    const result = invoke(spec, [() => values[i], () => values[i + 1]], ctx);
    if (result.kind !== 'boolean' || !result.value) return result;
  }
  return booleanValue(true);
}
