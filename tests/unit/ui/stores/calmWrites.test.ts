import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { calmWrites } from '../../../../src/ui/stores/persist/calmWrites';

describe('writes that wait for a quiet moment', () => {
  let count = 0;
  const make = () => calmWrites(() => void (count += 1), { quietMs: 300, maxWaitMs: 2000, now: () => Date.now() });
  /** `edits` changes, one every 100 ms. */
  const burst = (edits: number) => {
    const writes = make();
    for (let edit = 0; edit < edits; edit++) {
      writes.schedule();
      vi.advanceTimersByTime(100);
    }
    return writes;
  };
  beforeEach(() => {
    vi.useFakeTimers();
    count = 0;
  });
  afterEach(() => vi.useRealTimers());

  it('a burst of changes is written once, after the page has been quiet', () => {
    const writes = burst(10);
    // Nothing is written while the edits keep coming, nor in the task of any of them.
    expect(count).toBe(0);
    expect(writes.waiting).toBe(true);
    vi.advanceTimersByTime(200);
    expect(count).toBe(1);
    expect(writes.waiting).toBe(false);
    vi.advanceTimersByTime(5000);
    expect(count).toBe(1);
  });

  it('changes that never pause are still written within the longest wait', () => {
    burst(30);
    // 3 s of edits every 100 ms: written at 2 s, and the edits after that wait their own turn.
    expect(count).toBe(1);
    vi.advanceTimersByTime(300);
    expect(count).toBe(2);
  });

  it('a flush writes what waits at once, nothing twice, and nothing when nothing waits', () => {
    const writes = make();
    writes.flush();
    expect(count).toBe(0);
    writes.schedule();
    writes.flush();
    expect(count).toBe(1);
    vi.advanceTimersByTime(1000);
    writes.flush();
    expect(count).toBe(1);
  });
});
