/**
 * One restricted mathjs instance for the whole product. It is built from the parse, derivative
 * and simplify factories only, so formulas can be parsed and differentiated symbolically but
 * nothing in a formula can import functions, create units or evaluate strings: evaluation is
 * always our own tree walk over the parsed nodes (see src/core/compileExpression.ts and
 * src/sheet/evaluate.ts).
 *
 * mathjs parses, prints, differentiates and simplifies by recursion, so a deep enough tree
 * overflows the call stack, and its simplifications can take exponential time. Everything
 * here is therefore bounded: text is measured before mathjs sees it (length, and nesting by
 * our own scan), the tree after it is built (nodes and depth, by an iterative walk), and the
 * symbolic operations refuse trees larger than MATH_LIMITS. Bounds end in typed failures.
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

/** The bounds of the symbolic layer; the sheet's own are in src/sheet/limits.ts, which lists these too. */
export interface MathLimits {
  /** Longest text handed to mathjs. */
  readonly maxChars: number;
  /** Deepest nesting of brackets and of the operators mathjs parses by recursion (see formulaNesting). */
  readonly maxNesting: number;
  /** Most nodes in a parsed tree. */
  readonly maxNodes: number;
  /** Deepest parsed tree: a left-leaning chain such as 1+1+…+1 is as deep as it is long. */
  readonly maxDepth: number;
}

/**
 * Defaults for text from anywhere (objectives in run requests, gradients, theory). mathjs'
 * recursive printer, differentiator and our compiler each handle trees well over 1,000 deep
 * in Node; 256 leaves room for smaller worker stacks and for the frames of the callers.
 */
export const MATH_LIMITS: MathLimits = { maxChars: 10_000, maxNesting: 64, maxNodes: 10_000, maxDepth: 256 };

/** Bounds of the symbolic operations (trees larger than these are refused, not simplified). */
export const SYMBOLIC_LIMITS = {
  /** Largest tree differentiated. */
  derivativeInputNodes: 1_000,
  /** Largest raw derivative simplified and returned (a product of n factors has ~n² nodes of derivative). */
  derivativeNodes: 50_000,
  /** Largest tree given to mathjs' full simplify, whose rule search is super-linear. */
  fullSimplifyNodes: 400,
} as const;

/**
 * Tree nodes the symbolic layer has processed since the process started: parsed, or handed to
 * or produced by a derivative or a simplification. Nothing here depends on it; the sheet reads
 * it to charge symbolic work to its recalculation budget (src/sheet/limits.ts, recalcWork).
 * `const before = symbolicWork.nodes; parseMath('x1^2'); symbolicWork.nodes - before === 3`.
 */
export const symbolicWork = { nodes: 0 };

export type ParseFailureReason = 'syntax' | 'tooLong' | 'tooDeep' | 'tooLarge';

export interface ParseFailure {
  readonly ok: false;
  /** `syntax`: mathjs refused the text (message says why); the others name the bound that was hit. */
  readonly reason: ParseFailureReason;
  readonly message: string;
  /** For bounds: the measured size and the limit. */
  readonly size?: number;
  readonly limit?: number;
}
export type ParseOutcome = { readonly ok: true; readonly node: MathNode } | ParseFailure;

const tooBig = (reason: ParseFailureReason, what: string, size: number, limit: number): ParseFailure => ({
  ok: false,
  reason,
  message: `the ${what} (${size}) exceeds ${limit}`,
  size,
  limit,
});

const PREFIX_WORDS = new Set(['not']);
const INFIX_WORDS = new Set(['and', 'or', 'xor', 'mod', 'to', 'in']);

/**
 * How deeply mathjs will recurse to parse `text`, measured without parsing it: brackets nest,
 * and at each bracket level a run of prefix operators (`-`, `+`, `~`, `not`), powers (`^`, which
 * is right-associative), conditionals (`?`) and assignments (`=`) nests too, until a binary
 * operator of lower precedence ends the run. Strings and comments are skipped as mathjs skips
 * them. An overestimate in odd cases, never an underestimate. `formulaNesting('-(-(1))') === 4`.
 */
