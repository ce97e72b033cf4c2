/**
 * Every limit of the sheet engine, in one place. Each one ends in a typed error value (or, for
 * edits, in a counted refusal), never in a stack overflow, an endless loop or an exception:
 *
 *   formula text, nesting, tree size  → #ERROR! (error.formulaTooLong / formulaTooDeep / formulaTooLarge)
 *   evaluation depth                   → #ERROR! (error.formulaTooDeep)
 *   a range, all ranges of a formula   → #NUM!   (error.rangeTooLarge / rangesTooLarge)
 *   arrays, text, objectives           → #NUM!   (error.arrayTooLarge / textTooLong / objectiveTooLarge)
 *   the work of one recalculation      → #NUM!   (error.workLimit) in the cells it did not reach
 *   grid rows, columns, stored cells   → pastes grow the grid up to them and count what did not fit
 *   names                              → #NUM!   (error.tooManyNames) from setName
 *
 * The numbers are chosen so that every legitimate sheet fits (the chapter's sheet, the presets,
 * a pasted column of 100,000 numbers that a formula sums) while no single edit can keep the
 * engine busy for more than about a second. The symbolic layer's own bounds live in
 * src/core/mathParser.ts (core imports nothing of ours) and are listed here as `math` and
 * `symbolic`. Function arguments (run steps, EWMA length, regression size) are bounded where the
 * functions are declared (src/sheet/functions.ts).
 */
import { MAX_COMPILE_DEPTH } from '../core/compileExpression';
import { MATH_LIMITS, SYMBOLIC_LIMITS, type MathLimits } from '../core/mathParser';

export const LIMITS = {
  // Formula text, measured before mathjs parses it, and its parsed tree.
  /** Characters after the leading `=` (the share format's bound too). */
  formulaChars: 10_000,
  /** Brackets, prefix operators, powers and conditionals nested in one formula (Excel allows 64 nested functions). */
  formulaNesting: 64,
  /** Nodes of a parsed formula. */
  formulaNodes: 10_000,

  // Evaluation.
  /**
   * Recursion levels of the evaluator. Chains of binary operators (1+1+…+1) are walked
   * iteratively and cost no depth; brackets, function arguments and accessors do.
   */
  evalDepth: 400,
  /** Cells of one range, e.g. A1:B500000: a data range of 10⁵ rows, 9 feature columns and the label fits (REGRESSION). */
  rangeCells: 1_000_000,
  /** Cells of all the ranges of one formula together. */
  formulaRangeCells: 2_000_000,
  /** Items of an array value (ranges, array literals, series). */
  arrayItems: 1_000_000,
  /** Characters of a text value (typed, pasted or joined with `&`). */
  textChars: 100_000,
  /** An objective (a formula in x1, x2 built by arithmetic on cells) is refused beyond these. */
  objectiveChars: 4_000,
  objectiveNodes: 1_000,
  objectiveDepth: 128,
  /**
   * Work units of one recalculation: one per cell evaluated, per cell a range reads and per
   * character of every objective built, two per formula node visited (each costs about 0.1–0.3 µs,
   * so the budget is about a second at most). Cells not reached show #NUM!.
   */
  recalcWork: 10_000_000,

  // The grid.
  /** Rows and columns a sheet may grow to (Excel's 1,048,576 × 16,384). */
  rows: 1_048_576,
  cols: 16_384,
  /** Non-empty cells a sheet may hold. */
  cells: 1_000_000,
  /** Named cells, and the length of a name. */
  names: 1_000,
  nameChars: 64,
  /** Chart bindings and pinned runs a sheet keeps (the share format's bounds). */
  charts: 64,
  pins: 256,
  /** Cells copied as TSV in one go. */
  copyCells: 1_000_000,
  /** Undo steps kept. */
  undoSteps: 200,

  // Caches (bounded so that a long session cannot grow without end).
  /** Run results kept beyond those in use, so undo or a value typed back finds its run at once. */
  runResultCache: 256,
  /** Parsed inputs kept by text, so moved or repeated formulas are not parsed again. */
  parseCache: 20_000,
  /** Canonical objective texts kept. */
  objectiveCache: 5_000,
  /** Classified symbols kept. */
  symbolCache: 50_000,
  /** Nesting of a compute request's JSON when its key is built (requests are flat; deeper is junk). */
  requestDepth: 32,

  /** The symbolic layer (src/core/mathParser.ts): text from run requests, objectives, gradients. */
  math: MATH_LIMITS,
  symbolic: SYMBOLIC_LIMITS,
  compileDepth: MAX_COMPILE_DEPTH,
} as const;

/** How the sheet parses a formula: its own text bounds; depth is bounded by evaluation instead. */
export const FORMULA_PARSE_LIMITS: MathLimits = {
  // The typed text is measured against formulaChars first; spelling `=` as `==` and `#REF!`
  // as `REFERR()` lengthens it a little before mathjs sees it.
  maxChars: 2 * LIMITS.formulaChars,
  maxNesting: LIMITS.formulaNesting,
  maxNodes: LIMITS.formulaNodes,
  maxDepth: Infinity,
};

/** How the sheet parses an objective's text before printing or differentiating it. */
export const OBJECTIVE_PARSE_LIMITS: MathLimits = {
  maxChars: LIMITS.objectiveChars,
  maxNesting: LIMITS.formulaNesting,
  maxNodes: LIMITS.objectiveNodes,
  maxDepth: LIMITS.objectiveDepth,
};
