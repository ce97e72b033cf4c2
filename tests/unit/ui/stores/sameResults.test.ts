import { describe, expect, it } from 'vitest';
import { keepSameResults } from '../../../../src/ui/stores/sameResults';

describe('keepSameResults', () => {
  it('keeps the earlier result object of a run whose request did not change, and takes the new one of a run that did', () => {
    const same = keepSameResults<{ readonly x: number }>();
    const first = [
      { id: 'D13', request: { eta: 0.4 }, result: { x: 1 } },
      { id: 'D16', request: { eta: 0.9, gamma: 0.2 }, result: { x: 2 } },
    ];
    expect(same(first)).toEqual([first[0].result, first[1].result]);
    // The next patch: equal content in new objects, and D16's γ edited.
    const second = [
      { id: 'D13', request: { eta: 0.4 }, result: { x: 1 } },
      { id: 'D16', request: { eta: 0.9, gamma: 0.3 }, result: { x: 3 } },
    ];
    const [d13, d16] = same(second);
    expect(d13).toBe(first[0].result);
    expect(d16).toBe(second[1].result);
  });

  it('forgets a run that left the chart: when it comes back, its new result is taken', () => {
    const same = keepSameResults<{ readonly x: number }>();
    const gone = { id: 'D13', request: { eta: 0.4 }, result: { x: 1 } };
    same([gone]);
    same([]);
    const back = { ...gone, result: { x: 1 } };
    expect(same([back])[0]).toBe(back.result);
  });
});
