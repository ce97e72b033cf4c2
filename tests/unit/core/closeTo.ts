/** Shared assertions for the core tests: closeness scaled to the numbers compared. */
import { expect } from 'vitest';

/** |actual − expected| ≤ relative · max(1, |expected|). */
export function expectClose(actual: number, expected: number, relative = 1e-12): void {
  const tolerance = relative * Math.max(1, Math.abs(expected));
  if (!(Math.abs(actual - expected) <= tolerance)) {
    expect.fail(`expected ${actual} to be within ${tolerance} of ${expected}`);
  }
}

/** Property tests run hundreds of cases; on a loaded 2-core machine they need more than vitest's 5 s default. */
export const PROPERTY_TIMEOUT_MS = 60_000;
