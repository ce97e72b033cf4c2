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
import {
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

/**
 * Ranges larger than this are refused (#VALUE!), so no formula can allocate without bound. Large
 * enough for a data range of 10⁵ rows and up to 9 feature columns plus the label (REGRESSION).
 */
export const MAX_RANGE_CELLS = 1_000_000;

export interface EvalContext extends FunctionContext {
  readonly rows: number;
  readonly cols: number;
  /** The current value of a cell inside the sheet (empty cells are `{kind: 'empty'}`). */
  cellValue(position: CellPosition): CellValue;
  /** The cell a name is bound to (lower-case name), if any. */
  resolveName(lowerName: string): CellPosition | undefined;
}

const unsupported = (syntax: string) => sheetError('#VALUE!', 'error.unsupportedSyntax', { syntax });

/** Evaluate a formula's tree. A formula that yields an empty cell shows 0, as in spreadsheets. */
export function evaluateFormula(node: MathNode, ctx: EvalContext): CellValue {
  const value = evaluateNode(node, ctx);
  return value.kind === 'empty' ? numberValue(0) : value;
}

function evaluateNode(node: MathNode, ctx: EvalContext): CellValue {
  if (isConstantNode(node)) {
    const v = node.value;
    if (typeof v === 'number') return numberValue(v);
    if (typeof v === 'string') return textValue(v);
    if (typeof v === 'boolean') return booleanValue(v);
    return unsupported(String(v));
  }
  if (isSymbolNode(node)) return evaluateSymbol(node.name, ctx);
  if (isParenthesisNode(node)) return evaluateNode(node.content, ctx);
  if (isOperatorNode(node)) {
    const spec = OPERATORS[node.fn];
    if (spec === undefined) return unsupported(`the operator ${node.op}`);
    return invoke(spec, node.args.map((arg) => () => evaluateNode(arg, ctx)), ctx);
  }
  if (isFunctionNode(node)) {
    if (!isSymbolNode(node.fn)) return unsupported('computed function names');
    const spec = findFunction(node.fn.name);
    if (spec === undefined) return sheetError('#NAME?', 'error.unknownFunction', { name: node.fn.name });
    return invoke(spec, node.args.map((arg) => () => evaluateNode(arg, ctx)), ctx);
  }
  if (isRangeNode(node)) return evaluateRange(node, ctx);
  if (isAccessorNode(node)) return evaluateAccessor(node.object, node.index.dimensions, ctx);
  if (isArrayNode(node)) return evaluateArray(node.items, ctx);
  if (isConditionalNode(node)) {
    const spec = findFunction('IF');
    if (spec === undefined) return unsupported('conditions');
    return invoke(spec, [node.condition, node.trueExpr, node.falseExpr].map((n) => () => evaluateNode(n, ctx)), ctx);
  }
  if (isRelationalNode(node)) return evaluateRelation(node.conditionals, node.params, ctx);
  return unsupported(node.type.replace(/Node$/, '').toLowerCase());
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
        ? ctx.cellValue(meaning.ref)
        : sheetError('#REF!', 'error.outsideSheet', { ref: formatRef(meaning.ref) });
    case 'name': {
      const position = ctx.resolveName(meaning.name);
      if (position === undefined) return sheetError('#NAME?', 'error.unknownName', { name: symbol });
      return insideSheet(position, ctx.rows, ctx.cols)
        ? ctx.cellValue(position)
        : sheetError('#REF!', 'error.outsideSheet', { ref: symbol });
    }
  }
}

function evaluateRange(node: MathNode, ctx: EvalContext): CellValue {
  const range = rangeOfNode(node);
  if (range === null) return unsupported('ranges other than cell to cell, such as B2:D2');
  const count = rangeSize(range);
  if (count > MAX_RANGE_CELLS) return sheetError('#VALUE!', 'error.rangeTooLarge', { range: formatRange(range), count });
  if (range.bottom >= ctx.rows || range.right >= ctx.cols) return sheetError('#REF!', 'error.outsideSheet', { ref: formatRange(range) });
  const items: CellValue[] = [];
  for (let row = range.top; row <= range.bottom; row += 1) {
    for (let col = range.left; col <= range.right; col += 1) items.push(ctx.cellValue({ row, col }));
  }
  const origin = formatAddress({ row: range.top, col: range.left });
  return { kind: 'array', rows: range.bottom - range.top + 1, cols: range.right - range.left + 1, items, origin };
}

/** `B10.f` reads a part of a run; `A1[2]` (1-based) an item of an array or a gradient component. */
function evaluateAccessor(objectNode: MathNode, dimensions: readonly MathNode[], ctx: EvalContext): CellValue {
  const object = evaluateNode(objectNode, ctx);
  if (object.kind === 'pending') return object;
  const first = dimensions[0];
  if (dimensions.length === 1 && isConstantNode(first) && typeof first.value === 'string') return runField(object, first.value);
  if (object.kind === 'error') return object;
  const indices: number[] = [];
  for (const dimension of dimensions) {
    const value = evaluateNode(dimension, ctx);
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
function evaluateArray(itemNodes: readonly MathNode[], ctx: EvalContext): CellValue {
  const nested = itemNodes.length > 0 && itemNodes.every(isArrayNode);
  const rows = nested ? itemNodes.map((row) => (isArrayNode(row) ? row.items : [])) : [itemNodes];
  const cols = rows[0]?.length ?? 0;
  if (rows.some((row) => row.length !== cols)) return unsupported('rows of different lengths');
  const items: CellValue[] = [];
  for (const row of rows) for (const itemNode of row) items.push(evaluateNode(itemNode, ctx));
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
function evaluateRelation(conditionals: readonly string[], params: readonly MathNode[], ctx: EvalContext): CellValue {
  const values = params.map((p) => evaluateNode(p, ctx));
  for (let i = 0; i < conditionals.length; i += 1) {
    const spec = RELATIONS[conditionals[i]];
    if (spec === undefined) return unsupported(conditionals[i]);
    const result = invoke(spec, [() => values[i], () => values[i + 1]], ctx);
    if (result.kind !== 'boolean' || !result.value) return result;
  }
  return booleanValue(true);
}
