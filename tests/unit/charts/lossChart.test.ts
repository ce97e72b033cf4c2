import { describe, expect, test } from 'vitest';
import { buildLossOption } from '../../../src/charts/lossChart';
import { logAxisInterval, lossData, lossEpochs, lossExitEpoch, lossRange, type LossRun } from '../../../src/charts/lossAxes';
import { buildLossSmallMultiples, smallMultiplesColumns, smallMultiplesHeight } from '../../../src/charts/lossSmallMultiples';
import { formatNumber } from '../../../src/charts/format';
import { themeColors } from '../../../src/charts/theme';
import { chapterLossRuns, divergingLossRun } from './chartFixtures';
import { allSeries, callFormatter, component, seriesById } from './optionAccess';

const chapter = chapterLossRuns('light', 1, [2]);
const diverging = divergingLossRun('light');

describe('loss chart (overlaid runs)', () => {
  const option = buildLossOption({ scheme: 'light', width: 900, runs: chapter });

  test('one line per run; x is step / stepsPerEpoch, so 3 epochs of 100 batches end at 3', () => {
    expect(allSeries(option).map((s) => s.id)).toEqual(['loss:C20', 'loss:C21', 'loss:C22']);
    const data = seriesById(option, 'loss:C21').data as number[][];
    expect(data).toHaveLength(301);
    expect(data[150]).toEqual([1.5, chapter[1].losses[150], 150]);
    expect(data[300][0]).toBe(3);
  });

  test('the y axis is logarithmic over whole decades that hold every loss', () => {
    const y = component(option, 'yAxis');
    expect(y.type).toBe('log');
    expect(Number.isInteger(Math.log10(y.min))).toBe(true);
    expect(Number.isInteger(Math.log10(y.max))).toBe(true);
    for (const run of chapter) for (const loss of Array.from(run.losses)) expect(loss >= y.min && loss <= y.max).toBe(true);
  });

  test('the chapter\'s story is visible: mom 0.99 ends far above where it started, 0.9 and 0.5 far below', () => {
    const last = (run: LossRun) => run.losses[run.losses.length - 1];
    expect(last(chapter[0])).toBeGreaterThan(chapter[0].losses[0]);
    expect(last(chapter[1])).toBeLessThan(chapter[1].losses[0] / 1000);
    expect(last(chapter[2])).toBeLessThan(chapter[2].losses[0] / 1000);
  });

  test('pinned runs are dashed', () => {
    expect(seriesById(option, 'loss:C22').lineStyle.type).toBe('dashed');
    expect(seriesById(option, 'loss:C20').lineStyle.type).toBe('solid');
  });

  test('a run whose colour repeats an earlier one is dotted', () => {
    const repeated = buildLossOption({ scheme: 'light', width: 900, runs: [chapter[0], { ...chapter[1], colorRepeat: 1 }] });
    expect(seriesById(repeated, 'loss:C21').lineStyle.type).toBe('dotted');
  });

  test('the legend leaves out what every run shares (lr), so it tells the runs apart at a glance', () => {
    const labelled = buildLossOption({ scheme: 'light', width: 900, runs: chapter.map((run, i) => ({ ...run, label: `${run.id} lr=0.2 mom=${[0.99, 0.9, 0.5][i]}` })) });
    expect((component(labelled, 'legend') as { data: string[] }).data).toEqual(['C20 mom=0.99', 'C21 mom=0.9', 'C22 mom=0.5']);
  });

  test('tooltip shows epoch, batch, loss and each run\'s hyperparameters', () => {
    const rows = [0, 1].map((i) => ({ seriesId: `loss:${chapter[i].id}`, seriesName: chapter[i].label, value: [1.5, chapter[i].losses[150], 150] }));
    const html = callFormatter(option, rows);
    expect(html).toContain('epoch 1.5 · batch 150');
    expect(html).toContain('lr 0.2, mom 0.99, mxnet');
    expect(html).toContain('lr 0.2, mom 0.9, mxnet');
    expect(html).toContain(`mom 0.9: ${formatNumber(chapter[1].losses[150])}`);
  });

  test('a diverging run does not squash the others: the axis stops 1000× above the start loss', () => {
    const both = buildLossOption({ scheme: 'light', width: 900, runs: [...chapter, diverging] });
    const y = component(both, 'yAxis');
    expect(Math.max(...Array.from(diverging.losses).filter(Number.isFinite))).toBeGreaterThan(1e10);
    expect(y.max).toBeLessThanOrEqual(diverging.losses[0] * 1e3 * 10);
    expect(y.min).toBe(component(option, 'yAxis').min);
  });

  test('a diverging run is marked where it leaves the top of the axis', () => {
    const both = buildLossOption({ scheme: 'light', width: 900, runs: [...chapter, diverging] });
    const [yMin, yMax] = lossRange([...chapter, diverging]);
    expect(yMin).toBeLessThan(yMax);
    const marker = seriesById(both, 'loss:C30').markPoint;
    expect(marker.data).toHaveLength(1);
    const [epoch, y] = marker.data[0].coord;
    expect(y).toBe(yMax);
    const step = epoch * diverging.stepsPerEpoch;
    const below = Math.floor(step);
    expect(diverging.losses[below]).toBeLessThanOrEqual(yMax);
    expect(diverging.losses[below + 1]).toBeGreaterThan(yMax);
    expect(marker.label.formatter).toBe('diverges');
    expect(seriesById(both, 'loss:C20').markPoint.data).toEqual([]);
  });

  test('non-finite and non-positive losses become gaps, not points a log axis cannot place', () => {
    const run: LossRun = { ...chapter[0], losses: Float64Array.of(10, 0, -1, NaN, Infinity, 5), divergedAt: null };
    const data = seriesById(buildLossOption({ scheme: 'light', width: 900, runs: [run] }), 'loss:C20').data;
    expect(data.map((d: unknown) => d === '-')).toEqual([false, true, true, true, true, false]);
  });

  test('narrow: legend below; dark: dark background', () => {
    expect(component(buildLossOption({ scheme: 'light', width: 360, runs: chapter }), 'legend').bottom).toBeDefined();
    expect(buildLossOption({ scheme: 'dark', width: 900, runs: chapter }).backgroundColor).toBe(themeColors('dark').background);
  });
});

