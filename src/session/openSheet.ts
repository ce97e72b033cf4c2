/**
 * Start-up inside the session: the page hands over the untrusted texts it found (the link's
 * payload, the autosave) and the session decodes, checks and chooses, so that a hostile link is
 * parsed off the page's thread and the page needs no codec. Policy (src/share/startup.ts): a
 * valid link wins; a different local sheet it replaces is handed back to be kept; a broken link
 * keeps the user's own sheet; a sheet from a newer format version opens nothing.
 */
import { decodeState } from '../share/codec';
import { sameSheet } from '../share/envelope';
import type { ShareError } from '../share/errors';
import { readStateFile, stateFileText } from '../share/stateFile';
import type { SheetState } from '../sheet/types';
import type { Message, OpenNotice, OpenReply, OpenRequest } from './contract';

export interface OpenedSheet {
  readonly state: SheetState;
  readonly reply: OpenReply;
}

const errorMessage = (error: ShareError): Message => (error.args === undefined ? { key: error.key } : { key: error.key, args: error.args });

/** `openSheet({ linkText: null, savedText: null }, defaultSheet()).reply.source === 'default'`. */
export function openSheet(request: OpenRequest, defaultState: SheetState): OpenedSheet {
  const notices: OpenNotice[] = [];
  const saved = request.savedText === null ? null : readStateFile(request.savedText);
  const savedState = saved?.ok === true ? saved.state : null;
  if (saved !== null && !saved.ok) {
    notices.push(
      saved.error.code === 'unknownVersion'
        ? { kind: 'newerFormat', message: errorMessage(saved.error) }
        : { kind: 'savedUnreadable', message: errorMessage(saved.error) },
    );
  }

  const link = request.linkText === null ? null : decodeState(request.linkText);
  if (link !== null && link.ok) {
    if (link.migratedFrom !== undefined) notices.push({ kind: 'migrated', from: link.migratedFrom });
    const replaced = savedState !== null && !sameSheet(savedState, link.state);
    if (replaced) notices.push({ kind: 'linkReplacedLocal' });
    return {
      state: link.state,
      reply: { source: 'link', notices, replacedText: replaced && savedState !== null ? stateFileText(savedState) : null },
    };
  }
  if (link !== null && !link.ok) {
    const kept = savedState !== null;
    notices.push(
      link.error.code === 'unknownVersion'
        ? { kind: 'newerFormat', message: errorMessage(link.error) }
        : { kind: 'brokenLink', message: errorMessage(link.error), kept },
    );
  }
  if (savedState !== null) {
    if (saved?.ok === true && saved.migratedFrom !== undefined) notices.push({ kind: 'migrated', from: saved.migratedFrom });
    return { state: savedState, reply: { source: 'saved', notices, replacedText: null } };
  }
  return { state: defaultState, reply: { source: 'default', notices, replacedText: null } };
}