export function formulaNesting(text: string): number {
  const runs: number[] = [0];
  let sum = 0;
  let max = 0;
  // Whether the previous token ended an operand: decides prefix vs binary `-` and string vs transpose `'`.
  let afterOperand = false;
  const bump = () => {
    runs[runs.length - 1] += 1;
    sum += 1;
    if (sum + runs.length - 1 > max) max = sum + runs.length - 1;
  };
  const resetRun = () => {
    sum -= runs[runs.length - 1];
    runs[runs.length - 1] = 0;
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' || (ch === "'" && !afterOperand)) {
      i += 1;
      while (i < text.length && text[i] !== ch) i += text[i] === '\\' ? 2 : 1;
      i += 1;
      afterOperand = true;
      continue;
    }
    if (ch === '#') {
      while (i < text.length && text[i] !== '\n') i += 1;
      continue;
    }
    if (/\s/.test(ch)) {
      i += 1;
      continue;
    }
    if (/[\p{L}_$]/u.test(ch)) {
      let end = i + 1;
      while (end < text.length && /[\p{L}\p{N}_$]/u.test(text[end])) end += 1;
      const word = text.slice(i, end);
      i = end;
      if (PREFIX_WORDS.has(word) && !afterOperand) bump();
      else if (INFIX_WORDS.has(word) && afterOperand) {
        resetRun();
        afterOperand = false;
        continue;
      }
      afterOperand = !PREFIX_WORDS.has(word);
      continue;
    }
    if (ch === '(' || ch === '[' || ch === '{') {
      runs.push(0);
      if (sum + runs.length - 1 > max) max = sum + runs.length - 1;
      afterOperand = false;
    } else if (ch === ')' || ch === ']' || ch === '}') {
      if (runs.length > 1) sum -= runs.pop() as number;
      afterOperand = true;
    } else if (ch === '^' || (ch === '.' && text[i + 1] === '^')) {
      bump();
      if (ch === '.') i += 1;
      afterOperand = false;
    } else if (ch === '?' && text[i + 1] !== '?') {
      bump();
      afterOperand = false;
    } else if (ch === '=' && text[i + 1] !== '=' && !'<>!='.includes(text[i - 1] ?? '')) {
      bump();
      afterOperand = false;
    } else if ((ch === '-' || ch === '+' || ch === '~') && !afterOperand) {
      bump();
    } else if (/[\p{N}]/u.test(ch) || (ch === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      afterOperand = true;
    } else if (ch === "'" || ch === '!' || ch === '%') {
      // Postfix operators (transpose, factorial, percent) loop in mathjs; they end an operand.
      afterOperand = true;
    } else if (ch === ':' || ch === '.') {
      // A range colon or the false part of a conditional, or a property dot: none ends a run.
      afterOperand = false;
    } else {
      resetRun();
      afterOperand = false;
    }
    i += 1;
  }
  return max;
}

/** Node count and depth of a tree, by an explicit stack: `treeSize(parse('1+2')) → {nodes: 3, depth: 2}`. */
export function treeSize(root: MathNode, stopAfterNodes = Infinity): { readonly nodes: number; readonly depth: number } {
  const stack: [MathNode, number][] = [[root, 1]];
  let nodes = 0;
  let depth = 0;
  while (stack.length > 0) {
    const [node, level] = stack.pop() as [MathNode, number];
    nodes += 1;
    if (level > depth) depth = level;
    if (nodes > stopAfterNodes) break;
    node.forEach((child) => stack.push([child, level + 1]));
  }
  return { nodes, depth };
}

/**
 * Parse formula text into a mathjs node tree; a syntax error or a bound is a value.
 * `parseMath('x1^2').ok === true`; `parseMath('('.repeat(99) + '1' + ')'.repeat(99))` → reason 'tooDeep'.
 */
export function parseMath(text: string, limits: MathLimits = MATH_LIMITS): ParseOutcome {
  if (text.length > limits.maxChars) return tooBig('tooLong', 'length', text.length, limits.maxChars);
  const nesting = formulaNesting(text);
  if (nesting > limits.maxNesting) return tooBig('tooDeep', 'nesting', nesting, limits.maxNesting);
  let node: MathNode;
  try {
    node = math.parse(text);
  } catch (error) {
    // A RangeError would mean formulaNesting underestimated; it still becomes a value.
    const reason: ParseFailureReason = error instanceof RangeError ? 'tooDeep' : 'syntax';
    return { ok: false, reason, message: error instanceof Error ? error.message : String(error) };
  }
  const size = treeSize(node, limits.maxNodes);
  symbolicWork.nodes += size.nodes;
  if (size.nodes > limits.maxNodes) return tooBig('tooLarge', 'number of parts', size.nodes, limits.maxNodes);
  if (size.depth > limits.maxDepth) return tooBig('tooDeep', 'depth', size.depth, limits.maxDepth);
  return { ok: true, node };
}

