/**
 * One-click starting points. Each builds a whole SheetState (load it with engine.loadState, one
 * undo step). Labels are catalogue keys: preset.chapter, preset.corrected, preset.polyak,
 * preset.sweep.
 */
import { cellsFromRows, defaultSheet, type SheetRows } from './defaultSheet';
import type { SheetState } from './types';

export interface Preset {
  readonly id: 'chapter' | 'corrected' | 'polyak' | 'sweep';
  /** Message-catalogue key of the preset's title. */
  readonly labelKey: string;
  build(): SheetState;
}

function withRows(base: SheetState, rows: SheetRows): SheetState {
  return { ...base, cells: { ...base.cells, ...cellsFromRows(rows) } };
}

/** The chapter with its erratum fixed: the true gradient, and the later edition's η = 0.4 / 0.6 and (0.6, 0.5), (0.6, 0.25). */
export function correctedProblem(): SheetState {
  return withRows(defaultSheet(), {
    8: ['', 'corrected'],
    15: ['', '0.4'],
    16: ['', '0.6'],
    19: ['', '0.6', '0.5'],
    20: ['', '0.6', '0.25'],
  });
}

/** The momentum runs use Polyak's optimal η and γ for the gradient in use. */
export function polyakOptimal(): SheetState {
  return withRows(defaultSheet(), {
    19: ['', '=POLYAK_LR(grad)', '=POLYAK_MOMENTUM(grad)'],
    20: ['', '=POLYAK_LR(grad)', '0'],
  });
}

/** One η, momentum from 0 to 0.9: how γ trades speed along x1 against oscillation along x2. */
export function momentumSweep(): SheetState {
  const base = defaultSheet();
  const keep = Object.fromEntries(Object.entries(base.cells).filter(([address]) => Number(address.replace(/^[A-Z]+/, '')) <= 10));
  const gammas = ['0', '0.2', '0.4', '0.6', '0.8', '0.9'];
  const rows: Record<number, string[]> = {
    12: ['=NOTE("note.momentum.title")'],
    13: ['=NOTE("note.sweep.text")'],
    14: ['', 'η', 'γ', '=NOTE("label.run")', 'f', '=NOTE("label.rate")'],
  };
  gammas.forEach((gamma, i) => {
    const row = 15 + i;
    const eta = i === 0 ? '0.9' : '=B15';
    rows[row] = ['momentum', eta, gamma, `=MOMENTUM(f,x1_0,x2_0,B${row},C${row},steps,grad)`, `=D${row}.f`, `=RATE(grad,B${row},C${row})`];
  });
  rows[22] = ['=NOTE("label.eigenvalues")', '=EIGENVALUES(grad)'];
  const names = Object.fromEntries(Object.entries(base.names).filter(([, address]) => Number(address.slice(1)) <= 10));
  return {
    ...base,
    rows: 30,
    cells: { ...keep, ...cellsFromRows(rows) },
    names,
    charts: [
      { id: 'trajectories', kind: 'trajectories', source: 'D15:D20' },
      { id: 'rateMap', kind: 'rateMap', source: 'B22' },
    ],
  };
}

export const PRESETS: readonly Preset[] = [
  { id: 'chapter', labelKey: 'preset.chapter', build: defaultSheet },
  { id: 'corrected', labelKey: 'preset.corrected', build: correctedProblem },
  { id: 'polyak', labelKey: 'preset.polyak', build: polyakOptimal },
  { id: 'sweep', labelKey: 'preset.sweep', build: momentumSweep },
];
