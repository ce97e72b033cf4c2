/**
 * Pinned runs: a pin keeps a run's request (so it is reproducible from the link) and the engine
 * recomputes its result like any other run. The label is stored with the pin, in plain text
 * built from the request, because it names the run as it was when pinned.
 */
import { formatNumber } from '../sheet/format';
import type { CellAddress, Pin, RunValue } from '../sheet/types';
import type { PinView } from './contract';

function describeRequest(run: RunValue): string {
  const request = run.request;
  if (request.kind === 'path2d') {
    return `${request.method} η=${formatNumber(request.eta, 4)}${request.method === 'gd' ? '' : ` γ=${formatNumber(request.gamma, 4)}`}`;
  }
  const config = request.configs[0];
  return `lr=${formatNumber(config.lr, 4)} mom=${formatNumber(config.momentum, 4)}${config.convention === 'pytorch' ? ' (pytorch)' : ''}`;
}

/** A pin for the run in `address`, with an id no existing pin has: `newPin('D16', run, [])` → `{ id: 'p1', … }`. */
export function newPin(address: CellAddress, run: RunValue, existing: readonly Pin[]): Pin {
  const taken = new Set(existing.map((pin) => pin.id));
  let n = existing.length + 1;
  while (taken.has(`p${n}`)) n += 1;
  return { id: `p${n}`, label: `${address} · ${describeRequest(run)}`, cell: address, request: run.request };
}

export function pinViews(pins: readonly Pin[]): PinView[] {
  return pins.map((pin) => ({ id: pin.id, label: [pin.label], cell: pin.cell }));
}
