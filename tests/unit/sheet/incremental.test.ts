import { describe, expect, it } from 'vitest';
import { num, sheet } from './helpers';

describe('incremental recalculation', () => {
  it('an edit returns only the cells in its dependent cone whose value changed', () => {
    const e = sheet({ A1: '1', B1: '=A1+1', C1: '=B1*2', D1: '=A1>0', A5: '7', B5: '=A5+1' });
    const changed = e.setCell('A1', '2');
    expect([...changed].sort()).toEqual(['A1', 'B1', 'C1']);
  });

  it('unrelated cells are not recomputed', () => {
    const unrelated: Record<string, string> = {};
    for (let row = 1; row <= 200; row += 1) unrelated[`C${row}`] = `=${row}*2`;
    const e = sheet({ A1: '1', B1: '=A1+1', B2: '=B1+1', ...unrelated });
    const before = e.evaluationCount;
    e.setCell('A1', '5');
    // A1 itself and its two dependents; none of the 200 unrelated formulas.
    expect(e.evaluationCount - before).toBe(3);
    expect(num(e, 'B2')).toBe(7);
  });

  it('a diamond is evaluated once per cell, in dependency order', () => {
    const e = sheet({ A1: '1', B1: '=A1*2', B2: '=A1*3', C1: '=B1+B2', D1: '=C1+A1' });
    const before = e.evaluationCount;
    e.setCell('A1', '2');
    expect(e.evaluationCount - before).toBe(5);
    expect(num(e, 'D1')).toBe(12);
  });

  it('cells reading a range recompute when any cell of it changes, even one that was empty', () => {
    const e = sheet({ A1: '=SUM(B1:B40)' });
    e.setCell('B17', '4');
    expect(num(e, 'A1')).toBe(4);
    expect([...e.setCell('B39', '1')].sort()).toEqual(['A1', 'B39']);
  });

  it('rebinding a name recomputes exactly the formulas that use it', () => {
    const e = sheet({ B1: '1', B2: '2', C1: '=lr*10', C2: '=B2' }, { lr: 'B1' });
    const before = e.evaluationCount;
    e.setName('B1', null);
    const changed = e.setName('B2', 'lr');
    expect(changed).toEqual(new Set(['C1']));
    expect(num(e, 'C1')).toBe(20);
    expect(e.evaluationCount - before).toBe(2);
  });

  it('a cell outside a large range does not recompute the formulas reading the range; one inside does', () => {
    const e = sheet({ A1: '=SUM(B1:C100000)', A2: '=COUNT(B500:B600)' }, {}, { rows: 100_000, cols: 5 });
    let before = e.evaluationCount;
    e.setCell('D50000', '1');
    expect(e.evaluationCount - before).toBe(1);
    before = e.evaluationCount;
    expect([...e.setCell('C99999', '3')].sort()).toEqual(['A1', 'C99999']);
    expect(e.evaluationCount - before).toBe(2);
    e.setCell('B550', '2');
    expect([num(e, 'A1'), num(e, 'A2')]).toEqual([5, 1]);
  });

  it('a range that contains its own cell is a cycle, and stops being one when the formula moves out', () => {
    const e = sheet({ B5: '=SUM(B1:B10)', B1: '1' });
    expect(e.value('B5')).toMatchObject({ code: '#CYCLE!' });
    e.setCell('B5', '');
    e.setCell('C5', '=SUM(B1:B10)');
    expect(num(e, 'C5')).toBe(1);
  });

  it('growing the sheet re-evaluates only formulas that reach past its old edge', () => {
    const inside: Record<string, string> = {};
    for (let row = 1; row <= 50; row += 1) inside[`A${row}`] = `=B${row}+1`;
    const e = sheet({ ...inside, C1: '=D60', C2: '=SUM(B1:B55)', C3: '=SUM(B1:B70)' }, {}, { rows: 50, cols: 10 });
    expect(e.value('C1')).toMatchObject({ code: '#REF!' });
    const before = e.evaluationCount;
    const outcome = e.pasteTsv('D60', '7');
    expect(outcome.grew).toEqual({ rows: 10, cols: 0 });
    expect(num(e, 'C1')).toBe(7);
    expect(num(e, 'C2')).toBe(0);
    expect(e.value('C3')).toMatchObject({ code: '#REF!' });
    // D60 and the three formulas that read past row 50; the 50 formulas in A stay as they were.
    expect(e.evaluationCount - before).toBe(4);
  });
});
