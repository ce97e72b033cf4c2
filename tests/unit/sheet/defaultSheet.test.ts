import { describe, expect, it } from 'vitest';
import { methodRate } from '../../../src/core/quadratic';
import { parseRange, rangeAddresses } from '../../../src/sheet/address';
import { defaultSheet } from '../../../src/sheet/defaultSheet';
import { createEngine, type SheetEngine } from '../../../src/sheet/engine';
import { NOTE_KEYS } from '../../../src/sheet/notes';
import { NOTES } from '../../../src/i18n/notes';
import { PRESETS } from '../../../src/sheet/presets';
import type { RunValue, SheetState } from '../../../src/sheet/types';
import { num, settle } from './helpers';

function settled(state: SheetState): SheetEngine {
  const engine = createEngine(state);
  settle(engine);
  return engine;
}

const cellsOf = (engine: SheetEngine) => Object.keys(engine.toState().cells);

/** Error cells of a settled sheet. */
function errors(engine: SheetEngine): { address: string; code: string }[] {
  return cellsOf(engine).flatMap((address) => {
    const value = engine.value(address);
    return value.kind === 'error' ? [{ address, code: value.code }] : [];
  });
}

/** Every 2-D run of a sheet with the theoretical rate of its row (column E). */
function pathRuns(engine: SheetEngine): { address: string; run: RunValue; rate: number }[] {
  return cellsOf(engine).flatMap((address) => {
    const run = engine.runAt(address);
    const rate = engine.value(address.replace(/^D/, 'E'));
    return run?.request.kind === 'path2d' && rate.kind === 'number' ? [{ address, run, rate: rate.value }] : [];
  });
}

function regression(engine: SheetEngine, address: string) {
  const run = engine.runAt(address);
  if (run?.result.kind !== 'regression') throw new Error(`${address} holds no regression run`);
  return run.result;
}