describe('loss axes helpers', () => {
  test('lossRange: whole decades around the data; a fallback when there is none', () => {
    const run = (losses: number[]): LossRun => ({ ...chapter[0], losses: Float64Array.from(losses) });
    expect(lossRange([run([17, 4e-5])])).toEqual([1e-5, 100]);
    expect(lossRange([run([NaN])])).toEqual([0.1, 10]);
  });

  test('logAxisInterval labels every decade when few, every other when many', () => {
    expect(logAxisInterval(1e-5, 1e5, 10)).toBe(1);
    expect(logAxisInterval(1e-5, 1e5, 6)).toBe(2);
  });

  test('a run recorded every lossStride-th step is drawn at its steps, the last loss at the last step', () => {
    // T = 10 steps, 5 per epoch, recorded after steps 0, 4, 8 and 10.
    const strided: LossRun = { ...chapter[0], losses: Float64Array.of(8, 4, 2, 1), stepsPerEpoch: 5, lossStride: 4, totalSteps: 10, divergedAt: null };
    expect(lossData(strided)).toEqual([[0, 8, 0], [0.8, 4, 4], [1.6, 2, 8], [2, 1, 10]]);
    expect(lossEpochs([strided])).toBe(2);
    // Leaving a top of 3 between the losses 4 (step 4) and 2 (step 8): interpolated in log space between those steps.
    const exit = lossExitEpoch({ ...strided, losses: Float64Array.of(1, 2, 4, 8), divergedAt: 8 }, 3);
    expect(exit).toBeCloseTo((4 + (4 * Math.log(3 / 2)) / Math.log(2)) / 5, 12);
  });

  test('lossExitEpoch interpolates the crossing in log space', () => {
    const run: LossRun = { ...chapter[0], losses: Float64Array.of(1, 10, 1000), stepsPerEpoch: 1, divergedAt: null };
    expect(lossExitEpoch(run, 100)).toBeCloseTo(1.5, 12);
    expect(lossExitEpoch({ ...run, losses: Float64Array.of(1, 2, 3) }, 100)).toBeNull();
  });
});

describe('loss small multiples (a sweep)', () => {
  const runs = [...chapter, diverging];
  const option = buildLossSmallMultiples({ scheme: 'light', width: 900, runs });
  const axes = (key: 'xAxis' | 'yAxis') => option[key] as { min: number; max: number; gridIndex: number; axisLabel: { show: boolean } }[];

  test('one grid, axis pair, title and series per run, each series on its own axes', () => {
    expect(option.grid).toHaveLength(4);
    expect(axes('xAxis')).toHaveLength(4);
    expect(option.title).toHaveLength(4);
    allSeries(option).forEach((series, i) => {
      expect(series.xAxisIndex).toBe(i);
      expect(series.yAxisIndex).toBe(i);
      expect(axes('xAxis')[i].gridIndex).toBe(i);
    });
  });

  test('every cell shares the same y range and x range, and the same plot size', () => {
    const ys = axes('yAxis');
    expect(new Set(ys.map((y) => `${y.min}:${y.max}`)).size).toBe(1);
    expect(new Set(axes('xAxis').map((x) => `${x.min}:${x.max}`)).size).toBe(1);
    expect([ys[0].min, ys[0].max]).toEqual([...lossRange(runs)]);
    const grids = option.grid as { width: number; height: number }[];
    expect(new Set(grids.map((g) => `${g.width}x${g.height}`)).size).toBe(1);
  });

  test('4 runs at 900 px make a 2 × 2 grid: y labels on the left column, x labels on the bottom row', () => {
    expect(smallMultiplesColumns(4, 900)).toBe(2);
    expect(axes('yAxis').map((y) => y.axisLabel.show)).toEqual([true, false, true, false]);
    expect(axes('xAxis').map((x) => x.axisLabel.show)).toEqual([false, false, true, true]);
  });

  test('narrow: one column; the container height grows with the rows', () => {
    expect(smallMultiplesColumns(4, 360)).toBe(1);
    expect(smallMultiplesHeight({ runs, width: 360 })).toBeGreaterThan(2 * smallMultiplesHeight({ runs, width: 900 }) - 100);
  });
});
