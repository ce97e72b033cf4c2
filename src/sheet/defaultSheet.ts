/**
 * The chapter as a sheet: the problem, gradient descent, momentum with its theory, the EWMA,
 * regression from scratch, the framework's optimizer and the exercises, top to bottom. Texts are
 * =NOTE() keys (see notes.ts) so the sheet reads in the user's language and its link stays short.
 *
 * The gradient switch B8 ("printed" / "corrected") drives every run through the name `grad`:
 * "printed" is the chapter's (0.2·x1, 2·x2), "corrected" the true gradient GRAD(f).
 */
import { columnLetters } from './address';
import type { CellAddress, ChartBinding, SheetState } from './types';

/** Rows of raw inputs from column A on; '' leaves a cell empty. */
export type SheetRows = Readonly<Record<number, readonly string[]>>;

const note = (key: string) => `=NOTE("${key}")`;
const path2d = (row: number, method: 'GD' | 'MOMENTUM') =>
  method === 'GD' ? `=GD(f,x1_0,x2_0,B${row},steps,grad)` : `=MOMENTUM(f,x1_0,x2_0,B${row},C${row},steps,grad)`;
const gdRow = (row: number, eta: string): string[] => ['GD', eta, '', path2d(row, 'GD'), `=D${row}.f`, `=GD_RATE(grad,B${row})`];
const momentumRow = (row: number, eta: string, gamma: string): string[] => [
  'momentum',
  eta,
  gamma,
  path2d(row, 'MOMENTUM'),
  `=D${row}.f`,
  `=RATE(grad,B${row},C${row})`,
];
const ewmaRow = (row: number, gamma: string): string[] => [gamma, `=1/(1-A${row})`, `=A${row}^B${row}`, `=EWMA_WEIGHTS(A${row},40)`];
const regressionRow = (row: number, mom: string, options = ''): string[] => [
  mom,
  `=REGRESSION(lr,A${row}${options})`,
  `=B${row}.loss`,
  `=B${row}.w1`,
  `=B${row}.w2`,
  `=B${row}.b`,
];
const PYTORCH = ',3,10,2,"pytorch"';

/** The default sheet's rows (exported so presets can start from them). */
export const DEFAULT_ROWS: SheetRows = {
  1: [note('note.intro')],
  2: [note('note.problem.title')],
  3: [note('note.problem.text')],
  4: [note('label.objective'), '=0.1*x1^2+2*x2^2'],
  5: [note('label.start1'), '-5'],
  6: [note('label.start2'), '-2'],
  7: [note('label.steps'), '15'],
  8: [note('label.gradMode'), 'printed', note('note.problem.gradMode')],
  9: [note('label.gradient'), '=IF(grad_mode="printed",[0.2*x1,2*x2],GRAD(f))'],
  10: [note('label.trueGradient'), '=GRAD(f)'],
  12: [note('note.gd.title')],
  13: [note('note.gd.text')],
  14: ['', 'η', 'γ', note('label.run'), 'f', note('label.rate')],
  15: gdRow(15, '0.9'),
  16: gdRow(16, '1.1'),
  17: [note('note.momentum.title')],
  18: [note('note.momentum.text')],
  19: momentumRow(19, '0.9', '0.2'),
  20: momentumRow(20, '1.1', '0.2'),
  21: [note('note.theory.text')],
  22: [note('label.eigenvalues'), '=EIGENVALUES(grad)'],
  23: ['Polyak', '=POLYAK_LR(grad)', '=POLYAK_MOMENTUM(grad)', path2d(23, 'MOMENTUM'), '=D23.f', '=POLYAK_RATE(grad)'],
  25: [note('note.ewma.title')],
  26: [note('note.ewma.text')],
  27: ['γ', note('label.window'), 'γ^(1/(1−γ))', note('label.weights')],
  28: ewmaRow(28, '0.95'),
  29: ewmaRow(29, '0.9'),
  30: ewmaRow(30, '0.6'),
  31: ewmaRow(31, '0'),
  32: ['e⁻¹', '', '=exp(-1)'],
  33: [note('note.ewma.momentum')],
  34: ['η', '0.9'],
  35: ['γ', '0.2'],
  36: [note('label.window'), '=1/(1-gamma)'],
  37: [note('label.effectiveStep'), '=eta/(1-gamma)'],
  39: [note('note.regression.title')],
  40: [note('note.regression.text')],
  41: ['lr', '0.2'],
  42: ['mom', note('label.run'), note('label.loss'), 'w1', 'w2', 'b'],
  43: regressionRow(43, '0.99'),
  44: regressionRow(44, '0.9'),
  45: regressionRow(45, '0.5'),
  47: [note('note.framework.title')],
  48: [note('note.framework.text')],
  49: regressionRow(49, '0.99', PYTORCH),
  50: regressionRow(50, '0.9', PYTORCH),
  51: regressionRow(51, '0.5', PYTORCH),
  53: [note('note.exercises.title')],
  54: [note('note.exercises.text')],
  55: [...regressionRow(55, '0', PYTORCH).slice(0, 3), note('note.exercises.sgd')],
  56: momentumRow(56, '0.6', '0.5'),
};

export const DEFAULT_NAMES: Readonly<Record<string, CellAddress>> = {
  f: 'B4',
  x1_0: 'B5',
  x2_0: 'B6',
  steps: 'B7',
  grad_mode: 'B8',
  grad: 'B9',
  eta: 'B34',
  gamma: 'B35',
  lr: 'B41',
};

export const DEFAULT_CHARTS: readonly ChartBinding[] = [
  { id: 'trajectories', kind: 'trajectories', source: 'D15:D23' },
  { id: 'ewma', kind: 'ewma', source: 'A28:A31' },
  { id: 'loss', kind: 'loss', source: 'B43:B45' },
  { id: 'lossFramework', kind: 'loss', source: 'B49:B51' },
  { id: 'rateMap', kind: 'rateMap', source: 'B22' },
];

/** Raw cells from rows: `cellsFromRows({2: ['a', '', '=A2']})` → {A2: 'a', C2: '=A2'}. */
export function cellsFromRows(rows: SheetRows): Record<CellAddress, string> {
  const cells: Record<CellAddress, string> = {};
  for (const [row, fields] of Object.entries(rows)) {
    fields.forEach((raw, col) => {
      if (raw !== '') cells[`${columnLetters(col)}${row}`] = raw;
    });
  }
  return cells;
}

/** The chapter as a sheet, as printed (gradient switch on "printed"). */
export function defaultSheet(): SheetState {
  return {
    rows: 60,
    cols: 8,
    cells: cellsFromRows(DEFAULT_ROWS),
    names: { ...DEFAULT_NAMES },
    colWidths: { A: 170, D: 200 },
    charts: DEFAULT_CHARTS,
    pins: [],
  };
}
