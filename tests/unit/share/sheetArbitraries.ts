/**
 * Random valid sheets for the share tests, and a fixture shaped like the chapter's default sheet.
 * Every generated value respects SHEET_LIMITS, so any state drawn here must survive a round trip.
 */
import fc from 'fast-check';
import type { ComputeRequest, RegressionRequest } from '../../../src/core/runTypes';
import { columnLetters, formatAddress } from '../../../src/sheet/address';
import type { ChartBinding, Pin, SheetState } from '../../../src/sheet/types';

/** JSON has no negative zero: -0 is written as 0, so the generator does not produce it. */
const finite = fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x));
const vec2 = fc.tuple(finite, finite);
const text = (maxLength: number) => fc.string({ unit: 'binary', maxLength });
const formulaText = fc.oneof(text(60), fc.constantFrom('0.1*x1^2 + 2*x2^2', '0.2*x1', '4*x2', 'sin(x1)*x2'));

export const XSS_TEXT = '<img src=x onerror=alert(1)>';

const rawCell = fc.oneof(
  text(40),
  finite.map(String),
  fc.constantFrom('=GD(B3, B4, 0.9, 15)', '=NOTE("gd.intro")', XSS_TEXT, '="quoted, text"', ''),
  text(3_000),
);

const path2d = fc.record({
  kind: fc.constant('path2d' as const),
  method: fc.constantFrom('gd' as const, 'momentum' as const, 'nesterov' as const),
  objective: formulaText,
  gradient: fc.option(fc.tuple(formulaText, formulaText), { nil: null }),
  start: vec2,
  eta: finite,
  gamma: finite,
  steps: fc.integer({ min: 0, max: 10_000 }),
});

export const regressionArb: fc.Arbitrary<RegressionRequest> = fc
  .integer({ min: 1, max: 100_000 })
  .chain((n) =>
    fc.record({
      kind: fc.constant('regression' as const),
      data: fc.record({ n: fc.constant(n), trueW: vec2, trueB: finite, noise: fc.double({ min: 0, max: 10, noNaN: true }), seed: fc.integer() }),
      batchSize: fc.integer({ min: 1, max: n }),
      epochs: fc.integer({ min: 1, max: 1_000 }),
      decayEpoch: fc.option(fc.integer({ min: 0, max: 1_000 }), { nil: null }),
      decayFactor: finite,
      trainSeed: fc.integer(),
      initScale: fc.double({ min: 0, max: 1, noNaN: true }),
      configs: fc.array(
        fc.record(
          { lr: finite, momentum: finite, convention: fc.constantFrom('mxnet' as const, 'pytorch' as const), optimizer: fc.constant('sgd' as const) },
          { requiredKeys: ['lr', 'momentum', 'convention'] },
        ),
        { minLength: 1, maxLength: 4 },
      ),
    }),
  );

const rateMap = fc.record({
  kind: fc.constant('rateMap' as const),
  eigenvalues: fc.array(finite, { minLength: 1, maxLength: 8 }),
  lrRange: vec2,
  momentumRange: vec2,
  width: fc.integer({ min: 1, max: 2_000 }),
  height: fc.integer({ min: 1, max: 2_000 }),
});

const contours = fc.record({
  kind: fc.constant('contours' as const),
  objective: formulaText,
  x1Range: vec2,
  x2Range: vec2,
  levels: fc.integer({ min: 1, max: 200 }),
  resolution: fc.integer({ min: 2, max: 2_000 }),
});

export const computeRequestArb: fc.Arbitrary<ComputeRequest> = fc.oneof(path2d, regressionArb, rateMap, contours);

const UNSAFE = new Set(['__proto__', 'constructor', 'prototype']);
const nameArb = fc.oneof(
  fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.]{0,20}$/).filter((n) => !UNSAFE.has(n)),
  fc.constantFrom('学习率', 'η', 'gamma_0', 'toString', 'valueOf'),
);

/** A random valid sheet: any grid size, cells and names inside it, charts and pins of every kind. */
export const sheetStateArb: fc.Arbitrary<SheetState> = fc
  .record({ rows: fc.integer({ min: 1, max: 10_000 }), cols: fc.integer({ min: 1, max: 10_000 }) })
  .chain(({ rows, cols }) => {
    const address = fc
      .record({ row: fc.nat(rows - 1), col: fc.nat(cols - 1) })
      .map((p) => formatAddress(p));
    const chart: fc.Arbitrary<ChartBinding> = fc.record(
      {
        id: fc.string({ minLength: 1, maxLength: 64 }),
        kind: fc.constantFrom('trajectories' as const, 'ewma' as const, 'loss' as const, 'rateMap' as const),
        source: fc.oneof(address, fc.tuple(address, address).map(([a, b]) => `${a}:${b}`), nameArb),
        arrows: fc.boolean(),
      },
      { requiredKeys: ['id', 'kind', 'source'] },
    );
    const pin: fc.Arbitrary<Pin> = fc.record({
      id: fc.string({ minLength: 1, maxLength: 64 }),
      label: text(200),
      cell: address,
      request: computeRequestArb,
    });
    return fc.record(
      {
        rows: fc.constant(rows),
        cols: fc.constant(cols),
        cells: fc.dictionary(address, rawCell, { maxKeys: 25 }),
        names: fc.dictionary(nameArb, address, { maxKeys: 4 }),
        colWidths: fc.dictionary(fc.nat(Math.min(cols, 100) - 1).map(columnLetters), fc.integer({ min: 0, max: 5_000 }), { maxKeys: 4 }),
        charts: fc.array(chart, { maxLength: 3 }),
        pins: fc.array(pin, { maxLength: 3 }),
        // Choice cells are written only when there are some, so a sheet has none or at least one.
        validations: fc.dictionary(address, fc.array(text(200), { minLength: 1, maxLength: 4 }), { minKeys: 1, maxKeys: 3 }),
      },
      { requiredKeys: ['rows', 'cols', 'cells', 'names', 'colWidths', 'charts', 'pins'] },
    );
  });

