/**
 * One-click starting points. Each builds a whole SheetState (load it with engine.loadState, one
 * undo step). Labels are catalogue keys: preset.chapter, preset.corrected, preset.polyak,
 * preset.sweep, preset.heatmap.
 */
import { cellsFromRows, defaultSheet, note, type SheetRows } from './defaultSheet';
import { parseAddress } from './address';
import type { SheetState } from './types';

export interface Preset {
  readonly id: 'chapter' | 'corrected' | 'polyak' | 'sweep' | 'heatmap';
  /** Message-catalogue key of the preset's title. */
  readonly labelKey: string;
  build(): SheetState;
}

function withRows(base: SheetState, rows: SheetRows): SheetState {
  return { ...base, cells: { ...base.cells, ...cellsFromRows(rows) } };
}

/**
 * The chapter with its erratum fixed: the true gradient, and the later edition's η = 0.4 / 0.6 and
 * (0.6, 0.5), (0.6, 0.25), with notes that describe these runs.
 */
export function correctedProblem(): SheetState {
  return withRows(defaultSheet(), {
    6: ['', 'corrected'],
    11: [note('note.gdCorrected')],
    13: ['', '0.4'],
    14: ['', '0.6'],
    15: [note('note.momentumCorrected')],
    16: ['', '0.6', '0.5'],
    17: ['', '0.6', '0.25'],
  });
}

/**
 * Polyak's optimal η and γ for the gradient in use; the same η without momentum; and Nesterov's
 * look-ahead with its own textbook parameters η = 1/L, γ = (√κ − 1)/(√κ + 1) (L, μ from B20).
 */
export function polyakOptimal(): SheetState {
  return withRows(defaultSheet(), {
    15: [note('note.momentumPolyak')],
    16: ['Polyak', '=POLYAK_LR(grad)', '=POLYAK_MOMENTUM(grad)'],
    17: ['', '=B16', '0'],
    18: [
      'Nesterov',
      '=1/B20[2]',
      '=(SQRT(B20[2]/B20[1])-1)/(SQRT(B20[2]/B20[1])+1)',
      '=NESTEROV(f,x1_0,x2_0,B18,C18,steps,grad)',
      '=NESTEROV_RATE(grad,B18,C18)',
    ],
  });
}

const PROBLEM_ROWS = 8;
const inProblem = (address: string) => (parseAddress(address)?.row ?? Infinity) < PROBLEM_ROWS;

/** One η, momentum from 0 to 0.9: how γ trades speed along x1 against oscillation along x2. */
export function momentumSweep(): SheetState {
  const base = defaultSheet();
  const rows: Record<number, string[]> = {
    10: [note('note.sweep')],
    11: ['', 'η', 'γ', '', note('note.rate')],
  };
  ['0', '0.2', '0.4', '0.6', '0.8', '0.9'].forEach((gamma, i) => {
    const row = 12 + i;
    rows[row] = ['', i === 0 ? '0.9' : '=B12', gamma, `=MOMENTUM(f,x1_0,x2_0,B${row},C${row},steps,grad)`, `=RATE(grad,B${row},C${row})`];
  });
  rows[18] = [note('note.eigenvalues'), '=EIGENVALUES(grad)'];
  const keep = Object.fromEntries(Object.entries(base.cells).filter(([address]) => inProblem(address)));
  return {
    ...base,
    rows: 30,
    cells: { ...keep, ...cellsFromRows(rows) },
    // eta and gamma name the first run's inputs, so the rate map marks it and a click sets it.
    names: { ...Object.fromEntries(Object.entries(base.names).filter(([, address]) => inProblem(address))), eta: 'B12', gamma: 'C12' },
    charts: [
      { id: 'paths', kind: 'trajectories', source: 'D12:D17' },
      { id: 'rate', kind: 'rateMap', source: 'B18' },
    ],
  };
}

/**
 * The chapter's problem with a 32 × 32 sweep of (η, γ) drawn as a heatmap, and one run whose η
 * and γ cells (named eta and gamma) a click on the heatmap sets.
 */
export function sweepHeatmap(): SheetState {
  const base = defaultSheet();
  const rows: Record<number, string[]> = {
    10: ['', 'η', 'γ'],
    11: ['axes', '=LINSPACE(0.05,1.6,32)', '=LINSPACE(0,0.95,32)'],
    12: ['sweep', '=SWEEP(f,x1_0,x2_0,B11,C11,steps,grad)'],
    14: ['picked', '0.9', '0.2', '=MOMENTUM(f,x1_0,x2_0,B14,C14,steps,grad)'],
  };
  const keep = Object.fromEntries(Object.entries(base.cells).filter(([address]) => inProblem(address)));
  return {
    ...base,
    rows: 30,
    cells: { ...keep, ...cellsFromRows(rows) },
    names: { ...Object.fromEntries(Object.entries(base.names).filter(([, address]) => inProblem(address))), eta: 'B14', gamma: 'C14' },
    charts: [
      { id: 'sweep', kind: 'sweep', source: 'B12' },
      { id: 'paths', kind: 'trajectories', source: 'D14' },
    ],
  };
}

export const PRESETS: readonly Preset[] = [
  { id: 'chapter', labelKey: 'preset.chapter', build: defaultSheet },
  { id: 'corrected', labelKey: 'preset.corrected', build: correctedProblem },
  { id: 'polyak', labelKey: 'preset.polyak', build: polyakOptimal },
  { id: 'sweep', labelKey: 'preset.sweep', build: momentumSweep },
  { id: 'heatmap', labelKey: 'preset.heatmap', build: sweepHeatmap },
];
