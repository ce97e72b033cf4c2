/**
 * The one rule for stale replies. Every entity a patch carries (a cell, a chart, the sheet's
 * meta data, the persisted text, the run status) has the session version at which it was
 * produced; the ledger lets an entity through only when it is newer than what the page shows,
 * so a late, duplicated or reordered patch can never overwrite a newer state. A restarted worker
 * is a new epoch: everything from an older epoch is dropped, and the new epoch starts from its
 * full snapshot.
 */
import type { Patch } from '../../session/contract';

export interface Ledger {
  /** The part of `patch` that is news, or null when nothing in it is. */
  accept(epoch: number, patch: Patch): Patch | null;
  /** Forget everything: the next accepted patch must be a full snapshot of a newer epoch. */
  reset(epoch: number): void;
  readonly epoch: number;
  /**
   * The newest revision whose persisted form has arrived (or that needs none): intents up to it
   * are kept. It lags `rev` while a patch's persisted text is still to follow (Patch.persistedFollows).
   */
  readonly keptRev: number;
}

export function createLedger(): Ledger {
  let epoch = 0;
  let snapshotSeen = false;
  const cellVersions = new Map<string, number>();
  const chartVersions = new Map<string, number>();
  let metaVersion = -1;
  let persistedVersion = -1;
  let statusVersion = -1;
  let revSeen = 0;
  let keptRev = 0;
  let lastIdle = false;

  const newer = (versions: Map<string, number>, id: string, version: number): boolean => {
    if ((versions.get(id) ?? -1) >= version) return false;
    versions.set(id, version);
    return true;
  };

  return {
    get epoch() {
      return epoch;
    },
    get keptRev() {
      return keptRev;
    },
    reset(next) {
      epoch = next;
      snapshotSeen = false;
      cellVersions.clear();
      chartVersions.clear();
      metaVersion = persistedVersion = statusVersion = -1;
      lastIdle = false;
    },
    accept(from, patch) {
      if (from !== epoch) return null;
      // Until the epoch's snapshot has arrived, partial patches have nothing to apply to.
      if (!patch.full && !snapshotSeen) return null;
      if (patch.full) {
        if (snapshotSeen && patch.version <= statusVersion) return null;
        snapshotSeen = true;
        cellVersions.clear();
        chartVersions.clear();
      }
      const cells = (patch.cells ?? []).filter((cell) => newer(cellVersions, cell.address, cell.version));
      const charts = (patch.charts ?? []).filter((chart) => newer(chartVersions, chart.id, chart.version));
      const removedCharts = (patch.removedCharts ?? []).filter((id) => newer(chartVersions, id, patch.version));
      const meta = patch.meta !== undefined && patch.meta.version > metaVersion ? patch.meta : undefined;
      if (meta !== undefined) metaVersion = meta.version;
      const persisted = patch.persisted !== undefined && patch.persisted.version > persistedVersion ? patch.persisted : undefined;
      if (persisted !== undefined) persistedVersion = persisted.version;
      const fresh = patch.version > statusVersion;
      if (fresh) statusVersion = patch.version;
      const status = fresh ? patch.status : undefined;
      if (fresh) lastIdle = patch.idle;
      revSeen = Math.max(revSeen, patch.rev);
      if (patch.persistedFollows !== true) keptRev = Math.max(keptRev, patch.rev);
      const nothing = cells.length === 0 && charts.length === 0 && removedCharts.length === 0 && !meta && !persisted && !fresh && !patch.full;
      if (nothing) return null;
      return {
        version: patch.version,
        rev: revSeen,
        // A stale patch's idle flag says nothing about now: the newest one known stands.
        idle: lastIdle,
        ...(patch.full ? { full: true } : {}),
        ...(cells.length > 0 ? { cells } : {}),
        ...(charts.length > 0 ? { charts } : {}),
        ...(removedCharts.length > 0 ? { removedCharts } : {}),
        ...(meta ? { meta } : {}),
        ...(status ? { status } : {}),
        ...(persisted ? { persisted } : {}),
      };
    },
  };
}