// Settling runs every run of the chapter with the real core code; allow for a busy machine.
describe('the default sheet', { timeout: 120_000 }, () => {
  it('evaluates as printed with no error and nothing left pending', () => {
    const engine = settled(defaultSheet());
    expect(errors(engine)).toEqual([]);
    expect(engine.runNeeds()).toEqual([]);
    expect(cellsOf(engine).filter((a) => engine.value(a).kind === 'pending')).toEqual([]);
  });

  it('shows the chapter: GD 0.9 creeps in, GD 1.1 diverges from step 1, momentum 1.1 converges', () => {
    const engine = settled(defaultSheet());
    const f0 = 0.1 * 25 + 2 * 4;
    const finalF = (address: string) => {
      const result = engine.runAt(address)?.result;
      if (result?.kind !== 'path2d') throw new Error(`${address} holds no 2-D run`);
      return result.f[result.f.length - 1];
    };
    expect(finalF('D13')).toBeLessThan(f0 / 100);
    expect(engine.runAt('D14')?.divergedAt).toBe(1);
    expect(Math.round(finalF('D14'))).toBe(1899);
    expect(finalF('D17')).toBeLessThan(f0 / 1000);
    expect(['D13', 'D16', 'D17', 'D18'].map((a) => engine.runAt(a)?.divergedAt)).toEqual([null, null, null, null]);
  });

  it.each(['printed', 'corrected'])('with the %s gradient, a 2-D run is flagged diverged exactly when its theoretical rate exceeds 1', (mode) => {
    const engine = createEngine(defaultSheet());
    engine.setCell('B6', mode);
    settle(engine);
    const runs = pathRuns(engine);
    expect(runs.length).toBeGreaterThanOrEqual(6);
    for (const { address, run, rate } of runs) expect(run.divergedAt !== null, address).toBe(rate > 1);
    expect(errors(engine)).toEqual([]);
  });

  it('binds each chart to cells holding what it shows, the SGD run on the loss chart too', () => {
    const engine = settled(defaultSheet());
    const kindsIn = (source: string) => rangeAddresses(parseRange(source)!).map((a) => engine.runAt(a)?.request.kind ?? engine.value(a).kind);
    const charts = Object.fromEntries(defaultSheet().charts.map((c) => [c.kind, c.source]));
    expect(kindsIn(charts.trajectories).filter((k) => k === 'path2d').length).toBeGreaterThanOrEqual(4);
    expect(kindsIn(charts.loss).filter((k) => k === 'regression')).toHaveLength(11);
    expect(rangeAddresses(parseRange(charts.loss)!)).toEqual(expect.arrayContaining(['B47', 'B48']));
    expect(kindsIn(charts.ewma)).toEqual(['number', 'number', 'number']);
    expect(kindsIn(charts.rateMap)).toEqual(['array']);
  });

  it('shows the per-direction rates of the momentum runs: ρ₁, ρ₂ are the heavy ball’s, and the worse of them is the run’s rate', () => {
    const engine = settled(defaultSheet());
    for (const row of [16, 17, 18]) {
      const [eta, gamma] = [num(engine, `B${row}`), num(engine, `C${row}`)];
      expect(num(engine, `G${row}`)).toBeCloseTo(methodRate('momentum', eta, gamma, 0.2), 12);
      expect(num(engine, `I${row}`)).toBeCloseTo(methodRate('momentum', eta, gamma, 2), 12);
      expect(Math.max(num(engine, `G${row}`), num(engine, `I${row}`))).toBe(num(engine, `E${row}`));
      // 15 steps measure the rate to a few per cent.
      expect(Math.abs(num(engine, `F${row}`) / num(engine, `G${row}`) - 1)).toBeLessThan(0.25);
      expect(Math.abs(num(engine, `H${row}`) / num(engine, `I${row}`) - 1)).toBeLessThan(0.25);
    }
  });

  it('the framework section: Gluon’s runs are the from-scratch runs; PyTorch’s agree through epoch 2 and part after the decay', () => {
    const engine = settled(defaultSheet());
    [31, 32, 33].forEach((row, i) => {
      const gluon = regression(engine, `B${37 + i}`);
      expect(gluon).toBe(regression(engine, `B${row}`));
      const pytorch = regression(engine, `B${41 + i}`);
      const [a, b] = [gluon.losses[0], pytorch.losses[0]];
      const decayStep = 2 * gluon.stepsPerEpoch;
      for (let t = 0; t <= decayStep; t += 1) expect(Math.abs(a[t] - b[t])).toBeLessThanOrEqual(1e-6 * a[t]);
      // Final w1, w2, b are shown for both conventions.
      for (const [col, k] of [['D', 0], ['E', 1], ['F', 2]] as const) {
        expect(num(engine, `${col}${37 + i}`)).toBe(gluon.finalParams[0][k]);
        expect(num(engine, `${col}${41 + i}`)).toBe(pytorch.finalParams[0][k]);
      }
    });
    // After the decay the momentum still carried by Gluon's velocity makes the two end apart.
    expect(num(engine, 'C37') / num(engine, 'C41')).toBeGreaterThan(10);
    expect(Math.abs(num(engine, 'D38') - num(engine, 'D42'))).toBeGreaterThan(1e-6);
  });

  it('exercise 2: plain SGD, a separate run, equals momentum 0 loss for loss (max |Δloss| = 0)', () => {
    const engine = settled(defaultSheet());
    const [momentumZero, sgd] = [engine.runAt('B47'), engine.runAt('B48')];
    expect(momentumZero?.request.kind === 'regression' && momentumZero.request.configs[0]).toEqual({ lr: 0.2, momentum: 0, convention: 'mxnet' });
    expect(sgd?.request.kind === 'regression' && sgd.request.configs[0]).toMatchObject({ optimizer: 'sgd' });
    expect(sgd?.result).not.toBe(momentumZero?.result);
    expect(num(engine, 'B49')).toBe(0);
  });

  it('every note it shows is a declared note key (which src/i18n words in both languages)', () => {
    const keys = PRESETS.flatMap((preset) =>
      Object.values(preset.build().cells).flatMap((raw) => [...raw.matchAll(/NOTE\(["']([^"']+)["']\)/g)].map((m) => m[1])),
    );
    expect(keys.length).toBeGreaterThan(10);
    for (const key of keys) expect(NOTE_KEYS, key).toContain(key);
  });
});

