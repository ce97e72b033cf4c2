/**
 * Documents: every sheet the user opens gets an id, kept while it is edited and replaced when a
 * link, a preset or a file replaces the sheet. The id names the sheet's entry among the recent
 * sheets and lets two tabs tell that they show the same sheet. The current sheet's id is stored
 * beside its text with the text's fingerprint, so an id is never paired with another tab's text.
 */
import { textHash } from './textHash';

/** 32 hex digits; `crypto.getRandomValues` works in insecure contexts too (unlike randomUUID). */
export function newDocumentId(random: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes)): string {
  return [...random(new Uint8Array(16))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The slot text naming the current sheet's document: `{"id":…,"hash":textHash(fileText)}`, with
 * the session's description of it when given (so the sheet can be listed among the recent sheets
 * by what it is even if it only reaches them later, when a link replaces it).
 */
export function currentDocumentText(id: string, fileText: string, description?: unknown): string {
  return JSON.stringify(description === undefined ? { id, hash: textHash(fileText) } : { id, hash: textHash(fileText), description });
}

/** The description stored with the record (unchecked: the caller knows its shape), or null. */
export function currentDocumentDescription(record: string | null): unknown {
  try {
    const parsed: unknown = record === null ? null : JSON.parse(record);
    return typeof parsed === 'object' && parsed !== null ? ((parsed as { description?: unknown }).description ?? null) : null;
  } catch {
    return null;
  }
}

/** The stored id, if the record is intact and belongs to `savedText` (else null: a new id is due). */
export function readCurrentDocument(record: string | null, savedText: string | null): string | null {
  if (record === null || savedText === null) return null;
  try {
    const parsed: unknown = JSON.parse(record);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { id, hash } = parsed as { id?: unknown; hash?: unknown };
    return typeof id === 'string' && /^[0-9a-f]{8,64}$/.test(id) && hash === textHash(savedText) ? id : null;
  } catch {
    return null;
  }
}

export interface StartInput {
  /** Where the session took the sheet from (OpenReply.source). */
  readonly source: 'link' | 'saved' | 'default';
  /** The saved sheet the page handed to the session, and its document record. */
  readonly savedText: string | null;
  readonly savedRecord: string | null;
  /** The session said the link replaced a different saved sheet (OpenReply.replacedText !== null). */
  readonly replacedSaved: boolean;
  /** The saved sheet could not be read (damaged, or from a newer format). */
  readonly savedUnreadable: boolean;
  readonly safeMode: boolean;
}

export interface StartDocument {
  /** The saved sheet's document id when the sheet shown is that sheet; null: a new document. */
  readonly id: string | null;
  /**
   * True when the sheet shown is the saved one, which became current only after it had evaluated
   * once: it need not prove itself again before edits are saved.
   */
  readonly proven: boolean;
}

/**
 * Which document the page shows after start-up. A reload carries the sheet both in its link and
 * in the autosave: the session then reports a link that replaced nothing, and it is the same
 * document. `documentAtStart({ source: 'saved', … })` → `{ id: <the saved id>, proven: true }`.
 */
export function documentAtStart(input: StartInput): StartDocument {
  const sameAsSaved =
    input.savedText !== null && !input.savedUnreadable && (input.source === 'saved' || (input.source === 'link' && !input.replacedSaved));
  if (!sameAsSaved) return { id: null, proven: false };
  return { id: readCurrentDocument(input.savedRecord, input.savedText), proven: !input.safeMode };
}
