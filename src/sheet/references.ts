/**
 * What a parsed formula refers to: cell references, ranges and names. The graph layer builds
 * dependencies from this, and the evaluator classifies symbols with the same function, so the
 * two can never disagree about what a symbol means.
 */
import type { MathNode } from '../core/mathParser';
import { FREE_VARIABLES, parseRef, spanRange, type CellRange, type CellRef } from './address';
import { LIMITS } from './limits';
import { isFunctionNode, isRangeNode, isSymbolNode } from './nodes';

export type SymbolMeaning =
  | { readonly kind: 'variable'; readonly name: string }
  | { readonly kind: 'constant'; readonly value: number | boolean }
  | { readonly kind: 'ref'; readonly ref: CellRef }
  | { readonly kind: 'name'; readonly name: string };

/** Constants a formula may use by name (case-insensitive). */
const CONSTANTS: Readonly<Record<string, number | boolean>> = {
  true: true,
  false: false,
  pi: Math.PI,
  e: Math.E,
};

/** Words mathjs reads as operators or keywords, so they can never be names. */
const KEYWORDS = ['and', 'or', 'not', 'xor', 'mod', 'to', 'in', 'end'];

/** Names that can never be bound to a cell (function names are checked by the engine). */
export function isReservedWord(name: string): boolean {
  const lower = name.toLowerCase();
  return lower in CONSTANTS || KEYWORDS.includes(lower) || FREE_VARIABLES.includes(lower);
}

const meanings = new Map<string, SymbolMeaning>();


/** What a symbol in a formula stands for: `classifySymbol("$B$2").kind === 'ref'`, `classifySymbol("lr").kind === 'name'`. */
export function classifySymbol(symbol: string): SymbolMeaning {
  let meaning = meanings.get(symbol);
  if (meaning === undefined) {
    meaning = classifyUncached(symbol);
    if (meanings.size >= LIMITS.symbolCache) meanings.clear();
    meanings.set(symbol, meaning);
  }
  return meaning;
}

function classifyUncached(symbol: string): SymbolMeaning {
  if (FREE_VARIABLES.includes(symbol)) return { kind: 'variable', name: symbol };
  const lower = symbol.toLowerCase();
  if (lower in CONSTANTS) return { kind: 'constant', value: CONSTANTS[lower] };
  const ref = parseRef(symbol);
  if (ref !== null) return { kind: 'ref', ref };
  return { kind: 'name', name: lower };
}

export interface FormulaReferences {
  readonly refs: readonly CellRef[];
  readonly ranges: readonly CellRange[];
  /** Lower-case names used (bound or not: a name defined later must reach this formula). */
  readonly names: readonly string[];
}

/** The range a RangeNode spans, when both ends are cell references. */
export function rangeOfNode(node: MathNode): CellRange | null {
  if (!isRangeNode(node) || node.step !== null || !isSymbolNode(node.start) || !isSymbolNode(node.end)) return null;
  const start = classifySymbol(node.start.name);
  const end = classifySymbol(node.end.name);
  if (start.kind !== 'ref' || end.kind !== 'ref') return null;
  return spanRange(start.ref, end.ref);
}

/** Visit every node below `root` (pre-order) with its parent and its path in the parent, without recursion. */
export function walkTree(root: MathNode, visit: (node: MathNode, path: string | null, parent: MathNode | null) => void): void {
  const stack: [MathNode, string | null, MathNode | null][] = [[root, null, null]];
  while (stack.length > 0) {
    const [node, path, parent] = stack.pop() as [MathNode, string | null, MathNode | null];
    visit(node, path, parent);
    const children: [MathNode, string, MathNode][] = [];
    node.forEach((child, childPath) => children.push([child, childPath, node]));
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i]);
  }
}

/** Collect references, ranges and names: `collectReferences(parse("SUM(B2:D2)*lr"))` has one range and the name "lr". */
export function collectReferences(root: MathNode): FormulaReferences {
  const refs: CellRef[] = [];
  const ranges: CellRange[] = [];
  const names = new Set<string>();
  walkTree(root, (node, path, parent) => {
    if (!isSymbolNode(node)) {
      const range = rangeOfNode(node);
      if (range !== null) ranges.push(range);
      return;
    }
    // A function's own name is not a reference, and range ends were recorded with their range.
    if (parent !== null && isFunctionNode(parent) && path === 'fn') return;
    if (parent !== null && rangeOfNode(parent) !== null) return;
    const meaning = classifySymbol(node.name);
    if (meaning.kind === 'ref') refs.push(meaning.ref);
    else if (meaning.kind === 'name') names.add(meaning.name);
  });
  return { refs, ranges, names: [...names] };
}
