/**
 * Fuzzing the formula engine: generated formulas of every shape the limits are about (deep
 * nesting, long chains, huge ranges, wrong types and arities of every function, names,
 * cycles, garbage) never throw, and every cell they touch holds a member of the CellValue
 * union, with a known error code and reason when it is an error. Then random sequences of edits
 * on random sheets, checked the same way and against a fresh evaluation of the final state.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runPath2D } from '../../../src/core/optimize2d';
import { columnLetters } from '../../../src/sheet/address';
import { createEngine, type SheetEngine } from '../../../src/sheet/engine';
import { FUNCTIONS } from '../../../src/sheet/functions';
import type { SheetState } from '../../../src/sheet/types';
import { sameValue } from '../../../src/sheet/values';
import { runRegressionReference } from '../../reference/regressionReference';
import { assertCellValue } from './valueShape';

const ROWS = 12;
const COLS = 8;
const COLUMN = 'ABCDEFGH';

/** A sheet with one of every kind of value for the formulas to read. */
const BASE: SheetState = {
  rows: ROWS,
  cols: COLS,
  cells: {
    A1: '2',
    A2: '-0.5',
    A3: 'text',
    A4: 'TRUE',
    A6: '=0.1*x1^2+2*x2^2',
    A7: '=[0.2*x1, 4*x2]',
    A8: '=GRAD(A6)',
    A9: '=1/0',
    A10: '=EWMA_WEIGHTS(0.5, 4)',
    A11: "'007",
    A12: "=NOTE('gd.intro')",
    B1: '=MOMENTUM(A6, -5, -2, 0.1, 0.5, 10)',
    B2: '=REGRESSION(0.2, 0.9, 1, 10, "none", "mxnet", 1, 1, 50)',
    B3: '=GD(A6, -5, -2, 2.5, 20)',
    B4: '=A1:A4',
  },
  names: { lr: 'A1', f: 'A6' },
  colWidths: {},
  charts: [],
  pins: [],
};

/** Supply the runs the sheet waits for when they are small (larger ones may stay pending: that is a valid value too). */
function settleSmall(engine: SheetEngine): void {
  for (let round = 0; round < 3; round += 1) {
    let supplied = 0;
    for (const { key, request } of engine.runNeeds()) {
      if (request.kind === 'path2d' && request.steps <= 300) {
        const result = runPath2D(request);
        if (result.kind === 'failure') engine.supplyRunFailure(key, result.message);
        else engine.supplyRunResult(key, result);
        supplied += 1;
      } else if (request.kind === 'regression' && request.data.n * request.epochs <= 3000) {
        engine.supplyRunResult(key, runRegressionReference(request));
        supplied += 1;
      }
    }
    if (supplied === 0) return;
  }
}

const cell = fc.tuple(fc.integer({ min: 0, max: ROWS - 1 }), fc.integer({ min: 0, max: COLS - 1 })).map(([r, c]) => `${COLUMN[c]}${r + 1}`);
const atom = fc.oneof(
  cell,
  cell.map((a) => `$${a.slice(0, 1)}$${a.slice(1)}`),
  fc.constantFrom('0', '1', '-1', '2.5', '1e308', '1e-320', '.5', '0x1F', '"t"', '"2.5"', '""', "'s'", 'TRUE', 'false'),
  fc.constantFrom('x1', 'x2', 'pi', 'e', 'lr', 'f', 'LR', 'nosuch', '#REF!', 'Z99', 'ZZZ9999999', 'end', 'to'),
  fc.constantFrom('A1:B4', 'A1:H12', 'H1:H12', '$A$1:A3', 'A1:ZZZ999', 'A1:A1048576', 'B1:A1', 'A1:A'),
  fc.constantFrom('B1.f', 'B1.fs', 'B1.x1s', 'B1.grad_ok', 'B2.loss', 'B2.losses', 'B3.diverged_at', 'B3.f', 'A1.f', 'A10[2]', 'A10[9]', 'A7[1]', 'B4[1, 1]'),
);
const binary = fc.constantFrom('+', '-', '*', '/', '^', '=', '<>', '<', '<=', '>', '>=', '&', ' mod ', ' and ', ' or ', '==', '!=', ':');
const functionName = fc.constantFrom(...FUNCTIONS.map((spec) => spec.name), 'NOSUCH', 'sum', 'Momentum');

