/**
 * Where the sheet lives outside the page: the URL fragment (replaceState, no history entries)
 * and the autosave in localStorage. The session encodes and decodes; this store only moves the
 * texts: what the page found at start-up goes to the session, what the session persisted after
 * each edit goes to the URL and the storage. Banners say what happened; nothing is thrown.
 */
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import type { Message, OpenNotice, OpenReply, Patch } from '../../session/contract';
import { openTextStore, readSlot, writeSlot, type TextStore } from '../../share/textSlots';
import { LINK_PARAM, linkTextFromHash } from '../client/startupRequest';
import type { SessionClient } from '../client/sessionClient';

/** Longest link handed out; a longer sheet stays local and is offered as a state file. */
export const MAX_URL_CHARS = 8000;

export type Notice =
  | OpenNotice
  | { readonly kind: 'storage'; readonly key: string }
  | { readonly kind: 'tooLongForLink'; readonly length: number }
  | { readonly kind: 'restored' }
  | { readonly kind: 'fileRefused'; readonly message: Message }
  | { readonly kind: 'workerRestarted'; readonly reason: 'crashed' | 'unresponsive'; readonly dropped: number; readonly safeMode: boolean };

export interface Persistence {
  readonly notices: Accessor<readonly Notice[]>;
  dismiss(notice: Notice): void;
  report(notice: Notice): void;
  /** Take in the session's start-up answer (boot.ts opened what the URL or the autosave holds). */
  start(opened: Promise<OpenReply>): Promise<void>;
  /** "Restore previous": swap the current sheet with the one a link replaced. */
  restorePrevious(): void;
  /** Open a state file's text (one undo step); a refusal becomes a notice. */
  openFile(text: string): Promise<void>;
  /** The shareable URL for the current sheet, or why there is none. */
  shareUrl(): { ok: true; url: string } | { ok: false; length: number };
  /** The latest state file text (for "Export sheet file"). */
  fileText(): string | null;
}

export function createPersistence(client: SessionClient, storage: TextStore | null = openTextStore()): Persistence {
  const [notices, setNotices] = createSignal<readonly Notice[]>(storage === null ? [{ kind: 'storage', key: 'share.storage.unavailable' }] : []);
  const push = (notice: Notice) => setNotices((list) => [...list.filter((n) => n.kind !== notice.kind), notice]);
  const drop = (kind: Notice['kind']) => setNotices((list) => list.filter((n) => n.kind !== kind));
  let linkText: string | null = null;
  let fileText: string | null = null;
  let lastWrittenHash = location.hash;
  /** Autosave is held back until the start-up decision is known, so nothing is overwritten first. */
  let saving = false;

  const save = (text: string) => {
    if (storage === null || !saving) return;
    const written = writeSlot(storage, 'current', text);
    if (written.ok) drop('storage');
    else push({ kind: 'storage', key: written.key });
  };

  const writeUrl = (text: string) => {
    const url = new URL(location.href);
    const hash = `#${LINK_PARAM}=${text}`;
    if (url.origin.length + url.pathname.length + hash.length > MAX_URL_CHARS) {
      // Too long for a link: keep the sheet local (autosave, state file) and say so once.
      push({ kind: 'tooLongForLink', length: hash.length });
      url.hash = '';
    } else {
      drop('tooLongForLink');
      url.hash = hash;
    }
    lastWrittenHash = url.hash;
    history.replaceState(history.state, '', url);
  };

  client.subscribe((patch: Patch) => {
    if (patch.persisted === undefined) return;
    linkText = patch.persisted.linkText;
    fileText = patch.persisted.fileText;
    writeUrl(linkText);
    save(fileText);
  });

  client.onEvent((event) => {
    if (event.kind === 'restarted') push({ kind: 'workerRestarted', reason: event.reason, dropped: event.dropped.length, safeMode: event.safeMode });
  });

  // A link pasted into the address bar of an open tab arrives as a hashchange, not a reload.
  const onHashChange = () => {
    if (location.hash === lastWrittenHash) return;
    const text = linkTextFromHash(location.hash);
    if (text === null) return;
    const before = fileText;
    void client.request({ kind: 'loadText', text, format: 'link' }).then((reply) => {
      if (!reply.ok) {
        push({ kind: 'brokenLink', message: reply.error, kept: true });
        if (linkText !== null) writeUrl(linkText);
        return;
      }
      if (storage !== null && before !== null) writeSlot(storage, 'previous', before);
      push({ kind: 'linkReplacedLocal' });
    });
  };
  window.addEventListener('hashchange', onHashChange);
  onCleanup(() => window.removeEventListener('hashchange', onHashChange));

  return {
    notices,
    dismiss: (notice) => setNotices((list) => list.filter((n) => n !== notice)),
    report: push,
    async start(opened) {
      const reply = await opened;
      // The replaced local sheet is kept before anything overwrites the autosave.
      if (reply.replacedText !== null && storage !== null) {
        const kept = writeSlot(storage, 'previous', reply.replacedText);
        if (!kept.ok) {
          push({ kind: 'storage', key: kept.key });
          setNotices((list) => [...list, ...reply.notices]);
          return;
        }
      }
      // An unreadable or newer-format autosave is never overwritten by the sheet shown instead.
      const keepsSaved = reply.notices.some((notice) => notice.kind === 'savedUnreadable' || notice.kind === 'newerFormat');
      saving = !keepsSaved;
      setNotices((list) => [...list, ...reply.notices]);
      if (saving && fileText !== null) save(fileText);
    },
    restorePrevious() {
      if (storage === null) return;
      const previous = readSlot(storage, 'previous');
      if (previous === null) return;
      const current = fileText;
      void client.request({ kind: 'loadText', text: previous, format: 'file' }).then((reply) => {
        if (!reply.ok) return push({ kind: 'fileRefused', message: reply.error });
        if (current !== null) writeSlot(storage, 'previous', current);
        drop('linkReplacedLocal');
        push({ kind: 'restored' });
      });
    },
    async openFile(text) {
      const reply = await client.request({ kind: 'loadText', text, format: 'file' });
      if (!reply.ok) push({ kind: 'fileRefused', message: reply.error });
    },
    shareUrl() {
      const url = new URL(location.href);
      const hash = `#${LINK_PARAM}=${linkText ?? ''}`;
      if (url.origin.length + url.pathname.length + hash.length > MAX_URL_CHARS) return { ok: false, length: hash.length };
      url.hash = hash;
      return { ok: true, url: url.toString() };
    },
    fileText: () => fileText,
  };
}
