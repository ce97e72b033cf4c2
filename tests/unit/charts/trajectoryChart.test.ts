import { describe, expect, test } from 'vitest';
import { CONTOUR_SERIES_ID } from '../../../src/charts/contourSeries';
import { contains } from '../../../src/charts/geometry';
import { themeColors } from '../../../src/charts/theme';
import {
  ALL_ARROWS,
  buildTrajectoryOption,
  START_HANDLE_SERIES_ID,
  type TrajectoryViewModel,
} from '../../../src/charts/trajectoryChart';
import { chapterScene, START } from './chartFixtures';
import { allSeries, callFormatter, component, points, seriesById } from './optionAccess';

const scene = chapterScene('light', 80, 8);
const model = (overrides: Partial<TrajectoryViewModel> = {}): TrajectoryViewModel => ({
  scheme: 'light',
  width: 900,
  ...scene,
  start: START,
  arrows: [],
  ...overrides,
});

describe('trajectory chart: composition', () => {
  test('contours, one line per run and the start handle, in that order', () => {
    const ids = allSeries(buildTrajectoryOption(model())).map((s) => s.id);
    expect(ids).toEqual([CONTOUR_SERIES_ID, 'run:B10', 'run:B11', 'run:B12', 'run:B13', START_HANDLE_SERIES_ID]);
  });

  test('the legend lists the runs (not contours or handle), duplicate labels made unique', () => {
    const runs = [scene.runs[0], { ...scene.runs[2], label: scene.runs[0].label }];
    const legend = component(buildTrajectoryOption(model({ runs })), 'legend');
    expect(legend.data).toEqual(['GD η=0.9', 'GD η=0.9 (2)']);
  });

  test('axes keep exactly the region of interest', () => {
    const option = buildTrajectoryOption(model());
    expect([component(option, 'xAxis').min, component(option, 'xAxis').max]).toEqual([...scene.region.x1]);
    expect([component(option, 'yAxis').min, component(option, 'yAxis').max]).toEqual([...scene.region.x2]);
  });

  test('no start: no handle; no contours: no contour series', () => {
    const ids = allSeries(buildTrajectoryOption(model({ start: null, contours: null }))).map((s) => s.id);
    expect(ids).not.toContain(START_HANDLE_SERIES_ID);
    expect(ids).not.toContain(CONTOUR_SERIES_ID);
  });

  test('the start handle sits on the start', () => {
    expect(seriesById(buildTrajectoryOption(model()), START_HANDLE_SERIES_ID).data).toEqual([[-5, -2]]);
  });
});

describe('trajectory chart: contours', () => {
  const contours = seriesById(buildTrajectoryOption(model()), CONTOUR_SERIES_ID);

  test('straight segments without symbols in one muted colour, not interactive', () => {
    expect(contours.smooth).toBe(false);
    expect(contours.symbol).toBe('none');
    expect(contours.lineStyle.color).toBe(themeColors('light').contour);
    expect(contours.silent).toBe(true);
  });

  test('every polyline point is drawn, polylines separated by one break each', () => {
    const polylines = scene.contours.contours.flatMap((level) => level.lines);
    const expected = polylines.flatMap((line) => Array.from({ length: line.length / 2 }, (_, i) => [line[2 * i], line[2 * i + 1]]));
    expect(points(contours)).toEqual(expected);
    expect((contours.data as unknown[]).filter((item) => item === '-')).toHaveLength(polylines.length - 1);
  });

  test('the same ContourResult gives the same data array (so live edits can skip it)', () => {
    const again = seriesById(buildTrajectoryOption(model({ scheme: 'dark' })), CONTOUR_SERIES_ID);
    expect(again.data).toBe(contours.data);
    expect(again.lineStyle.color).toBe(themeColors('dark').contour);
  });
});

