import { describe, expect, it } from 'vitest';
import { runPath2D } from '../../../src/core/optimize2d';
import {
  buildSweepHeatmap,
  DIVERGED_SERIES_ID,
  logRange,
  sweepCellAt,
  SWEEP_SERIES_ID,
  type SweepHeatmapViewModel,
} from '../../../src/charts/sweepHeatmap';
import { OBJECTIVE, START } from './chartFixtures';
import { allSeries, callFormatter, component, seriesById, type Loose } from './optionAccess';

/**
 * A real sweep, config by config with the float64 reference runPath2D: heavy ball on the
 * chapter's f = 0.1·x1² + 2·x2² with its true gradient, so the Hessian is diag(0.2, 4). The heavy
 * ball converges along λ iff ηλ < 2(1 + γ): along λ = 4 it diverges for η > (1 + γ)/2, i.e.
 * here (0.7, 0), (0.9, 0) and (0.9, 0.5); every other config converges.
 */
const LRS = Float64Array.of(0.05, 0.2, 0.4, 0.7, 0.9);
const MOMENTA = Float64Array.of(0, 0.5, 0.9);
const STEPS = 40;

function chapterSweep(): SweepHeatmapViewModel {
  const final = new Float64Array(LRS.length * MOMENTA.length);
  const divergedAt = new Int32Array(final.length);
  MOMENTA.forEach((gamma, row) => {
    LRS.forEach((eta, column) => {
      const run = runPath2D({ kind: 'path2d', method: 'momentum', objective: OBJECTIVE, gradient: null, start: START, eta, gamma, steps: STEPS });
      if (run.kind !== 'path2d') throw new Error(run.message);
      const i = row * LRS.length + column;
      final[i] = run.f[run.f.length - 1];
      divergedAt[i] = run.divergedAt ?? -1;
    });
  });
  return { scheme: 'light', width: 640, lrs: LRS, momenta: MOMENTA, final, divergedAt };
}

const diverges = (eta: number, gamma: number) => eta * 4 >= 2 * (1 + gamma);
const cellsOf = (series: Loose) => (series.data as number[][]).map(([c, r]) => `${c},${r}`).sort();

