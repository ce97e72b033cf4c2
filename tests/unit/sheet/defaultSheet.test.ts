import { describe, expect, it } from 'vitest';
import { parseRange, rangeAddresses } from '../../../src/sheet/address';
import { defaultSheet } from '../../../src/sheet/defaultSheet';
import { createEngine, type SheetEngine } from '../../../src/sheet/engine';
import { NOTE_KEYS } from '../../../src/sheet/notes';
import { PRESETS } from '../../../src/sheet/presets';
import type { SheetState } from '../../../src/sheet/types';
import { num, settle } from './helpers';

function settled(state: SheetState): SheetEngine {
  const engine = createEngine(state);
  settle(engine);
  return engine;
}

/** Error cells of a settled sheet, with the theoretical rate found in the same row's column E. */
function errors(engine: SheetEngine): { address: string; code: string; rate: number | null }[] {
  return Object.keys(engine.toState().cells).flatMap((address) => {
    const value = engine.value(address);
    if (value.kind !== 'error') return [];
    const rate = engine.value(`E${address.replace(/^[A-Z]+/, '')}`);
    return [{ address, code: value.code, rate: rate.kind === 'number' ? rate.value : null }];
  });
}

// Settling runs every run of the chapter with the real core code; allow for a busy machine.
describe('the default sheet', { timeout: 120_000 }, () => {
  it('evaluates as printed with no error and nothing left pending', () => {
    const engine = settled(defaultSheet());
    expect(errors(engine)).toEqual([]);
    expect(engine.runNeeds()).toEqual([]);
    const pending = Object.keys(engine.toState().cells).filter((a) => engine.value(a).kind === 'pending');
    expect(pending).toEqual([]);
  });

  it('shows the chapter: GD 0.9 creeps in, GD 1.1 swings out, momentum 1.1 converges', () => {
    const engine = settled(defaultSheet());
    const f0 = 0.1 * 25 + 2 * 4;
    const part = (address: string, field: string) => {
      const run = engine.runAt(address);
      if (run?.result.kind !== 'path2d') throw new Error(`${address} holds no 2-D run`);
      const series = run.result[field as 'f' | 'x2'];
      return series[series.length - 1];
    };
    expect(part('D13', 'f')).toBeLessThan(f0 / 100);
    expect(Math.abs(part('D14', 'x2'))).toBeGreaterThan(2);
    expect(part('D17', 'f')).toBeLessThan(f0 / 1000);
    expect(num(engine, 'E14')).toBeGreaterThan(1);
    expect(num(engine, 'E17')).toBeLessThan(1);
  });

  it('switched to "corrected", the only errors are #DIVERGED runs whose theoretical rate exceeds 1', () => {
    const engine = createEngine(defaultSheet());
    engine.setCell('B6', 'corrected');
    settle(engine);
    const found = errors(engine);
    expect(found.length).toBeGreaterThan(0);
    for (const error of found) {
      expect(error.code).toBe('#DIVERGED');
      expect(error.rate).toBeGreaterThan(1);
    }
    expect(engine.value('B7')).toEqual({ kind: 'gradient', exprs: ['0.2 * x1', '4 * x2'], derived: true });
  });

  it('binds each chart to cells holding what it shows', () => {
    const engine = settled(defaultSheet());
    const kindsIn = (source: string) => rangeAddresses(parseRange(source)!).map((a) => engine.runAt(a)?.request.kind ?? engine.value(a).kind);
    const charts = Object.fromEntries(defaultSheet().charts.map((c) => [c.kind, c.source]));
    expect(kindsIn(charts.trajectories).filter((k) => k === 'path2d').length).toBeGreaterThanOrEqual(4);
    expect(kindsIn(charts.loss).filter((k) => k === 'regression')).toHaveLength(6);
    expect(kindsIn(charts.ewma)).toEqual(['number', 'number', 'number']);
    expect(kindsIn(charts.rateMap)).toEqual(['array']);
  });

  it('every note it shows is a declared note key (which src/i18n words in both languages)', () => {
    const keys = PRESETS.flatMap((preset) =>
      Object.values(preset.build().cells).flatMap((raw) => [...raw.matchAll(/NOTE\(["']([^"']+)["']\)/g)].map((m) => m[1])),
    );
    expect(keys.length).toBeGreaterThan(10);
    for (const key of keys) expect(NOTE_KEYS, key).toContain(key);
  });
});

describe('presets', { timeout: 120_000 }, () => {
  it.each(PRESETS.map((p) => [p.id, p] as const))('%s evaluates with no error except diverging runs of rate > 1', (_, preset) => {
    const engine = settled(preset.build());
    for (const error of errors(engine)) {
      expect(error.code).toBe('#DIVERGED');
      expect(error.rate).toBeGreaterThan(1);
    }
    expect(engine.runNeeds()).toEqual([]);
  });

  it('the Polyak preset runs momentum at Polyak’s optimum for the gradient in use', () => {
    const engine = settled(PRESETS.find((p) => p.id === 'polyak')!.build());
    expect(num(engine, 'E16')).toBeCloseTo(num(engine, 'E18'), 9);
    expect(num(engine, 'E16')).toBeLessThan(num(engine, 'E17'));
  });

  it('loading a preset is one undo step', () => {
    const engine = createEngine(defaultSheet());
    engine.loadState(PRESETS.find((p) => p.id === 'sweep')!.build());
    expect(engine.toState().charts.map((c) => c.source)).toEqual(['D12:D17', 'B18']);
    engine.undo();
    expect(engine.toState()).toEqual(createEngine(defaultSheet()).toState());
  });
});
