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
});