describe('sweep heatmap', () => {
  const vm = chapterSweep();
  const option = buildSweepHeatmap(vm);
  const index = (column: number, row: number) => row * LRS.length + column;

  it('the fixture diverges exactly where heavy-ball theory says (ηλ > 2(1 + γ))', () => {
    MOMENTA.forEach((gamma, row) =>
      LRS.forEach((eta, column) => expect(vm.divergedAt[index(column, row)] >= 0, `η ${eta}, γ ${gamma}`).toBe(diverges(eta, gamma))),
    );
  });

  it('the axes are the sweep’s learning rates across and its momenta up, in order', () => {
    expect((component(option, 'xAxis').data as string[]).map(Number)).toEqual(Array.from(LRS));
    expect((component(option, 'yAxis').data as string[]).map(Number)).toEqual(Array.from(MOMENTA));
    // A cell's [column, row] reads back as the (lr, momentum) it was run with.
    expect(sweepCellAt(vm, [3, 1])).toEqual({ lr: 0.7, momentum: 0.5 });
    expect(sweepCellAt(vm, [LRS.length, 0])).toBeNull();
  });

  it('diverged configs are in the diverged series, with their step, and nowhere on the colour scale', () => {
    const diverged = seriesById(option, DIVERGED_SERIES_ID);
    const converged = seriesById(option, SWEEP_SERIES_ID);
    expect(cellsOf(diverged)).toEqual(['3,0', '4,0', '4,1']);
    for (const [c, r, step] of diverged.data as number[][]) expect(step).toBe(vm.divergedAt[index(c, r)]);
    expect(cellsOf(converged)).toHaveLength(LRS.length * MOMENTA.length - 3);
    expect(cellsOf(converged).filter((cell) => cellsOf(diverged).includes(cell))).toEqual([]);
    // The visual map colours the converged series only; the diverged one has its own colour and legend entry.
    const visualMap = component(option, 'visualMap');
    expect(allSeries(option)[visualMap.seriesIndex as number].id).toBe(SWEEP_SERIES_ID);
    expect(diverged.itemStyle.color).toMatch(/^#/);
    expect(component(option, 'legend').data).toEqual([diverged.name]);
  });

  it('the log10 colour scale covers every finite positive final value of a converged config, in whole decades', () => {
    const visualMap = component(option, 'visualMap');
    const logs = (seriesById(option, SWEEP_SERIES_ID).data as number[][]).map(([c, r, v]) => {
      // Each cell's value is log10 of that config's final f.
      expect(v).toBeCloseTo(Math.log10(vm.final[index(c, r)]), 12);
      return v;
    });
    const [lo, hi] = [visualMap.min as number, visualMap.max as number];
    expect(Math.min(...logs)).toBeGreaterThanOrEqual(lo);
    expect(Math.max(...logs)).toBeLessThanOrEqual(hi);
    expect(Number.isInteger(lo) && Number.isInteger(hi)).toBe(true);
    // Tight: no more than one spare decade at either end.
    expect(Math.min(...logs) - lo).toBeLessThan(1);
    expect(hi - Math.max(...logs)).toBeLessThan(1);
    expect(visualMap.text).toEqual([`1e${hi}`, `1e${lo}`]);
    // Diverged runs end far above where they started and must not stretch the scale.
    const divergedFinal = Math.max(...Array.from(vm.final).filter((_, i) => vm.divergedAt[i] >= 0));
    expect(Math.log10(divergedFinal)).toBeGreaterThan(hi);
  });

  it('a final value of 0 sits at the low end; with no positive converged value the scale is [1e-1, 1e1]', () => {
    const small = { lrs: Float64Array.of(0.1, 0.2, 0.3), momenta: Float64Array.of(0.5), divergedAt: Int32Array.of(-1, -1, -1) };
    const final = Float64Array.of(0, 3e-4, 2e-2);
    const withZero = buildSweepHeatmap({ scheme: 'dark', width: 400, ...small, final });
    expect(seriesById(withZero, SWEEP_SERIES_ID).data).toEqual([[0, 0, -4], [1, 0, Math.log10(3e-4)], [2, 0, Math.log10(2e-2)]]);
    expect([component(withZero, 'visualMap').min, component(withZero, 'visualMap').max]).toEqual([-4, -1]);
    // A single value gets a decade either side; only diverged (or zero) values give the default.
    expect(logRange({ final: Float64Array.of(1e-3), divergedAt: Int32Array.of(-1) })).toEqual([-4, -2]);
    expect(logRange({ final: Float64Array.of(5, 0), divergedAt: Int32Array.of(3, -1) })).toEqual([-1, 1]);
  });

  it('the tooltip reads a finished config’s lr, momentum and final loss, and a diverged one’s step', () => {
    const finished = index(1, 1);
    const html = callFormatter(option, { seriesId: SWEEP_SERIES_ID, value: [1, 1, Math.log10(vm.final[finished])] });
    const match = /^learning rate = 0\.2, momentum = 0\.5<br\/>final loss = (\S+)$/.exec(html);
    expect(match, html).not.toBeNull();
    // Four significant digits of the config's own final value, not of the colour-scale log.
    expect(Math.abs(Number(match?.[1]) / vm.final[finished] - 1)).toBeLessThan(5e-4);
    const diverged = index(4, 1);
    expect(callFormatter(option, { seriesId: DIVERGED_SERIES_ID, value: [4, 1, vm.divergedAt[diverged]] })).toBe(
      `learning rate = 0.9, momentum = 0.5<br/>diverged at step ${vm.divergedAt[diverged]}`,
    );
  });

  it('the tooltip uses the given labels, escaped, and adds the click rule', () => {
    const labelled = buildSweepHeatmap({ ...vm, text: { lr: 'η', momentum: 'γ', value: 'f <final>', divergedAt: '发散于第 {step} 步', click: 'click: set η & γ' } });
    const finished = callFormatter(labelled, { value: [0, 2, 0] });
    expect(finished.startsWith('η = 0.05, γ = 0.9<br/>f &lt;final&gt; = ')).toBe(true);
    expect(finished.endsWith('<br/><i>click: set η &amp; γ</i>')).toBe(true);
    expect(callFormatter(labelled, { value: [3, 0, 1] })).toBe(`η = 0.7, γ = 0<br/>发散于第 ${vm.divergedAt[index(3, 0)]} 步<br/><i>click: set η &amp; γ</i>`);
  });
});
