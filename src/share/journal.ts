/**
 * The journal: edits a tab had sent but the session had not reflected when the page was hidden
 * or unloaded. A page may be gone a few milliseconds after an edit, long before the worker
 * answers; the journal is written synchronously then and replayed by the next start, on the sheet
 * it was meant for only: each entry names its base sheet by the fingerprint of its link text,
 * so it is never applied to another sheet. One entry per tab, a few tabs at most, a week at most.
 * Pure: the page reads and writes the slot (textSlots.ts).
 */

export interface JournalEntry<I> {
  /** The tab that wrote it (it replaces only its own entry). */
  readonly tab: string;
  /** textHash of the link text of the sheet the intents apply to. */
  readonly base: string;
  readonly at: number;
  readonly intents: readonly I[];
}

export const JOURNAL_LIMITS = { entries: 5, ageMs: 7 * 24 * 3600 * 1000 } as const;

function isEntry(value: unknown): value is JournalEntry<{ readonly kind: string }> {
  if (typeof value !== 'object' || value === null) return false;
  const { tab, base, at, intents } = value as Record<string, unknown>;
  return (
    typeof tab === 'string' &&
    typeof base === 'string' &&
    typeof at === 'number' &&
    Array.isArray(intents) &&
    intents.every((intent) => typeof intent === 'object' && intent !== null && typeof (intent as { kind?: unknown }).kind === 'string')
  );
}

/**
 * The entries of a journal slot; anything damaged reads as no entry. `accept` decides which
 * stored intents may be replayed (the page knows the intent kinds).
 * `parseJournal('[{"tab":"t","base":"b","at":1,"intents":[{"kind":"undo"}]}]', isIntent)` → one entry.
 */
export function parseJournal<I>(text: string | null, accept: (intent: { readonly kind: string }) => intent is I & { readonly kind: string }): JournalEntry<I>[] {
  if (text === null) return [];
  try {
    const parsed: unknown = JSON.parse(text);
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(isEntry).map((entry) => ({ ...entry, intents: entry.intents.filter(accept) }));
  } catch {
    return [];
  }
}

/** The journal with `tab`'s entry replaced by `entry` (null: removed), stale and surplus entries dropped. */
export function withEntry<I>(list: readonly JournalEntry<I>[], tab: string, entry: JournalEntry<I> | null, now: number): JournalEntry<I>[] {
  const others = list.filter((other) => other.tab !== tab && now - other.at <= JOURNAL_LIMITS.ageMs);
  const next = entry === null || entry.intents.length === 0 ? others : [...others, entry];
  return next.sort((a, b) => a.at - b.at).slice(-JOURNAL_LIMITS.entries);
}

/** Entries meant for the sheet whose link text has fingerprint `base`, oldest first. */
export function entriesFor<I>(list: readonly JournalEntry<I>[], base: string): JournalEntry<I>[] {
  return list.filter((entry) => entry.base === base).sort((a, b) => a.at - b.at);
}

/** The journal without the given entries (replayed ones, once reflected and saved). */
export function withoutEntries<I>(list: readonly JournalEntry<I>[], done: readonly JournalEntry<I>[]): JournalEntry<I>[] {
  return list.filter((entry) => !done.some((other) => other.tab === entry.tab && other.at === entry.at));
}

/** The slot text, or null when the journal is empty (the slot is then removed). */
export function journalText<I>(list: readonly JournalEntry<I>[]): string | null {
  return list.length === 0 ? null : JSON.stringify(list);
}
