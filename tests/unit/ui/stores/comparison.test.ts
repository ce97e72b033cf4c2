import { describe, expect, it } from 'vitest';
import { compareRuns } from '../../../../src/ui/stores/comparison';
import type { RunSummary } from '../../../../src/session/contract';

const summary = (kind: RunSummary['kind'], inputs: Record<string, number | string>, outcomes: Record<string, number | null>): RunSummary => ({
  kind,
  label: [],
  inputs,
  outcomes,
  shown: Object.fromEntries(
    [...Object.entries(inputs), ...Object.entries(outcomes)].filter(([, v]) => v !== null).map(([k, v]) => [k, String(v)]),
  ),
  divergedAt: null,
});

describe('compareRuns', () => {
  it('one run is not a comparison', () => {
    expect(compareRuns([['D16', summary('path2d', { eta: 0.9 }, { f: 1 })]])).toBeNull();
  });

  it('lists every input, then outcomes in reading order, and marks only the rows whose values differ', () => {
    const a = summary('path2d', { eta: 0.9, steps: 15 }, { divergedAt: null, f: 0.1, rate: 0.8 });
    const b = summary('path2d', { eta: 1.1, steps: 15 }, { divergedAt: 1, f: 3, rate: 1.2 });
    const c = summary('path2d', { eta: 0.9, steps: 15 }, { divergedAt: null, f: 0.1, rate: 0.8 });
    const table = compareRuns([['D13', a], ['D14', b], ['D15', c]])!;
    expect(table.addresses).toEqual(['D13', 'D14', 'D15']);
    expect(table.rows.map((row) => [row.group, row.name, row.differs])).toEqual([
      ['input', 'eta', true],
      ['input', 'steps', false],
      ['outcome', 'f', true],
      ['outcome', 'divergedAt', true],
      ['outcome', 'rate', true],
    ]);
    expect(table.rows.find((row) => row.name === 'divergedAt')!.values).toEqual(['—', '1', '—']);
  });

  it('a field one run lacks reads "—" for it (a 2-D run beside a regression)', () => {
    const table = compareRuns([
      ['D16', summary('path2d', { eta: 0.9 }, { f: 0.1 })],
      ['D30', summary('regression', { lr: 0.05 }, { loss: 0.02, w1: 2 })],
    ])!;
    expect(table.rows.find((row) => row.name === 'lr')!.values).toEqual(['—', '0.05']);
    expect(table.rows.find((row) => row.name === 'w1')!.values).toEqual(['—', '2']);
  });
});