describe('trajectory chart: runs', () => {
  test('a converging run is drawn with a marker at every iterate, in the colour of its cell', () => {
    const run = scene.runs[2];
    const series = seriesById(buildTrajectoryOption(model()), 'run:B12');
    expect(series.showSymbol).toBe(true);
    expect(series.showAllSymbol).toBe(true);
    expect(series.smooth).toBe(false);
    expect(series.lineStyle.color).toBe(run.color);
    expect(series.data).toEqual(Array.from(run.result.x1, (x, t) => [x, run.result.x2[t], t]));
  });

  test('pinned runs are dashed, live runs solid', () => {
    const runs = [scene.runs[0], { ...scene.runs[1], pinned: true }];
    const option = buildTrajectoryOption(model({ runs }));
    expect(seriesById(option, 'run:B10').lineStyle.type).toBe('solid');
    expect(seriesById(option, 'run:B11').lineStyle.type).toBe('dashed');
  });

  test('the diverging GD η=1.1 run is clipped at the axis and marked "diverges" where it leaves', () => {
    const option = buildTrajectoryOption(model());
    const diverging = seriesById(option, 'run:B11');
    const drawn = points(diverging);
    for (const [x, y] of drawn) expect(contains(scene.region, x, y)).toBe(true);
    const marker = diverging.markLine;
    expect(marker.data).toHaveLength(1);
    expect(marker.label.formatter).toBe('diverges');
    expect(marker.symbol).toEqual(['none', 'arrow']);
    const [from, to] = marker.data[0];
    expect(to.coord).toEqual(drawn[drawn.length - 1]);
    // It leaves through the top edge (x2_3 = 3.456 > 3), coming from the iterate x_2.
    expect(to.coord[1]).toBeCloseTo(scene.region.x2[1], 12);
    expect(from.coord).toEqual([scene.runs[1].result.x1[2], scene.runs[1].result.x2[2]]);
  });

  test('converging runs carry an empty marker list, with the same keys as a diverging run', () => {
    const option = buildTrajectoryOption(model());
    const converging = seriesById(option, 'run:B10');
    expect(converging.markLine.data).toEqual([]);
    expect(Object.keys(converging).sort()).toEqual(Object.keys(seriesById(option, 'run:B11')).sort());
  });

  test('runs that leave the plot at the same point share one label that names them, instead of a pile of labels', () => {
    // The same diverging run three times over (as four of the chapter's runs do with the true gradient).
    const twin = (id: string, label: string) => ({ ...scene.runs[1], id, label });
    const option = buildTrajectoryOption(model({ runs: [scene.runs[0], twin('B11', 'B11 gd η=1.1'), twin('C11', 'C11 gd η=1.1'), twin('D11', 'D11 gd η=1.1')] }));
    const labels = ['run:B11', 'run:C11', 'run:D11'].map((id) => seriesById(option, id).markLine.label);
    expect(labels.map((label) => label.show)).toEqual([true, false, false]);
    expect(labels[0].formatter).toBe('B11, C11, D11: diverges');
    expect(labels[0].color).toBe(themeColors('light').ink);
    // Each still draws its own exit arrow.
    for (const id of ['run:B11', 'run:C11', 'run:D11']) expect(seriesById(option, id).markLine.data).toHaveLength(1);
    // A run leaving alone keeps its own label.
    expect(seriesById(buildTrajectoryOption(model()), 'run:B11').markLine.label).toMatchObject({ show: true, formatter: 'diverges' });
  });

  test('the "diverges" text can be translated', () => {
    const option = buildTrajectoryOption(model({ text: { diverges: '发散' } }));
    expect(seriesById(option, 'run:B11').markLine.label.formatter).toBe('发散');
  });
});

