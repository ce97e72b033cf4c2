/**
 * The symbolic layer's bounds: nesting is measured before mathjs parses (never under-measured),
 * trees are bounded after, derivatives of large trees are refused as values, and the quick
 * derivative gives exactly mathjs' own result without its exponential simplification pass.
 */
import fc from 'fast-check';
import { create, derivativeDependencies, parse, parseDependencies, simplifyDependencies, type MathNode } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { compileExpression, MAX_COMPILE_DEPTH } from '../../../src/core/compileExpression';
import { differentiateQuick, formulaNesting, MATH_LIMITS, parseMath, symbolicWork, treeSize } from '../../../src/core/mathParser';
import { safeDerivative } from '../../../src/core/objective';

const reference = create({ parseDependencies, derivativeDependencies, simplifyDependencies });
const repeat = (n: number, item: string, join: string) => Array(n).fill(item).join(join);

describe('formulaNesting', () => {
  it('counts brackets and runs of prefix operators, powers and conditionals', () => {
    expect(formulaNesting('1+2*3')).toBe(0);
    expect(formulaNesting('-(-(1))')).toBe(4);
    expect(formulaNesting('sin(cos(x1))')).toBe(2);
    expect(formulaNesting('2^3^4')).toBe(2);
    expect(formulaNesting('-a + -b + -c')).toBe(1);
    expect(formulaNesting('a ? b : c ? d : e')).toBe(2);
    expect(formulaNesting('[[1, 2], [3, 4]]')).toBe(2);
  });

  it('skips strings and comments, and reads a quote after an operand as a transpose', () => {
    expect(formulaNesting('"((((((((" & \'[[[[\'')).toBe(0);
    expect(formulaNesting("x' + (1)")).toBe(1);
    expect(formulaNesting('1 # ((((((')).toBe(0);
  });

  type Built = { readonly text: string; readonly depth: number };
  const built: fc.Arbitrary<Built> = fc.letrec<{ e: Built }>((tie) => ({
    e: fc.oneof(
      { depthSize: 'small' },
      fc.constantFrom<Built>({ text: 'x1', depth: 0 }, { text: '2', depth: 0 }, { text: '"(("', depth: 0 }),
      tie('e').map((e) => ({ text: `(${e.text})`, depth: e.depth + 1 })),
      // Operands in brackets, so the text parses as the structure it was built with.
      tie('e').map((e) => ({ text: `-(${e.text})`, depth: e.depth + 2 })),
      tie('e').map((e) => ({ text: `--(${e.text})`, depth: e.depth + 3 })),
      fc.tuple(tie('e'), tie('e')).map(([a, b]) => ({ text: `(${a.text})^(${b.text})`, depth: Math.max(a.depth + 1, b.depth + 2) })),
      fc.tuple(tie('e'), tie('e')).map(([a, b]) => ({ text: `sin(${a.text}, ${b.text})`, depth: Math.max(a.depth, b.depth) + 1 })),
      fc.tuple(tie('e'), tie('e')).map(([a, b]) => ({ text: `${a.text} + ${b.text}`, depth: Math.max(a.depth, b.depth) })),
    ),
  })).e;

  it('never measures less than the nesting an expression was built with', () => {
    fc.assert(
      fc.property(built, ({ text, depth }) => {
        expect(formulaNesting(text)).toBeGreaterThanOrEqual(depth);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('parseMath bounds', () => {
  it('refuses long, deeply nested, deep and large formulas with the bound that was hit', () => {
    expect(parseMath('1'.repeat(MATH_LIMITS.maxChars + 1))).toMatchObject({ ok: false, reason: 'tooLong', limit: MATH_LIMITS.maxChars });
    expect(parseMath(`${'('.repeat(100)}1${')'.repeat(100)}`)).toMatchObject({ ok: false, reason: 'tooDeep', size: 100 });
    expect(parseMath(repeat(300, 'x1', '+'))).toMatchObject({ ok: false, reason: 'tooDeep', limit: MATH_LIMITS.maxDepth });
    expect(parseMath(repeat(300, 'x1', '+'), { ...MATH_LIMITS, maxDepth: Infinity }).ok).toBe(true);
    expect(parseMath(`[${repeat(2_000, 'x1', ',')}]`, { ...MATH_LIMITS, maxNodes: 1_000 })).toMatchObject({ ok: false, reason: 'tooLarge' });
    expect(parseMath('1 +')).toMatchObject({ ok: false, reason: 'syntax' });
  });

  it('measures trees without recursion and counts the nodes it parsed', () => {
    const before = symbolicWork.nodes;
    const parsed = parseMath('x1^2 + 1');
    expect(parsed.ok).toBe(true);
    expect(symbolicWork.nodes - before).toBe(5);
    expect(treeSize(parse(repeat(20_000, 'x1', '+')))).toEqual({ nodes: 39_999, depth: 20_000 });
  });
});

/** mathjs' own quick derivative, with its unmodified (exponential) core simplification. */
function referenceDerivative(node: MathNode, variable: string): string {
  const raw = reference.derivative(node, variable, { simplify: false });
  return reference.simplifyCore(reference.simplifyConstant(raw, { exactFractions: false })).toString();
}

describe('differentiateQuick', () => {
  const leaf = fc.constantFrom('x1', 'x2', '2', '0.5', '0', '1');
  const { e: formula } = fc.letrec<{ e: string }>((tie) => ({
    e: fc.oneof(
      { depthSize: 'small', maxDepth: 4 },
      leaf,
      fc.tuple(tie('e'), fc.constantFrom('+', '-', '*', '/', '^'), tie('e')).map(([a, op, b]) => `(${a}) ${op} (${b})`),
      fc.tuple(fc.constantFrom('sin', 'cos', 'exp', 'sqrt', 'tanh', '-'), tie('e')).map(([fn, a]) => `${fn}(${a})`),
    ),
  }));

  it('gives exactly the result of mathjs’ own simplification on small formulas', () => {
    fc.assert(
      fc.property(formula, fc.constantFrom('x1', 'x2'), (text, variable) => {
        const node = parse(text);
        expect(differentiateQuick(node, variable).toString()).toBe(referenceDerivative(node, variable));
      }),
      { numRuns: 300 },
    );
  });

  it('differentiates a product of 200 factors, which the unmodified simplification could not finish', () => {
    // 14 factors took mathjs' simplifyCore a minute; its cost doubles with every factor.
    const derived = differentiateQuick(parse(repeat(200, 'x1', '*')), 'x1');
    expect(treeSize(derived).nodes).toBeGreaterThan(200);
  });

  it('refuses trees over the symbolic limits as a failure value', () => {
    const big = parse(repeat(1_200, 'x1', '+'));
    expect(safeDerivative(big, 'x1')).toMatchObject({ ok: false, reason: 'derivative' });
  });
});

describe('compileExpression', () => {
  it('a tree deeper than it compiles is a typed failure, not a stack overflow', () => {
    const deep = parse(repeat(MAX_COMPILE_DEPTH + 10, 'x1', '+'));
    expect(compileExpression(deep)).toMatchObject({ ok: false, reason: 'tooDeep' });
    const fine = compileExpression(parse(repeat(500, 'x1', '+')));
    expect(fine.ok && fine.fn(2, 0)).toBe(1_000);
  });
});
