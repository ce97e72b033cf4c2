/**
 * Every limit of src/sheet/limits.ts ends in a typed error value with its reason, never in a
 * stack overflow, an endless loop or an exception; and the limits leave room for every
 * legitimate sheet. The heavy sheets are the ones that froze the tab before.
 */
import { describe, expect, it } from 'vitest';
import { defaultSheet } from '../../../src/sheet/defaultSheet';
import { createEngine } from '../../../src/sheet/engine';
import { LIMITS } from '../../../src/sheet/limits';
import { PRESETS } from '../../../src/sheet/presets';
import type { CellValue, SheetState } from '../../../src/sheet/types';
import { num, settle, sheet } from './helpers';
import { assertCellValue } from './valueShape';

function expectError(value: CellValue, code: string, reason: string): void {
  expect(value).toMatchObject({ kind: 'error', code, reason });
  assertCellValue(value, reason);
}

const repeat = (n: number, item: string, join: string) => Array(n).fill(item).join(join);

describe('formula text and nesting', () => {
  it('a formula longer than the limit is #ERROR! with its length, before anything parses it', () => {
    const long = `=${repeat(LIMITS.formulaChars, '1', '')}1`;
    const e = sheet({ A1: long });
    expectError(e.value('A1'), '#ERROR!', 'error.formulaTooLong');
    expect(e.value('A1')).toMatchObject({ args: { length: LIMITS.formulaChars + 1, limit: LIMITS.formulaChars } });
  });

  it('deep nesting of every recursive construct is #ERROR! (too deep), not a stack overflow', () => {
    const n = 5_000;
    const e = sheet({
      A1: `=${'('.repeat(n)}1${')'.repeat(n)}`.slice(0, 9_000),
      A2: `=${repeat(1_000, 'ABS(', '')}1${')'.repeat(1_000)}`,
      A3: `=${'-'.repeat(n)}1`,
      A4: `=${repeat(3_000, '2', '^')}`,
      A5: `=${repeat(2_000, '[', '')}1${repeat(2_000, ']', '')}`,
      A6: `=${repeat(1_000, '1 ? ', '')}1${repeat(1_000, ' : 0', '')}`,
      A7: `=${repeat(2_000, 'not ', '')}TRUE`,
    });
    for (const address of ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7']) expectError(e.value(address), '#ERROR!', 'error.formulaTooDeep');
  });

  it('nesting within the limit still evaluates', () => {
    const depth = LIMITS.formulaNesting - 1;
    const e = sheet({ A1: `=${'('.repeat(depth)}2${')'.repeat(depth)}`, A2: `=${repeat(depth, 'ABS(', '')}-3${')'.repeat(depth)}`, A3: `=${'-'.repeat(depth + 2)}1` });
    expect(num(e, 'A1')).toBe(2);
    expect(num(e, 'A2')).toBe(3);
    expectError(e.value('A3'), '#ERROR!', 'error.formulaTooDeep');
  });

  it('a formula of more parts than the limit is #ERROR! (too large)', () => {
    // "2b+" is three characters but four parts (2, b, their product, the sum).
    const e = sheet({ A1: `=${repeat(3_300, '2b', '+')}` }, { b: 'B1' });
    expectError(e.value('A1'), '#ERROR!', 'error.formulaTooLarge');
  });

  it('an accessor chain deeper than the evaluator allows is #ERROR!, not a stack overflow', () => {
    const e = sheet({ B1: '=EWMA_WEIGHTS(0.5, 3)', A1: `=B1${'[1]'.repeat(LIMITS.evalDepth + 50)}` });
    expectError(e.value('A1'), '#ERROR!', 'error.formulaTooDeep');
  });
});

describe('long chains evaluate without recursion', () => {
  it('a chain of 5,000 + is 5,000', () => {
    expect(num(sheet({ A1: `=${repeat(4_999, '1', '+')}` }), 'A1')).toBe(4_999);
  });

  it('1,000 factors =B3*B3*… with B3 = 1.001 is 1.001^1000, left to right', () => {
    const e = sheet({ B3: '1.001', A1: `=${repeat(1_000, 'B3', '*')}` });
    let expected = 1.001;
    for (let i = 1; i < 1_000; i += 1) expected *= 1.001;
    expect(num(e, 'A1')).toBe(expected);
  });

  it('a long chain of subtractions keeps left associativity: 1-1-1-…', () => {
    expect(num(sheet({ A1: `=${repeat(3_000, '1', '-')}` }), 'A1')).toBe(1 - 2_999);
  });
});

describe('sizes out of range are #NUM!', () => {
  it('a range over the per-range limit, and ranges over the per-formula limit', () => {
    const e = sheet({ A1: '=SUM(B1:ZZ9999)', A2: '=SUM(B1:B900000) + SUM(C1:C900000) + SUM(D1:D900000)' }, {}, { rows: 1_000_000, cols: 800 });
    expectError(e.value('A1'), '#NUM!', 'error.rangeTooLarge');
    expectError(e.value('A2'), '#NUM!', 'error.rangesTooLarge');
  });

  it('text doubled by & past the limit is #NUM!, not a memory blow-up', () => {
    const cells: Record<string, string> = { A1: "'" + 'x'.repeat(1_000) };
    for (let i = 2; i <= 12; i += 1) cells[`A${i}`] = `=A${i - 1}&A${i - 1}`;
    const e = sheet(cells);
    expect(e.value('A7')).toMatchObject({ kind: 'text' });
    expectError(e.value('A8'), '#NUM!', 'error.textTooLong');
    expectError(e.value('A12'), '#NUM!', 'error.textTooLong');
  });

  it('an objective squared cell after cell stops at the size limit instead of doubling forever', () => {
    const cells: Record<string, string> = { A1: '=x1+x2' };
    for (let i = 2; i <= 30; i += 1) cells[`A${i}`] = `=A${i - 1}*A${i - 1}`;
    const e = sheet(cells);
    expect(e.value('A3')).toEqual({ kind: 'objective', expr: '(x1 + x2) * (x1 + x2) * (x1 + x2) * (x1 + x2)' });
    expectError(e.value('A30'), '#NUM!', 'error.objectiveTooLarge');
  });

  it('1,000 factors of an objective is #NUM! (objective too large), and GRAD of it too', () => {
    const e = sheet({ B3: '=x1', A1: `=${repeat(1_000, 'B3', '*')}`, A2: '=GRAD(A1)', A3: `=GRAD(${repeat(150, 'x1', '*')})` });
    expectError(e.value('A1'), '#NUM!', 'error.objectiveTooLarge');
    expectError(e.value('A2'), '#NUM!', 'error.objectiveTooLarge');
    expectError(e.value('A3'), '#NUM!', 'error.objectiveTooLarge');
  });

  it('GRAD of a product of 40 factors is derived (mathjs simplification without its exponential pass)', () => {
    const e = sheet({ A1: `=GRAD(${repeat(40, 'x1', '*')})` });
    const value = e.value('A1');
    expect(value.kind).toBe('gradient');
    if (value.kind === 'gradient') expect(value.exprs[1]).toBe('0');
  });

  it('a sheet keeps at most LIMITS.charts chart bindings and LIMITS.pins pins', () => {
    const charts = Array.from({ length: LIMITS.charts + 6 }, (_, i) => ({ id: `c${i}`, kind: 'loss' as const, source: 'A1' }));
    const e = sheet({});
    e.setCharts(charts);
    expect(e.toState().charts.map((c) => c.id)).toEqual(charts.slice(0, LIMITS.charts).map((c) => c.id));
    const loaded = createEngine({ ...e.toState(), charts });
    expect(loaded.toState().charts.length).toBe(LIMITS.charts);
  });

  it('a name beyond the limit is refused with #NUM!', () => {
    const names: Record<string, string> = {};
    for (let i = 0; i < LIMITS.names; i += 1) names[`n${i}`] = `A${i + 1}`;
    const e = sheet({}, names, { rows: LIMITS.names + 5 });
    expect(e.setName(`A${LIMITS.names + 2}`, 'one_more')).toMatchObject({ kind: 'error', code: '#NUM!', reason: 'error.tooManyNames' });
    expect(e.setName('A1', 'renamed')).toBeInstanceOf(Set);
  });
});

describe('the work of one recalculation is bounded', () => {
  const heavy = (): SheetState => {
    const cells: Record<string, string> = {};
    for (let i = 1; i <= 100; i += 1) cells[`A${i}`] = `=SUM(B1:CV9000) + ${i}`;
    return { rows: 10_000, cols: 100, cells, names: {}, colWidths: {}, charts: [], pins: [] };
  };

  it('SUM over many large ranges: cells the budget does not reach are #NUM! (work limit), the rest are exact', () => {
    const e = createEngine(heavy());
    let exact = 0;
    let limited = 0;
    for (let i = 1; i <= 100; i += 1) {
      const value = e.value(`A${i}`);
      assertCellValue(value, `A${i}`);
      if (value.kind === 'number') {
        expect(value.value).toBe(i);
        exact += 1;
      } else {
        expectError(value, '#NUM!', 'error.workLimit');
        limited += 1;
      }
    }
    // Each formula reads 900,000 cells: a budget of recalcWork units covers only some of them.
    expect(exact).toBe(Math.floor(LIMITS.recalcWork / 900_000));
    expect(limited).toBe(100 - exact);
  });

  it('a work-limited cell is evaluated again when it is edited', () => {
    const e = createEngine(heavy());
    const limitedCell = Array.from({ length: 100 }, (_, i) => `A${i + 1}`).find((a) => e.value(a).kind === 'error') as string;
    e.setCell(limitedCell, '=SUM(B1:CV9000) + 1000');
    expect(num(e, limitedCell)).toBe(1000);
  });

  it('IFERROR cannot turn the work limit into a value: the cell that ran out shows the limit', () => {
    // A chain, so the order is fixed: A1…A11 read 9.9 million cells, A12 runs out inside IFERROR.
    const cells: Record<string, string> = { A1: '=SUM(B1:CV9000)' };
    for (let i = 2; i <= 11; i += 1) cells[`A${i}`] = `=A${i - 1} + SUM(B1:CV9000) + 1`;
    cells.A12 = '=IFERROR(A11 + SUM(B1:CV9000), -1)';
    cells.A13 = '=IFERROR(A12, -2)';
    const e = createEngine({ rows: 10_000, cols: 100, cells, names: {}, colWidths: {}, charts: [], pins: [] });
    expect(num(e, 'A11')).toBe(10);
    expectError(e.value('A12'), '#NUM!', 'error.workLimit');
    expectError(e.value('A13'), '#NUM!', 'error.workLimit');
  });
});

describe('many overlapping ranges', () => {
  it('10,000 running totals =SUM($A$1:A…) are exact or #NUM! (work limit), and an edit reaches them through the range index', () => {
    const cells: Record<string, string> = {};
    for (let r = 1; r <= 10_000; r += 1) {
      cells[`A${r}`] = '1';
      cells[`B${r}`] = `=SUM($A$1:A${r})`;
    }
    const e = createEngine({ rows: 10_000, cols: 3, cells, names: {}, colWidths: {}, charts: [], pins: [] });
    let exact = 0;
    for (let r = 1; r <= 10_000; r += 1) {
      const value = e.value(`B${r}`);
      if (value.kind === 'number') {
        expect(value.value).toBe(r);
        exact += 1;
      } else expectError(value, '#NUM!', 'error.workLimit');
    }
    expect(exact).toBeGreaterThan(1_000);
    // A cell near the end is read by few totals: they all fit the budget.
    e.setCell('A9990', '2');
    expect(num(e, 'B10000')).toBe(10_001);
  });
});

describe('the limits leave room for every legitimate sheet', () => {
  const noLimitError = (e: ReturnType<typeof createEngine>) => {
    const state = e.toState();
    const limitReasons = ['error.formulaTooLong', 'error.formulaTooDeep', 'error.formulaTooLarge', 'error.rangeTooLarge', 'error.rangesTooLarge', 'error.arrayTooLarge', 'error.textTooLong', 'error.objectiveTooLarge', 'error.workLimit'];
    for (const address of Object.keys(state.cells)) {
      const value = e.value(address);
      if (value.kind === 'error') expect(limitReasons, `${address}: ${state.cells[address]}`).not.toContain(value.reason);
    }
  };

  it('the chapter sheet and every preset evaluate without hitting a limit', () => {
    const engines = [createEngine(defaultSheet()), ...PRESETS.map((preset) => createEngine(preset.build()))];
    for (const e of engines) {
      settle(e);
      noLimitError(e);
    }
  });

  it('a pasted column of 100,000 numbers is summed exactly', () => {
    const e = sheet({ C1: '=SUM(A1:A100000)', C2: '=AVERAGE(A1:A100000)' });
    const column = Array.from({ length: 100_000 }, (_, i) => String(i + 1)).join('\n');
    const outcome = e.pasteTsv('A1', column);
    expect(outcome.dropped).toEqual({ rows: 0, cols: 0 });
    expect(num(e, 'C1')).toBe((100_000 * 100_001) / 2);
    expect(num(e, 'C2')).toBe(100_001 / 2);
    noLimitError(e);
  });
});
