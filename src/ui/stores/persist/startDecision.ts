/**
 * How the page reads the session's start-up answer (pure): which document it shows and whether
 * that is already the current sheet, what must happen to the saved sheet (kept as a recent sheet
 * because a link replaced it, set aside because it could not be read, or left alone because a
 * newer version of the app wrote it), all before anything may overwrite it.
 */
import type { OpenReply, OpenRequest, SheetDescription } from '../../../session/contract';
import { currentDocumentDescription, documentAtStart, readCurrentDocument } from '../../../share/currentDocument';
import { recentSheet } from '../../../share/recentSheets';
import { isDescription, type RecentEntry } from './recents';

export interface StartDecision {
  readonly doc: { readonly id: string; readonly proven: boolean };
  /** What the current slot already holds for this document (it need not be written again). */
  readonly current: { readonly id: string; readonly text: string } | null;
  /** The saved sheet a link replaced: kept among the recent sheets before it may stop being current. */
  readonly keep: RecentEntry | null;
  /** An unreadable saved sheet, to set aside before anything overwrites it. */
  readonly setAside: string | null;
  /** The saved sheet is from a newer format: the current slot is not written in this page. */
  readonly keepSavedAsIs: boolean;
}

export interface StartInput {
  readonly reply: OpenReply;
  readonly request: OpenRequest;
  /** The current sheet's document record (textSlots 'currentDocument'). */
  readonly savedRecord: string | null;
  /** The sheet opened in safe mode. */
  readonly safeMode: boolean;
  readonly newId: () => string;
  readonly now: number;
}

/** `startDecision({ reply: { source: 'saved', … }, … }).doc` → the saved document, already current. */
export function startDecision(input: StartInput): StartDecision {
  const { reply, request, savedRecord } = input;
  const savedText = request.savedText;
  const has = (kind: string) => reply.notices.some((notice) => notice.kind === kind);
  // The saved sheet did not open although it was there: it is damaged or from a newer format. (A
  // valid link opens over a bad saved sheet too; the session then reports the saved sheet's trouble.)
  const savedBad = savedText !== null && (reply.source === 'default' || (reply.source === 'link' && (has('savedUnreadable') || has('newerFormat'))));
  const savedUnreadable = savedBad && has('savedUnreadable');
  const start = documentAtStart({
    source: reply.source,
    savedText,
    savedRecord,
    replacedSaved: reply.replacedText !== null,
    savedUnreadable: savedBad,
    safeMode: input.safeMode,
  });
  const id = start.id ?? input.newId();
  let keep: RecentEntry | null = null;
  if (reply.replacedText !== null) {
    const described = currentDocumentDescription(savedRecord);
    const savedId = readCurrentDocument(savedRecord, savedText) ?? input.newId();
    keep = recentSheet<SheetDescription>(savedId, reply.replacedText, input.now, isDescription(described) ? described : null);
  }
  return {
    doc: { id, proven: start.proven },
    current: start.proven && start.id !== null && savedText !== null ? { id: start.id, text: savedText } : null,
    keep,
    setAside: savedUnreadable ? savedText : null,
    keepSavedAsIs: savedBad && !savedUnreadable,
  };
}
