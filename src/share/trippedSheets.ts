/**
 * Sheets that stopped the compute engine: a sheet whose evaluation trips the page's watchdog is
 * remembered by fingerprints of its texts, so that the next time it is opened (from a link, the
 * autosave or the recent sheets) it opens in safe mode instead of freezing the engine again.
 * Pure: the page keeps the list in localStorage (textSlots.ts).
 */

export interface TrippedSheet {
  /** textHash of one of the sheet's texts (a link payload or a state file text). */
  readonly hash: string;
  /** The document it belonged to, so that a sheet that later evaluates fine is forgiven whole. */
  readonly doc: string | null;
  readonly at: number;
}

/** Enough for every sheet a user could plausibly trip over; the oldest are forgotten first. */
export const MAX_TRIPPED = 50;

export function parseTripped(text: string | null): TrippedSheet[] {
  if (text === null) return [];
  try {
    const parsed: unknown = JSON.parse(text);
    if (!Array.isArray(parsed)) return [];
    return parsed.filter((item): item is TrippedSheet => {
      if (typeof item !== 'object' || item === null) return false;
      const { hash, doc, at } = item as Record<string, unknown>;
      return typeof hash === 'string' && (doc === null || typeof doc === 'string') && typeof at === 'number';
    });
  } catch {
    return [];
  }
}

/** `markTripped([], ['h1'], 'doc', 5)` → `[{ hash: 'h1', doc: 'doc', at: 5 }]`; the newest MAX_TRIPPED are kept. */
export function markTripped(list: readonly TrippedSheet[], hashes: readonly string[], doc: string | null, now: number): TrippedSheet[] {
  const fresh = [...new Set(hashes)];
  const kept = list.filter((item) => !fresh.includes(item.hash));
  return [...kept, ...fresh.map((hash) => ({ hash, doc, at: now }))].slice(-MAX_TRIPPED);
}

export function isTripped(list: readonly TrippedSheet[], hash: string | null): boolean {
  return hash !== null && list.some((item) => item.hash === hash);
}

/** The list without a document's entries (it evaluated after all), and without the given hashes. */
export function forgive(list: readonly TrippedSheet[], doc: string | null, hashes: readonly string[] = []): TrippedSheet[] {
  return list.filter((item) => !(doc !== null && item.doc === doc) && !hashes.includes(item.hash));
}
