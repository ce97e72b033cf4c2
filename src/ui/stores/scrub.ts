/**
 * Scrubbing a number: one step is a tenth of its leading digit's magnitude, so 0.9 moves by
 * 0.01 and 200 by 10, and the result is rounded to that step to avoid 0.30000000000000004.
 * `scrubNumber(0.9, 1) === 0.91`, `scrubNumber(0.9, -10) === 0.8`.
 */
export function scrubNumber(value: number, steps: number): number {
  const magnitude = value === 0 ? 0 : Math.floor(Math.log10(Math.abs(value)));
  const decimals = Math.max(0, 1 - magnitude);
  const step = 10 ** (magnitude - 1);
  const next = value + steps * step;
  return Number(next.toFixed(Math.min(decimals, 15)));
}
