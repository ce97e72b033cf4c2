/**
 * Where the user's work lives outside the page, and how it comes back: the address bar (the
 * link), localStorage (the current sheet, the journal of unanswered edits, the sheets that
 * stopped the engine), IndexedDB (the recent sheets), and the other open tabs. The session
 * encodes and decodes; this store only moves texts and says what happened in notices. Nothing is
 * thrown. The parts live in ./persist: documents.ts (which sheet is shown and where its versions
 * go), recents.ts, tabs.ts, linkInUrl.ts, storageSlots.ts, notices.ts.
 */
import { createMemo, onCleanup, type Accessor } from 'solid-js';
import type { IntentReply, Message, OpenReply } from '../../session/contract';
import { newTabId } from '../../share/tabSync';
import { openTextStore, type TextStore } from '../../share/textSlots';
import type { SessionClient } from '../client/sessionClient';
import { createDocumentKeeper } from './persist/documents';
import { createLinkInUrl } from './persist/linkInUrl';
import { createNoticeList, type Notice } from './persist/notices';
import { createRecents, type RecentEntry } from './persist/recents';
import { storageSlots } from './persist/storageSlots';
import { createTabSync } from './persist/tabs';

export type { Notice } from './persist/notices';
export { MAX_URL_CHARS } from './persist/linkInUrl';

/** A recent sheet as the menu lists it. */
export interface RecentView extends RecentEntry {
  /** It stopped the compute engine: it opens in safe mode. */
  readonly tripped: boolean;
  /** It is the sheet shown now. */
  readonly current: boolean;
}

export interface Persistence {
  readonly notices: Accessor<readonly Notice[]>;
  dismiss(notice: Notice): void;
  report(notice: Notice): void;
  /** Take in the session's start-up answer (boot.ts opened what the URL or the autosave holds). */
  start(opened: Promise<OpenReply>): Promise<void>;
  /** "Restore previous": bring back the sheet a link replaced. */
  restorePrevious(): Promise<void>;
  /** Open a state file's text (one undo step); a refusal becomes a notice. */
  openFile(text: string): Promise<void>;
  /** Replace the sheet with a ready-made one (a new document). */
  openPreset(id: string): Promise<void>;
  /** The shareable URL for the current sheet, or why there is none (writes what waits first). */
  shareUrl(): { ok: true; url: string } | { ok: false; length: number };
  /** The latest state file text (for "Export sheet file"). */
  fileText(): string | null;
  readonly recents: Accessor<readonly RecentView[]>;
  refreshRecents(): Promise<void>;
  restoreRecent(id: string): Promise<void>;
  /** In safe mode: evaluate the sheet after all. */
  readonly safeMode: Accessor<boolean>;
  evaluateAnyway(): void;
  /** After another tab changed this sheet at the same time: take that tab's version. */
  loadOtherTab(): Promise<void>;
}

const isNewerFormat = (message: Message) => message.key === 'share.error.unknownVersion';

export function createPersistence(client: SessionClient, store: TextStore | null = openTextStore()): Persistence {
  const tab = newTabId();
  const notices = createNoticeList(store === null ? [{ kind: 'storage', key: 'share.storage.unavailable' }] : []);
  const slots = storageSlots(store, tab);
  const recents = createRecents((error) => (error === null ? notices.drop('recentsStorage') : notices.push({ kind: 'recentsStorage', error })));

  const refused = (reply: IntentReply, otherwise: (message: Message) => Notice): boolean => {
    if (reply.ok) return false;
    notices.push(isNewerFormat(reply.error) ? { kind: 'newerFormat', message: reply.error } : otherwise(reply.error));
    return true;
  };

  // A link pasted into the address bar of an open tab arrives as a hashchange, not a reload.
  const link = createLinkInUrl((text) => {
    void keeper.replace({ kind: 'loadText', text, format: 'link' }).then((reply) => {
      if (refused(reply, (message) => ({ kind: 'brokenLink', message, kept: true }))) {
        // The address bar shows the user's sheet again, not the link that did not open.
        const shownLink = keeper.doc()?.linkText;
        if (shownLink) link.write(shownLink);
        return;
      }
      notices.push({ kind: 'linkReplacedLocal' });
    });
  });
  const keeper = createDocumentKeeper({ client, store, slots, recents, notices, link });
  const tabs = createTabSync(tab, keeper, client, notices);

  const onHidden = () => keeper.hidden();
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') keeper.hidden();
  };
  window.addEventListener('pagehide', onHidden);
  document.addEventListener('visibilitychange', onVisibility);
  onCleanup(() => {
    window.removeEventListener('pagehide', onHidden);
    document.removeEventListener('visibilitychange', onVisibility);
    tabs.close();
  });

  const views = createMemo<readonly RecentView[]>(() => {
    const shownId = keeper.doc()?.id ?? null;
    return recents.list().map((entry) => ({ ...entry, tripped: slots.isTripped(entry.hash), current: entry.id === shownId }));
  });

  const restore = async (entry: RecentEntry): Promise<boolean> => {
    if (entry.id === keeper.doc()?.id) return false;
    if (slots.isTripped(entry.hash)) {
      await keeper.reopenSafe(entry);
      return true;
    }
    const reply = await keeper.replace({ kind: 'loadText', text: entry.text, format: 'file' }, entry.id);
    return !refused(reply, (message) => ({ kind: 'fileRefused', message }));
  };

  return {
    notices: notices.notices,
    dismiss: notices.dismiss,
    report: notices.push,
    start: (opened) => keeper.start(opened).then(() => recents.refresh()),
    async restorePrevious() {
      const previous = keeper.previous();
      if (previous === null || !(await restore(previous))) return;
      notices.drop('linkReplacedLocal');
      notices.push({ kind: 'restored' });
    },
    async openFile(text) {
      const reply = await keeper.replace({ kind: 'loadText', text, format: 'file' });
      refused(reply, (message) => ({ kind: 'fileRefused', message }));
    },
    async openPreset(id) {
      const reply = await keeper.replace({ kind: 'preset', id });
      refused(reply, (message) => ({ kind: 'fileRefused', message }));
    },
    shareUrl() {
      // The address bar catches up first: a link shared from it by hand then matches the one handed out.
      keeper.flush();
      return link.shareUrl(keeper.doc()?.linkText ?? '');
    },
    fileText: () => keeper.doc()?.fileText ?? null,
    recents: views,
    refreshRecents: () => recents.refresh(),
    async restoreRecent(id) {
      await recents.refresh();
      const entry = recents.list().find((candidate) => candidate.id === id);
      if (entry !== undefined) await restore(entry);
    },
    safeMode: keeper.safeMode,
    evaluateAnyway: () => void client.send({ kind: 'evaluate' }),
    loadOtherTab: () => tabs.loadElsewhere(),
  };
}
