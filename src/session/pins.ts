/**
 * Pinned runs: a pin keeps a run's request (so it is reproducible from the link) and the engine
 * recomputes its result like any other run. The label is stored with the pin, in plain text
 * built from the request, because it names the run as it was when pinned.
 */
import { requestLabel } from './runSummary';
import type { CellAddress, Pin, RunValue } from '../sheet/types';
import type { PinView } from './contract';


/** A pin for the run in `address`, with an id no existing pin has: `newPin('D16', run, [])` → `{ id: 'p1', … }`. */
export function newPin(address: CellAddress, run: RunValue, existing: readonly Pin[]): Pin {
  const taken = new Set(existing.map((pin) => pin.id));
  let n = existing.length + 1;
  while (taken.has(`p${n}`)) n += 1;
  return { id: `p${n}`, label: `${address} · ${requestLabel(run.request)}`, cell: address, request: run.request };
}

export function pinViews(pins: readonly Pin[]): PinView[] {
  return pins.map((pin) => ({ id: pin.id, label: [pin.label], cell: pin.cell }));
}