describe('trajectory chart: arrows', () => {
  const withArrows = buildTrajectoryOption(model({ arrows: ALL_ARROWS }));

  test('off: no arrows at all', () => {
    expect(allSeries(buildTrajectoryOption(model())).filter((s) => s.type === 'lines')).toEqual([]);
  });

  test('on: momentum runs get step, velocity and special-gradient arrows; plain GD (γ = 0) only the step', () => {
    const ids = allSeries(withArrows).filter((s) => s.type === 'lines').map((s) => s.id);
    expect(ids).toEqual([
      'arrows:step:B10',
      'arrows:step:B11',
      'arrows:step:B12',
      'arrows:velocity:B12',
      'arrows:special:B12',
      'arrows:step:B13',
      'arrows:velocity:B13',
      'arrows:special:B13',
    ]);
  });

  test('the first gradient-step arrow of GD η=0.9 goes from the start to start − η·(0.2·x1, 2·x2)', () => {
    const first = seriesById(withArrows, 'arrows:step:B10').data[0];
    const [[a1, a2], [b1, b2]] = first.coords;
    expect([a1, a2]).toEqual([-5, -2]);
    expect(b1).toBeCloseTo(-5 - 0.9 * 0.2 * -5, 12);
    expect(b2).toBeCloseTo(-2 - 0.9 * 2 * -2, 12);
  });

  test('the special-gradient arrow is the step divided by 1 − γ (first step, momentum η=0.9 γ=0.2)', () => {
    const step = 0.9 * 2 * -2;
    const [, [, tip2]] = seriesById(withArrows, 'arrows:special:B12').data[0].coords;
    expect(tip2).toBeCloseTo(-2 - step / (1 - 0.2), 12);
  });

  test('velocity arrows end on the next iterate (x_{t+1} = x_t − v_{t+1})', () => {
    const run = scene.runs[2].result;
    const arrows = seriesById(withArrows, 'arrows:velocity:B12').data as { coords: number[][]; name: string }[];
    expect(arrows.length).toBeGreaterThan(5);
    for (const arrow of arrows) {
      const t = Number(/t = (\d+)/.exec(arrow.name)?.[1]);
      expect(arrow.coords[1][0]).toBeCloseTo(run.x1[t + 1], 12);
      expect(arrow.coords[1][1]).toBeCloseTo(run.x2[t + 1], 12);
    }
  });

  test('arrows never reach outside the region, and arrows too short to see are dropped', () => {
    for (const series of allSeries(withArrows).filter((s) => s.type === 'lines')) {
      for (const { coords } of series.data as { coords: number[][] }[]) {
        for (const [x, y] of coords) expect(contains(scene.region, x, y)).toBe(true);
        expect(Math.hypot(coords[1][0] - coords[0][0], coords[1][1] - coords[0][1])).toBeGreaterThan(0.01);
      }
    }
  });

  test('a key naming the arrow kinds appears only with arrows', () => {
    expect(component(withArrows, 'title').show).toBe(true);
    expect(component(withArrows, 'title').text).toContain('η∇f/(1−γ)');
    expect(component(buildTrajectoryOption(model()), 'title').show).toBe(false);
    const gdOnly = buildTrajectoryOption(model({ runs: scene.runs.slice(0, 1), arrows: ALL_ARROWS }));
    expect(component(gdOnly, 'title').text).toBe('— η∇f');
  });
});

describe('trajectory chart: layout and scheme', () => {
  test('narrow (< 600 px): legend below the plot, fewer axis labels, smaller markers', () => {
    const wide = buildTrajectoryOption(model({ width: 900 }));
    const narrow = buildTrajectoryOption(model({ width: 360 }));
    expect(component(wide, 'legend').top).toBeDefined();
    expect(component(narrow, 'legend').bottom).toBeDefined();
    expect(component(narrow, 'legend').top).toBeUndefined();
    expect(component(narrow, 'xAxis').splitNumber).toBeLessThan(component(wide, 'xAxis').splitNumber);
    expect(seriesById(narrow, 'run:B10').symbolSize).toBeLessThan(seriesById(wide, 'run:B10').symbolSize);
    expect(component(narrow, 'grid').bottom).toBeGreaterThan(component(wide, 'grid').bottom);
  });

  test('dark scheme: dark background and light text, run colours as given', () => {
    const dark = chapterScene('dark', 80, 8);
    const option = buildTrajectoryOption({ ...model(), ...dark, scheme: 'dark' });
    expect(option.backgroundColor).toBe(themeColors('dark').background);
    expect(component(option, 'legend').textStyle.color).toBe(themeColors('dark').text);
    expect(seriesById(option, 'run:B10').lineStyle.color).toBe(dark.runs[0].color);
    expect(dark.runs[0].color).not.toBe(scene.runs[0].color);
  });
});

describe('trajectory chart: tooltip', () => {
  test('shows the iterate, its f and escapes a label that looks like markup', () => {
    const runs = [{ ...scene.runs[0], label: '<img src=x onerror=alert(1)>' }];
    const option = buildTrajectoryOption(model({ runs }));
    const run = runs[0].result;
    const html = callFormatter(option, {
      seriesId: 'run:B10',
      seriesName: runs[0].label,
      seriesType: 'line',
      value: [run.x1[1], run.x2[1], 1],
    });
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('t = 1');
    expect(html).toContain(`f = ${Number(run.f[1].toPrecision(4))}`);
  });
});