/** The chapter's regression experiment as the sheet asks for it (one config per cell). */
export function chapterRegression(momentum: number): RegressionRequest {
  return {
    kind: 'regression',
    data: { n: 1000, trueW: [2, -3.4], trueB: 4.2, noise: 0.01, seed: 1 },
    batchSize: 10,
    epochs: 3,
    decayEpoch: 2,
    decayFactor: 0.1,
    trainSeed: 7,
    initScale: 0.01,
    configs: [{ lr: 0.2, momentum, convention: 'mxnet' }],
  };
}

/**
 * A stand-in for the default sheet (the real one is built in src/sheet): the chapter's sections
 * as notes, inputs, runs and tables, about as many cells as the chapter needs, four charts.
 */
export function chapterSheetFixture(): SheetState {
  const cells: Record<string, string> = {};
  const put = (column: string, row: number, raw: string) => {
    cells[`${column}${row}`] = raw;
  };
  put('A', 1, '=NOTE("chapter.title")');
  put('A', 2, '=NOTE("gd.intro")');
  put('A', 3, 'objective');
  put('B', 3, '=0.1*x1^2 + 2*x2^2');
  put('A', 4, 'printed gradient');
  put('B', 4, '=[0.2*x1, 2*x2]');
  put('A', 5, 'true gradient');
  put('B', 5, '=GRAD(B3)');
  put('A', 6, 'start');
  put('B', 6, '=[-5, -2]');
  put('A', 7, 'steps');
  put('B', 7, '15');
  const runs: [string, string, number, number][] = [
    ['gd', 'GD', 0.9, 0],
    ['gd', 'GD', 1.1, 0],
    ['momentum', 'MOMENTUM', 0.9, 0.2],
    ['momentum', 'MOMENTUM', 1.1, 0.2],
  ];
  runs.forEach(([, fn, eta, gamma], i) => {
    const row = 10 + i;
    put('A', row, `${fn} η=${eta}${gamma ? ` γ=${gamma}` : ''}`);
    put('B', row, String(eta));
    put('C', row, String(gamma));
    put('D', row, fn === 'GD' ? `=GD(B$3, B$4, B$6, B${row}, B$7)` : `=MOMENTUM(B$3, B$4, B$6, B${row}, C${row}, B$7)`);
    put('E', row, `=D${row}.x1`);
    put('F', row, `=D${row}.x2`);
    put('G', row, `=D${row}.f`);
    put('H', row, `=D${row}.check`);
  });
  put('A', 16, '=NOTE("momentum.intro")');
  put('A', 18, '=NOTE("ewma.intro")');
  for (const [i, gamma] of [0.95, 0.9, 0.5].entries()) {
    const row = 19 + i;
    put('A', row, String(gamma));
    put('B', row, `=1/(1-A${row})`);
    put('C', row, `=A${row}^B${row}`);
    put('D', row, `=EWMA(A${row}, 40)`);
  }
  put('A', 24, '=NOTE("regression.intro")');
  for (const [i, mom] of [0.99, 0.9, 0.5].entries()) {
    const row = 25 + i;
    put('A', row, String(mom));
    put('B', row, '0.2');
    put('C', row, `=REGRESSION(B${row}, A${row}, "mxnet", 10, 3, 2, 0.1)`);
    put('D', row, `=C${row}.w1`);
    put('E', row, `=C${row}.w2`);
    put('F', row, `=C${row}.b`);
    put('G', row, `=REGRESSION(B${row}, A${row}, "pytorch", 10, 3, 2, 0.1)`);
  }
  put('A', 29, '=NOTE("exercises")');
  return {
    rows: 60,
    cols: 12,
    cells,
    names: { eta: 'B10', gamma: 'C12', start: 'B6' },
    colWidths: { A: 180, D: 140 },
    charts: [
      { id: 'trajectories', kind: 'trajectories', source: 'D10:D13', arrows: true },
      { id: 'ewma', kind: 'ewma', source: 'D19:D21' },
      { id: 'loss', kind: 'loss', source: 'C25:C27' },
      { id: 'rates', kind: 'rateMap', source: 'B3' },
    ],
    pins: [],
  };
}
