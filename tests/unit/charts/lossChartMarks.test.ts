import { describe, expect, test } from 'vitest';
import { buildLossOption, divergenceMark } from '../../../src/charts/lossChart';
import { lossRange, lossRunsOf, type LossRun } from '../../../src/charts/lossAxes';
import { labelWidth, placeExitLabels } from '../../../src/charts/exitLabels';
import { seriesColor } from '../../../src/charts/palette';
import type { RegressionConfig } from '../../../src/core/runTypes';
import { runRegressionReference } from '../../reference/regressionReference';
import { chapterRequest } from '../../reference/chapterRuns';
import { allSeries } from './optionAccess';

/** The chapter's regression runs at one learning rate: from-scratch momenta, SGD, PyTorch's convention. */
function runsAt(lr: number): LossRun[] {
  const configs: RegressionConfig[] = [
    { lr, momentum: 0.5, convention: 'mxnet' },
    { lr, momentum: 0.9, convention: 'mxnet' },
    { lr, momentum: 0.99, convention: 'mxnet' },
    { lr, momentum: 0, convention: 'mxnet' },
    { lr, momentum: 0, convention: 'sgd' },
    { lr, momentum: 0.9, convention: 'pytorch' },
  ];
  const request = chapterRequest(1, configs);
  return lossRunsOf(request, runRegressionReference(request), (i) => ({ id: `B${30 + i}`, label: `run ${i}`, color: seriesColor(i, 'light'), pinned: false }));
}

interface MarkPoint {
  readonly data: { coord: [number, number] }[];
  readonly label: { position: 'left' | 'right'; offset: [number, number]; formatter: string; fontSize: number };
}

/** Every "diverges" label as a pixel box, estimated the way a reader sees the chart. */
function labelBoxes(runs: readonly LossRun[], width: number) {
  const option = buildLossOption({ scheme: 'light', width, runs });
  const xMax = (option.xAxis as { max: number }).max;
  const plot = Math.max(120, width - 90);
  return allSeries(option).flatMap((series) => {
    const mark = (series as unknown as { markPoint: MarkPoint }).markPoint;
    return mark.data.map(({ coord }) => {
      const x = (coord[0] / xMax) * plot;
      const w = labelWidth(mark.label.formatter, mark.label.fontSize);
      const top = mark.label.offset[1];
      const [left, right] = mark.label.position === 'right' ? [x + 8, x + 8 + w] : [x - 8 - w, x - 8];
      return { left, right, top, bottom: top + mark.label.fontSize };
    });
  });
}

const overlaps = (a: { left: number; right: number; top: number; bottom: number }, b: typeof a) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('the loss chart agrees with the cells: every run drawn or marked, labels apart', () => {
  for (const lr of [0.6, 3]) {
    test(`lr = ${lr}: a run is on the chart or marked where it leaves, and only a diverged run says "diverges"`, () => {
      const runs = runsAt(lr);
      const [, yMax] = lossRange(runs);
      for (const run of runs) {
        const inside = Array.from(run.losses).some((loss) => loss > 0 && loss <= yMax);
        const mark = divergenceMark(run, yMax);
        expect(inside || mark !== null).toBe(true);
        // The cell says diverged exactly when the chart marks it (a run that leaves the axis for good ended >1000× up).
        expect(mark !== null).toBe(run.divergedAt !== null);
      }
    });

    for (const width of [445, 900]) {
      test(`lr = ${lr}, ${width} px: no two "diverges" labels overlap`, () => {
        const boxes = labelBoxes(runsAt(lr), width);
        for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i], boxes[j])).toBe(false);
      });
    }
  }

  test('lr = 3 diverges in several runs at almost the same epoch: their labels take separate rows', () => {
    const runs = runsAt(3);
    const [, yMax] = lossRange(runs);
    expect(runs.filter((run) => divergenceMark(run, yMax) !== null).length).toBeGreaterThanOrEqual(3);
    expect(new Set(labelBoxes(runs, 445).map((box) => box.top)).size).toBeGreaterThan(1);
  });

  test('placeExitLabels: far apart share the first row, close together stack, near the right edge the label turns left', () => {
    const span = { xMax: 3, widthPx: 600, fontSize: 12 };
    expect(placeExitLabels([{ x: 0.2, text: 'diverges' }, { x: 2, text: 'diverges' }], span).map((p) => p.row)).toEqual([0, 0]);
    expect(placeExitLabels([{ x: 1, text: 'diverges' }, { x: 1.01, text: 'diverges' }], span).map((p) => p.row)).toEqual([0, 1]);
    expect(placeExitLabels([{ x: 2.99, text: 'diverges' }], span)[0].side).toBe('left');
  });
});