/** Thrown by the symbolic operations below for trees over SYMBOLIC_LIMITS; callers catch it as a failure. */
export class TreeTooLargeError extends Error {
  constructor(what: string, nodes: number, limit: number) {
    super(`the ${what} has more than ${limit} parts (${nodes})`);
    this.name = 'TreeTooLargeError';
  }
}

function checkSize(node: MathNode, what: string, limit: number): void {
  const { nodes } = treeSize(node, limit);
  symbolicWork.nodes += nodes;
  if (nodes > limit) throw new TreeTooLargeError(what, nodes, limit);
}

/** Whether mathjs' full simplify may take the tree (counting its nodes as work either way). */
function fullSimplifyAllowed(node: MathNode): boolean {
  const { nodes } = treeSize(node, SYMBOLIC_LIMITS.fullSimplifyNodes);
  // The full simplify tries its rule list many times over; count it as that much work.
  symbolicWork.nodes += nodes * 20;
  return nodes <= SYMBOLIC_LIMITS.fullSimplifyNodes;
}

/**
 * mathjs' simplifyCore simplifies the first operand of every `+` and `*` twice (once through its
 * "trivial node" shortcut, whose result it drops for binary nodes, then again), which is
 * exponential in the depth of a chain: 14 factors took a minute. Declaring add and multiply
 * non-trivial skips only the discarded pass; the result is the same (their other properties are
 * mathjs' defaults).
 */
const NON_TRIVIAL = { trivial: false, total: true, commutative: true, associative: true };
const CORE_CONTEXT = { context: { add: NON_TRIVIAL, multiply: NON_TRIVIAL } };

/** Symbolic derivative, simplified. `differentiate(parse('x^2'), 'x')` → `2 * x`. Throws on trees over SYMBOLIC_LIMITS. */
export function differentiate(node: MathNode, variable: string): MathNode {
  if (!fullSimplifyAllowed(node)) throw new TreeTooLargeError('formula', treeSize(node).nodes, SYMBOLIC_LIMITS.fullSimplifyNodes);
  return math.derivative(node, variable);
}

/** Algebraic simplification (used to print derived gradients readably); trees over the bound come back as they are. */
export function simplify(node: MathNode): MathNode {
  return fullSimplifyAllowed(node) ? math.simplify(node) : node;
}

/**
 * Simplification that keeps decimals as decimals, so a derived gradient reads `0.2 * x1` rather
 * than `x1 / 5` and evaluates like the hand-written `0.2*x1` of the chapter. Trees over the
 * bound come back unsimplified.
 * `simplifyDecimal(differentiate(parse('0.1*x1^2'), 'x1')).toString()` → `0.2 * x1`.
 */
export function simplifyDecimal(node: MathNode): MathNode {
  return fullSimplifyAllowed(node) ? math.simplify(node, {}, { exactFractions: false }) : node;
}

/** Print a node with numbers rounded to `significantDigits` (hides 0.30000000000000004). `formatNode(n, 14)` → `0.3 * x1`. */
export function formatNode(node: MathNode, significantDigits = 14): string {
  return node.toString({ precision: significantDigits });
}

/**
 * Symbolic derivative for interactive use: mathjs' derivative without its full simplify (tens
 * of milliseconds per call), followed by constant folding and core simplification (about a
 * millisecond). Decimals stay decimals. Throws TreeTooLargeError on trees over SYMBOLIC_LIMITS.
 * `differentiateQuick(parse('0.1*x1^2'), 'x1').toString()` → `0.2 * x1`.
 */
export function differentiateQuick(node: MathNode, variable: string): MathNode {
  checkSize(node, 'formula', SYMBOLIC_LIMITS.derivativeInputNodes);
  const raw = math.derivative(node, variable, { simplify: false });
  checkSize(raw, 'derivative', SYMBOLIC_LIMITS.derivativeNodes);
  return math.simplifyCore(math.simplifyConstant(raw, { exactFractions: false }), CORE_CONTEXT);
}
