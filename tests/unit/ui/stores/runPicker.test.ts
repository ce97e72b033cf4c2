import { describe, expect, it } from 'vitest';
import type { ChartBinding } from '../../../../src/sheet/types';
import { byReadingOrder, withArrowsFor, withRunShown } from '../../../../src/ui/stores/runPicker';
import { bindingAddresses } from '../../../../src/session/chartSources';
import { readStateFile } from '../../../../src/share/stateFile';

const paths: ChartBinding = { id: 'paths', kind: 'trajectories', source: 'D13:D18' };

describe('the run picker edits a binding', () => {
  it('showing a run outside the range includes it; hiding one inside excludes it; the chart shows exactly that', () => {
    const edited = withRunShown(withRunShown(paths, 'E9', true), 'D14', false);
    expect(edited).toEqual({ ...paths, include: ['E9'], exclude: ['D14'] });
    expect(bindingAddresses(edited)).toEqual(['D13', 'D15', 'D16', 'D17', 'D18', 'E9']);
  });

  it('undoing both choices gives back the original binding, without empty lists', () => {
    const edited = withRunShown(withRunShown(paths, 'E9', true), 'D14', false);
    expect(withRunShown(withRunShown(edited, 'E9', false), 'D14', true)).toEqual(paths);
  });

  it('hiding the run that has the arrows gives the arrows back to every run', () => {
    const arrows = withArrowsFor(paths, 'D16');
    expect(arrows.arrowsFor).toBe('D16');
    expect(withRunShown(arrows, 'D16', false).arrowsFor).toBeUndefined();
    expect(withRunShown(arrows, 'D17', false).arrowsFor).toBe('D16');
    expect(withArrowsFor(arrows, null)).toEqual(paths);
  });

  it('lists runs in reading order: row by row, then by column', () => {
    expect(byReadingOrder(['E2', 'D10', 'D2', 'AA1'])).toEqual(['AA1', 'D2', 'E2', 'D10']);
  });

  it('the choice is part of the state file: accepted when addresses, refused otherwise', () => {
    const file = (chart: Record<string, unknown>) =>
      JSON.stringify({ v: 1, state: { rows: 20, cols: 10, cells: {}, charts: [{ ...paths, ...chart }] } });
    const read = readStateFile(file({ include: ['E9'], exclude: ['D14'], arrowsFor: 'D16' }));
    expect(read.ok && read.state.charts[0]).toEqual({ ...paths, include: ['E9'], exclude: ['D14'], arrowsFor: 'D16' });
    expect(readStateFile(file({ include: ['not an address'] })).ok).toBe(false);
    expect(readStateFile(file({ arrowsFor: 'D1:D2' })).ok).toBe(false);
  });
});