/** The English text of the note a cell of a preset shows. */
function noteIn(state: SheetState, address: string): string {
  const key = /NOTE\('([^']+)'\)/.exec(state.cells[address] ?? '')?.[1];
  if (key === undefined) throw new Error(`${address} holds no note`);
  return NOTES[key].en;
}

const preset = (id: string) => PRESETS.find((p) => p.id === id)!;

describe('presets', { timeout: 120_000 }, () => {
  it.each(PRESETS.map((p) => [p.id, p] as const))('%s evaluates with no error, every 2-D run flagged exactly when its rate exceeds 1', (_, p) => {
    const engine = settled(p.build());
    expect(errors(engine)).toEqual([]);
    for (const { address, run, rate } of pathRuns(engine)) expect(run.divergedAt !== null, address).toBe(rate > 1);
    // A sweep runs on the tfjs backend (tests/worker); every other run settles here.
    expect(engine.runNeeds().filter((need) => need.request.kind !== 'sweep2d')).toEqual([]);
  });

  it('the corrected preset’s notes describe its own runs: η, γ and the rates they quote are the cells’', () => {
    const state = preset('corrected').build();
    const engine = settled(state);
    const gd = noteIn(state, 'A11');
    const momentum = noteIn(state, 'A15');
    const two = (address: string) => num(engine, address).toFixed(2).replace(/0$/, '');
    for (const address of ['B13', 'B14']) expect(gd).toContain(`η = ${num(engine, address)}`);
    for (const address of ['E13', 'E14']) expect(gd).toContain(`rate ${two(address)}`);
    expect(momentum).toContain(`γ = ${num(engine, 'C16')}`);
    expect(momentum).toContain(`η = ${num(engine, 'B16')}`);
    expect(momentum).toContain(`γ = ${num(engine, 'C17')}`);
    for (const address of ['E16', 'E17']) expect(momentum).toContain(`rate ${two(address)}`);
    expect(engine.runAt('D14')?.divergedAt).not.toBeNull();
    expect(gd).toContain('diverges');
    expect(gd).not.toContain('1.1');
  });

  it('the chapter’s notes name the chapter’s η', () => {
    const state = defaultSheet();
    expect(noteIn(state, 'A11')).toContain(`η = ${state.cells.B13}`);
    expect(noteIn(state, 'A11')).toContain(`η = ${state.cells.B14}`);
    expect(noteIn(state, 'A15')).toContain(`η = ${state.cells.B17}`);
  });

  it('the Polyak preset: momentum at Polyak’s optimum, the same η without momentum diverges, and a Nesterov run converges', () => {
    const state = preset('polyak').build();
    const engine = settled(state);
    expect(num(engine, 'E16')).toBeCloseTo(0.5194938532959158, 12);
    expect(engine.runAt('D17')?.divergedAt).not.toBeNull();
    const nesterov = engine.runAt('D18');
    expect(nesterov?.request).toMatchObject({ kind: 'path2d', method: 'nesterov' });
    expect(nesterov?.divergedAt).toBeNull();
    expect(num(engine, 'E18')).toBeLessThan(1);
    const note = noteIn(state, 'A15');
    expect(note).toContain('Nesterov');
    expect(note).toContain('diverges');
  });

  it('loading a preset is one undo step', () => {
    const engine = createEngine(defaultSheet());
    engine.loadState(preset('sweep').build());
    expect(engine.toState().charts.map((c) => c.source)).toEqual(['D12:D17', 'B18']);
    engine.undo();
    expect(engine.toState()).toEqual(createEngine(defaultSheet()).toState());
  });
});
