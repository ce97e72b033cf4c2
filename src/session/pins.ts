/**
 * Pinned runs: a pin keeps a run's request (so it is reproducible from the link) and the engine
 * recomputes its result like any other run. The label is stored with the pin, in plain text
 * built from the request, because it names the run as it was when pinned.
 */
import type { ComputeRequest, Path2DRequest, RegressionRequest } from '../core/runTypes';
import { requestLabel } from './runSummary';
import type { CellAddress, Pin } from '../sheet/types';
import type { PinView } from './contract';

/**
 * Whether a run's request can be pinned: a pin travels in the link, whose schema carries single
 * runs on generated data; a sweep's axes and a data range's rows it does not.
 * `pinnableRequest(sweepRequest)` → false
 */
export function pinnableRequest(request: ComputeRequest): request is Path2DRequest | RegressionRequest {
  return request.kind === 'path2d' || (request.kind === 'regression' && request.data.kind !== 'table');
}

/** A pin for the run in `address`, with an id no existing pin has: `newPin('D16', run, [])` → `{ id: 'p1', … }`. */
export function newPin(address: CellAddress, run: { readonly request: Path2DRequest | RegressionRequest }, existing: readonly Pin[]): Pin {
  const taken = new Set(existing.map((pin) => pin.id));
  let n = existing.length + 1;
  while (taken.has(`p${n}`)) n += 1;
  return { id: `p${n}`, label: `${address} · ${requestLabel(run.request)}`, cell: address, request: run.request };
}

export function pinViews(pins: readonly Pin[]): PinView[] {
  return pins.map((pin) => ({ id: pin.id, label: [pin.label], cell: pin.cell }));
}