const { expr } = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    atom,
    fc.tuple(fc.constantFrom('-', '+', 'not ', '~'), tie('expr')).map(([op, e]) => `${op}${e}`),
    fc.tuple(tie('expr'), binary, tie('expr')).map(([a, op, b]) => `${a}${op}${b}`),
    tie('expr').map((e) => `(${e})`),
    // Every function with zero to a few arguments more than it takes: wrong arities and types.
    fc.tuple(functionName, fc.array(tie('expr'), { maxLength: 12 })).map(([name, args]) => `${name}(${args.join(', ')})`),
    fc.array(tie('expr'), { maxLength: 4 }).map((items) => `[${items.join(', ')}]`),
    fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([c, a, b]) => `${c} ? ${a} : ${b}`),
    fc.tuple(tie('expr'), fc.constantFrom('.f', '.x1', '.nope', '[1]', '[0]', '[1, 2]')).map(([e, part]) => `(${e})${part}`),
  ),
}));

const wrap = (open: string, close: string) => (n: number, inner: string) => `${open.repeat(n)}${inner}${close.repeat(n)}`;
const deep = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 300 }), expr).map(([n, e]) => wrap('(', ')')(n, e)),
  fc.tuple(fc.integer({ min: 0, max: 200 }), fc.constantFrom('ABS(', 'SQRT(', 'SUM(1,', 'IF(TRUE,', 'IFERROR(', 'EXP(')).map(([n, fn]) => wrap(fn, ')')(n, '1')),
  fc.tuple(fc.integer({ min: 0, max: 300 }), fc.constantFrom('-', '+', 'not ', '--')).map(([n, op]) => `${op.repeat(n)}1`),
  fc.tuple(fc.integer({ min: 1, max: 400 }), fc.constantFrom('1', 'x1', 'A1', '2')).map(([n, a]) => Array(n).fill(a).join('^')),
  fc.integer({ min: 1, max: 800 }).map((n) => `A10${'[1]'.repeat(n)}`),
  fc.integer({ min: 1, max: 200 }).map((n) => `[${'['.repeat(n)}1${']'.repeat(n)}]`),
  fc.integer({ min: 1, max: 200 }).map((n) => `${'1 ? '.repeat(n)}1${' : 0'.repeat(n)}`),
);
const long = fc
  .tuple(fc.integer({ min: 2, max: 5200 }), fc.constantFrom('1', 'A1', 'x1', 'H1', 'lr', '"a"', 'A1:H12', 'A6', 'f'), fc.constantFrom('+', '*', '&', '-', '/', ','))
  .map(([n, a, op]) => {
    const chain = Array(n).fill(a).join(op);
    return op === ',' ? `SUM(${chain})` : chain;
  });
const garbage = fc
  .array(fc.constantFrom(...'=+-*/^()[]{},:;!?"\'#$%&<>~@.|\\ \n\tAx19eE_'.split(''), 'SUM(', 'A1', ':', 'x1'), { maxLength: 60 })
  .map((parts) => parts.join(''));

const formula = fc.oneof(
  { weight: 8, arbitrary: expr },
  { weight: 2, arbitrary: deep },
  { weight: 1, arbitrary: long },
  { weight: 2, arbitrary: garbage },
);
const raw = fc.oneof(
  { weight: 10, arbitrary: formula.map((f) => `=${f}`) },
  { weight: 1, arbitrary: fc.oneof(fc.constantFrom('', '3', '-0', 'TRUE', 'text', "'=1", '= ', '=', '1e999'), fc.string({ maxLength: 20 })) },
);
/** Formulas go into column H (and sometimes G), which other formulas read: cycles come about naturally. */
const target = fc.tuple(fc.integer({ min: 0, max: ROWS - 1 }), fc.constantFrom('G', 'H', 'H')).map(([r, c]) => `${c}${r + 1}`);

function checkAll(engine: SheetEngine, where: string): void {
  for (let r = 1; r <= engine.rows; r += 1) {
    for (let c = 0; c < engine.cols; c += 1) {
      const address = `${columnLetters(c)}${r}`;
      assertCellValue(engine.value(address), `${where} ${address}`);
    }
  }
}

