/**
 * One version signal per cell, created lazily, plus a global revision. The engine owns values;
 * these signals only tell Solid which cells changed, so a cell re-renders only when its own
 * value does.
 */
import { createSignal, type Accessor, type Setter } from 'solid-js';

export interface CellSignals {
  /** Subscribe the current computation to this cell's changes. */
  track(address: string): void;
  /** Subscribe to any change in the sheet. */
  readonly revision: Accessor<number>;
  bump(addresses: Iterable<string>): void;
}

export function createCellSignals(): CellSignals {
  const versions = new Map<string, [Accessor<number>, Setter<number>]>();
  const [revision, setRevision] = createSignal(0);
  const signalFor = (address: string) => {
    let signal = versions.get(address);
    if (!signal) {
      signal = createSignal(0);
      versions.set(address, signal);
    }
    return signal;
  };
  return {
    track: (address) => void signalFor(address)[0](),
    revision,
    bump(addresses) {
      for (const address of addresses) versions.get(address)?.[1]((n) => n + 1);
      setRevision((n) => n + 1);
    },
  };
}
