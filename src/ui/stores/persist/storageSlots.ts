/**
 * The page's writes to localStorage, each failure turned into a notice key: the current sheet
 * with its document record, the saved sheet set aside when it could not be read, the journal of
 * this tab's unreflected edits, and the sheets that stopped the engine.
 */
import type { Intent } from '../../../session/contract';
import { currentDocumentText } from '../../../share/currentDocument';
import { entriesFor, journalText, parseJournal, withEntry, withoutEntries, type JournalEntry } from '../../../share/journal';
import { readSlot, removeSlot, writeSlot, type SlotWrite, type TextStore } from '../../../share/textSlots';
import { textHash } from '../../../share/textHash';
import { forgive, markTripped, parseTripped, isTripped } from '../../../share/trippedSheets';

/** Intents worth replaying: everything that changes the sheet (not cancelling runs, not leaving safe mode). */
const JOURNALED: ReadonlySet<string> = new Set<Intent['kind']>([
  'setCells', 'clear', 'paste', 'insert', 'delete', 'setName', 'setColWidth', 'setCharts', 'pin', 'unpin', 'undo', 'redo',
  'load', 'preset', 'loadText', 'moveStart', 'setLrMomentum',
]);
const isJournaled = (intent: { readonly kind: string }): intent is Intent => JOURNALED.has(intent.kind);

export type JournalOf = JournalEntry<Intent>;

export interface StorageSlots {
  readonly available: boolean;
  /** Make `fileText` the current sheet (document `doc`, described as the session said). */
  writeCurrent(doc: string, fileText: string, description: unknown): SlotWrite;
  /** Copy the unreadable autosave aside before anything may overwrite it. */
  setAsideSaved(text: string): SlotWrite;
  /** Record (or clear, with no intents) this tab's unreflected intents over the sheet with link text `baseLink`. */
  writeJournal(baseLink: string, intents: readonly Intent[]): SlotWrite;
  /** The journal entries meant for the sheet with this link text. */
  journalFor(linkText: string): JournalOf[];
  removeJournal(entries: readonly JournalOf[]): void;
  markTripped(texts: readonly (string | null)[], doc: string | null): void;
  forgiveTripped(doc: string, texts: readonly (string | null)[]): void;
  /** Did the sheet with this text fingerprint (textHash) stop the engine? */
  isTripped(hash: string): boolean;
  /** The one "previous" sheet of older versions (it moves to the recent sheets, then the slot goes). */
  legacyPrevious(): string | null;
  dropLegacyPrevious(): void;
}

const UNAVAILABLE: SlotWrite = { ok: false, error: 'unavailable', key: 'share.storage.unavailable' };

export function storageSlots(store: TextStore | null, tab: string, now: () => number = Date.now): StorageSlots {
  const journal = () => (store === null ? [] : parseJournal<Intent>(readSlot(store, 'journal'), isJournaled));
  const saveJournal = (list: readonly JournalOf[]): SlotWrite => {
    if (store === null) return UNAVAILABLE;
    const text = journalText(list);
    return text === null ? removeSlot(store, 'journal') : writeSlot(store, 'journal', text);
  };
  const tripped = () => (store === null ? [] : parseTripped(readSlot(store, 'tripped')));
  const hashes = (texts: readonly (string | null)[]) => texts.filter((text): text is string => text !== null).map(textHash);
  return {
    available: store !== null,
    writeCurrent(doc, fileText, description) {
      if (store === null) return UNAVAILABLE;
      const written = writeSlot(store, 'current', fileText);
      return written.ok ? writeSlot(store, 'currentDocument', currentDocumentText(doc, fileText, description ?? undefined)) : written;
    },
    setAsideSaved: (text) => (store === null ? UNAVAILABLE : writeSlot(store, 'unreadable', text)),
    writeJournal(baseLink, intents) {
      const entry = { tab, base: textHash(baseLink), at: now(), intents: intents.filter(isJournaled) };
      const list = journal();
      // Nothing to record and nothing recorded: leave the slot alone (another tab may own it).
      if (entry.intents.length === 0 && !list.some((other) => other.tab === tab)) return { ok: true };
      return saveJournal(withEntry(list, tab, entry, now()));
    },
    journalFor: (linkText) => entriesFor(journal(), textHash(linkText)),
    removeJournal(entries) {
      if (entries.length > 0) saveJournal(withoutEntries(journal(), entries));
    },
    markTripped(texts, doc) {
      if (store !== null) writeSlot(store, 'tripped', JSON.stringify(markTripped(tripped(), hashes(texts), doc, now())));
    },
    forgiveTripped(doc, texts) {
      const list = tripped();
      const next = forgive(list, doc, hashes(texts));
      if (store !== null && next.length !== list.length) writeSlot(store, 'tripped', JSON.stringify(next));
    },
    isTripped: (hash) => isTripped(tripped(), hash),
    legacyPrevious: () => (store === null ? null : readSlot(store, 'legacyPrevious')),
    dropLegacyPrevious() {
      if (store !== null) removeSlot(store, 'legacyPrevious');
    },
  };
}
