/**
 * The chapter as a sheet: the problem, gradient descent, momentum with its theory, the EWMA,
 * regression from scratch, the framework's optimizer and the exercises, top to bottom. Texts are
 * =NOTE() keys (see notes.ts) so the sheet reads in the user's language and its link stays short.
 *
 * The gradient switch B6 ("printed" / "corrected", a choice cell) drives every run through the
 * name `grad`: "printed" is the chapter's (0.2·x1, 2·x2), which PRINTED_GRAD gives for the
 * chapter's f only, "corrected" the true gradient GRAD(f).
 */
import { columnLetters } from './address';
import { GRADIENT_CHOICES, GRADIENT_FORMULA } from './chapterVocabulary';
import type { CellAddress, ChartBinding, SheetState } from './types';

/** Rows of raw inputs from column A on; '' leaves a cell empty. */
export type SheetRows = Readonly<Record<number, readonly string[]>>;

/** A note cell. Single quotes keep the JSON of a shared link free of escaped double quotes. */
export const note = (key: string): string => `=NOTE('${key}')`;
const path2d = (row: number, method: 'GD' | 'MOMENTUM') =>
  method === 'GD' ? `=GD(f,x1_0,x2_0,B${row},steps,grad)` : `=MOMENTUM(f,x1_0,x2_0,B${row},C${row},steps,grad)`;
/** Per eigendirection of the gradient: measured and predicted rate (columns F–I). */
const directionRates = (row: number): string[] => [`=D${row}.rate1`, `=D${row}.rho1`, `=D${row}.rate2`, `=D${row}.rho2`];
/** A 2-D run row: η, γ, the run (its text shows the final f), the theoretical rate. Column A holds an optional label. */
const gdRow = (row: number, eta: string): string[] => ['', eta, '', path2d(row, 'GD'), `=GD_RATE(grad,B${row})`];
/** A momentum row; in the momentum section followed by the rates per eigendirection. */
const momentumRow = (row: number, eta: string, gamma: string, label = '', directions = false): string[] => [
  label,
  eta,
  gamma,
  path2d(row, 'MOMENTUM'),
  `=RATE(grad,B${row},C${row})`,
  ...(directions ? directionRates(row) : []),
];
const ewmaRow = (row: number, gamma: string): string[] => [gamma, `=1/(1-A${row})`, `=A${row}^B${row}`, `=EWMA_WEIGHTS(A${row},40)`];
/** A regression row: mom, the run, its final loss and final w1, w2, b (as the chapter prints them). */
const regressionRow = (row: number, mom: string, options = ''): string[] => [
  mom,
  `=REGRESSION(lr,A${row}${options})`,
  `=B${row}.loss`,
  `=B${row}.w1`,
  `=B${row}.w2`,
  `=B${row}.b`,
];
/** tf.train.momentum and PyTorch: lr outside the velocity. */
const PYTORCH = ",3,10,2,'pytorch'";

export { GRADIENT_FORMULA } from './chapterVocabulary';

/** The default sheet's rows (exported so presets can start from them). */
export const DEFAULT_ROWS: SheetRows = {
  1: [note('note.intro')],
  2: [note('note.problem')],
  3: ['f =', '=0.1*x1^2+2*x2^2'],
  4: [note('note.start'), '-5', '-2'],
  5: [note('note.steps'), '15'],
  6: [note('note.gradSwitch'), 'printed', note('note.gradMode')],
  7: [note('note.gradUsed'), GRADIENT_FORMULA],
  8: ['∇f =', '=GRAD(f)'],
  11: [note('note.gd')],
  // F–I of the momentum rows: measured rate and ρ along eigendirection 1, then 2 (the note says so).
  12: ['', 'η', 'γ', '', note('note.rate'), note('note.directions')],
  13: gdRow(13, '0.9'),
  14: gdRow(14, '1.1'),
  15: [note('note.momentum')],
  16: momentumRow(16, '0.9', '0.2', '', true),
  17: momentumRow(17, '1.1', '0.2', '', true),
  18: momentumRow(18, '=POLYAK_LR(grad)', '=POLYAK_MOMENTUM(grad)', 'Polyak', true),
  // Math labels read the same in every language.
  19: ['1/(1−γ)', '=1/(1-gamma)', 'η/(1−γ)', '=eta/(1-gamma)', note('note.ewmaMomentum')],
  20: [note('note.eigenvalues'), '=EIGENVALUES(grad)', note('note.theory')],
  21: [note('note.trueEigenvalues'), '=EIGENVALUES(f)'],
  22: [note('note.ewma')],
  23: ['γ', '1/(1−γ)', 'γ^(1/(1−γ))', '(1−γ)·γ^i'],
  24: ewmaRow(24, '0.95'),
  25: ewmaRow(25, '0.9'),
  26: ewmaRow(26, '0.6'),
  28: [note('note.regression')],
  29: ['lr', '0.2'],
  30: ['mom', '', note('note.loss'), 'w1', 'w2', 'b'],
  31: regressionRow(31, '0.99'),
  32: regressionRow(32, '0.9'),
  33: regressionRow(33, '0.5'),
  35: [note('note.framework')],
  // Gluon's Trainer('sgd', momentum) is the default 'mxnet' rule, lr inside the velocity: the same runs as above.
  36: ['', note('note.gluon')],
  37: regressionRow(37, '0.99'),
  38: regressionRow(38, '0.9'),
  39: regressionRow(39, '0.5'),
  40: ['', note('note.pytorch')],
  41: regressionRow(41, '0.99', PYTORCH),
  42: regressionRow(42, '0.9', PYTORCH),
  43: regressionRow(43, '0.5', PYTORCH),
  44: [note('note.conventions')],
  46: [note('note.exercises')],
  47: regressionRow(47, '0'),
  48: ['', '=SGD(lr)', '=B48.loss', '=B48.w1', '=B48.w2', '=B48.b', note('note.sgd')],
  49: ['max |Δloss|', '=MAX_ABS_DIFF(B47.losses,B48.losses)', note('note.sgdSame')],
  50: momentumRow(50, '0.6', '0.5'),
};

export const DEFAULT_NAMES: Readonly<Record<string, CellAddress>> = {
  f: 'B3',
  x1_0: 'B4',
  x2_0: 'C4',
  steps: 'B5',
  grad_mode: 'B6',
  grad: 'B7',
  eta: 'B16',
  gamma: 'C16',
  lr: 'B29',
};

export const DEFAULT_CHARTS: readonly ChartBinding[] = [
  { id: 'paths', kind: 'trajectories', source: 'D13:D18' },
  { id: 'ewma', kind: 'ewma', source: 'A24:A26' },
  { id: 'loss', kind: 'loss', source: 'B31:B48' },
  { id: 'rate', kind: 'rateMap', source: 'B20' },
  { id: 'eigen', kind: 'eigen', source: 'D16' },
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
    cols: 10,
    cells: cellsFromRows(DEFAULT_ROWS),
    names: { ...DEFAULT_NAMES },
    colWidths: { A: 130, B: 150, D: 250 },
    charts: DEFAULT_CHARTS,
    pins: [],
    validations: { B6: GRADIENT_CHOICES },
  };
}
