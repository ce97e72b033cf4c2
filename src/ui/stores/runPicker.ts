/**
 * The run picker's edits of a chart binding: showing a run typed outside the chart's range adds
 * it to `include`, hiding one inside the range adds it to `exclude`, and the reverse undoes
 * either. The binding stays as short as it can (empty lists are dropped), so links stay short.
 */
import type { ChartBinding } from '../../sheet/types';
import { parseAddress } from '../../sheet/address';
import { cellsInRange } from './addresses';

/** `withRunShown({ source: 'D1:D3', … }, 'F9', true).include` → ['F9']. */
export function withRunShown(binding: ChartBinding, address: string, shown: boolean): ChartBinding {
  const inRange = cellsInRange(binding.source).includes(address);
  const include = (binding.include ?? []).filter((a) => a !== address);
  const exclude = (binding.exclude ?? []).filter((a) => a !== address);
  if (shown && !inRange) include.push(address);
  if (!shown && inRange) exclude.push(address);
  const { include: _include, exclude: _exclude, arrowsFor, ...rest } = binding;
  // A hidden run cannot keep the arrows.
  const keepArrows = arrowsFor !== undefined && !(arrowsFor === address && !shown);
  return {
    ...rest,
    ...(include.length > 0 ? { include } : {}),
    ...(exclude.length > 0 ? { exclude } : {}),
    ...(keepArrows ? { arrowsFor } : {}),
  };
}

/** `withArrowsFor(binding, 'D16').arrowsFor` → 'D16'; null: every run's arrows again. */
export function withArrowsFor(binding: ChartBinding, address: string | null): ChartBinding {
  const { arrowsFor: _arrowsFor, ...rest } = binding;
  return address === null ? rest : { ...rest, arrowsFor: address };
}

/** Addresses in reading order (row by row, then column): `byReadingOrder(['E2', 'D10', 'D2'])` → D2, E2, D10. */
export function byReadingOrder(addresses: readonly string[]): string[] {
  const key = (address: string) => {
    const position = parseAddress(address);
    return position === null ? [Infinity, Infinity] : [position.row, position.col];
  };
  return [...addresses].sort((a, b) => {
    const [ra, ca] = key(a);
    const [rb, cb] = key(b);
    return ra - rb || ca - cb;
  });
}