describe('formula fuzz', () => {
  it('10,000 generated formulas never throw, and every cell holds a value of the union or a typed error', () => {
    const engine = createEngine(BASE);
    settleSmall(engine);
    checkAll(engine, 'base sheet');
    let formulas = 0;
    fc.assert(
      fc.property(target, raw, fc.boolean(), (address, input, settleRuns) => {
        formulas += 1;
        const changed = engine.setCell(address, input);
        if (settleRuns) settleSmall(engine);
        assertCellValue(engine.value(address), `${address} = ${input.slice(0, 120)}`);
        for (const other of changed) assertCellValue(engine.value(other), `${other} after ${address} = ${input.slice(0, 120)}`);
      }),
      { numRuns: 10_000, seed: 20240608 },
    );
    // The whole sheet is still made of values, and the engine still evaluates plain formulas.
    checkAll(engine, 'after the fuzz');
    expect(formulas).toBeGreaterThanOrEqual(10_000);
    engine.setCell('G1', '=1+2');
    expect(engine.value('G1')).toEqual({ kind: 'number', value: 3 });
  }, 60_000);
});

type Action = (engine: SheetEngine) => unknown;
const anyCell = fc.tuple(fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 9 })).map(([r, c]) => `${'ABCDEFGHIJ'[c]}${r + 1}`);
const smallRaw = fc.oneof(
  { weight: 3, arbitrary: expr.filter((e) => e.length < 200).map((e) => `=${e}`) },
  { weight: 1, arbitrary: fc.constantFrom('1', '2.5', 'text', '', 'FALSE') },
);
const block = fc.array(fc.array(smallRaw, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 });
const tsvField = (field: string) => (/[\t\n\r"]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field);
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.tuple(anyCell, smallRaw).map(([a, r]): Action => (e) => e.setCell(a, r)),
  fc.array(fc.tuple(anyCell, smallRaw), { maxLength: 5 }).map((entries): Action => (e) => e.setCells(entries)),
  fc.tuple(anyCell, block).map(([a, rows]): Action => (e) => e.pasteTsv(a, rows.map((row) => row.map(tsvField).join('\t')).join('\n'))),
  fc.tuple(anyCell, anyCell, anyCell).map(([from, to, at]): Action => (e) => e.pasteTsv(at, e.copyTsv(`${from}:${to}`), from)),
  fc.tuple(fc.integer({ min: 0, max: 14 }), fc.integer({ min: 1, max: 3 })).map(([at, n]): Action => (e) => e.insertRows(at, n)),
  fc.tuple(fc.integer({ min: 0, max: 14 }), fc.integer({ min: 1, max: 3 })).map(([at, n]): Action => (e) => e.deleteRows(at, n)),
  fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 3 })).map(([at, n]): Action => (e) => e.insertCols(at, n)),
  fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 3 })).map(([at, n]): Action => (e) => e.deleteCols(at, n)),
  fc.tuple(anyCell, fc.constantFrom('lr', 'f', 'eta', 'LR', null)).map(([a, n]): Action => (e) => e.setName(a, n)),
  fc.constant<Action>((e) => e.undo()),
  fc.constant<Action>((e) => e.redo()),
  fc.constant<Action>((e) => e.loadState(e.toState())),
);
const randomSheet = fc
  .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 8 }), fc.array(fc.tuple(anyCell, smallRaw), { maxLength: 20 }))
  .map(([rows, cols, entries]): SheetState => ({ ...BASE, rows, cols, cells: { ...BASE.cells, ...Object.fromEntries(entries) } }));

describe('engine operation fuzz', () => {
  it('random edits, pastes, structural edits, undo and redo on random sheets keep every cell a valid value and equal to a fresh evaluation', () => {
    fc.assert(
      fc.property(randomSheet, fc.array(action, { minLength: 1, maxLength: 15 }), (state, actions) => {
        const engine = createEngine(state);
        checkAll(engine, 'loaded');
        for (const act of actions) {
          act(engine);
          checkAll(engine, 'after an action');
        }
        const fresh = createEngine(engine.toState());
        expect([fresh.rows, fresh.cols]).toEqual([engine.rows, engine.cols]);
        for (let r = 1; r <= engine.rows; r += 1) {
          for (let c = 0; c < engine.cols; c += 1) {
            const a = `${columnLetters(c)}${r}`;
            if (!sameValue(engine.value(a), fresh.value(a))) {
              expect.fail(`${a} = ${engine.raw(a)}: incremental ${JSON.stringify(engine.value(a))} vs fresh ${JSON.stringify(fresh.value(a))}`);
            }
          }
        }
      }),
      { numRuns: 300, seed: 7 },
    );
  }, 60_000);
});
