/**
 * The document the page shows, and where its versions go. Each sheet the user opens is a
 * document (an id): edits update it in place; a link, a preset, a file or a restore replaces it
 * by another. Every persisted version goes to the address bar and to the recent sheets; it
 * becomes the *current* sheet in localStorage (the one a plain visit opens) only once the
 * document has evaluated once in this page without tripping the watchdog, so a sheet that
 * freezes the engine never displaces the user's own. What the session had not reflected when
 * the page is hidden goes to the journal, and the next start replays it on the same sheet.
 * The address bar and localStorage are written at a quiet moment, not in the task that shows an
 * edit (calmWrites.ts), and at once whenever the page is hidden or the sheet leaves.
 */
import { createSignal, type Accessor } from 'solid-js';
import type { Intent, IntentReply, OpenReply, Patch, PersistedState, SheetDescription } from '../../../session/contract';
import { newDocumentId } from '../../../share/currentDocument';
import { recentSheet } from '../../../share/recentSheets';
import { readSlot, type TextStore } from '../../../share/textSlots';
import type { SessionClient } from '../../client/sessionClient';
import type { LinkInUrl } from './linkInUrl';
import type { NoticeList } from './notices';
import type { RecentEntry, Recents } from './recents';
import { startDecision } from './startDecision';
import { createJournalKeeper } from './journalKeeper';
import { calmWrites } from './calmWrites';
import type { StorageSlots } from './storageSlots';

export interface Doc {
  readonly id: string;
  /** Evaluated once in this page (or opened as the current sheet, which had): its versions are current. */
  readonly proven: boolean;
  readonly fileText: string | null;
  readonly linkText: string | null;
  readonly description: SheetDescription | null;
}

/** A replacing intent on its way: the document changes with the first patch that reflects it, if it succeeded. */
interface Switch {
  rev: number;
  readonly intent: Intent;
  readonly id: string;
  decided: boolean;
  ok: boolean;
}

export interface DocumentKeeper {
  start(opened: Promise<OpenReply>): Promise<void>;
  readonly doc: Accessor<Doc | null>;
  readonly safeMode: Accessor<boolean>;
  /** The document a link replaced at start-up or in this tab (for "Restore previous sheet"). */
  readonly previous: Accessor<RecentEntry | null>;
  /** Replace the sheet with `intent`: a new document, or `id`'s (a recent sheet coming back). */
  replace(intent: Intent, id?: string): Promise<IntentReply>;
  /** Open a sheet that stopped the engine, in safe mode, in a fresh worker. */
  reopenSafe(entry: RecentEntry): Promise<void>;
  /** Take another tab's version of this document in (same document). */
  adopt(text: string): Promise<IntentReply>;
  /**
   * Give this tab's version a document of its own (kept as a separate recent sheet); the
   * document it leaves keeps `otherText`, the other tab's version.
   */
  fork(otherText: string): void;
  /** Write this version as current and recent now (another tab is told it stays). */
  saveNow(): void;
  /** Write what waits for a quiet moment (the address bar, the current sheet) now, e.g. before a link is shared. */
  flush(): void;
  /** The page is being hidden or unloaded: write what must survive, synchronously. */
  hidden(): void;
  onPersisted(listener: (doc: Doc, first: boolean) => void): void;
}

export interface KeeperDeps {
  readonly client: SessionClient;
  readonly store: TextStore | null;
  readonly slots: StorageSlots;
  readonly recents: Recents;
  readonly notices: NoticeList;
  readonly link: LinkInUrl;
  readonly now?: () => number;
}

export function createDocumentKeeper(deps: KeeperDeps): DocumentKeeper {
  const { client, slots, recents, notices, link } = deps;
  const now = deps.now ?? Date.now;
  const [doc, setDoc] = createSignal<Doc | null>(null);
  const [safeMode, setSafeMode] = createSignal(false);
  const [previous, setPrevious] = createSignal<RecentEntry | null>(null);
  let safeReason: 'tripped' | 'engine' = client.startRequest?.safeMode === true ? 'tripped' : 'engine';
  let started = false;
  const early: Patch[] = [];
  let firstPersisted: () => void = () => undefined;
  const persistedSeen = new Promise<void>((resolve) => (firstPersisted = resolve));
  let switches: Switch[] = [];
  let waiting: Patch[] = [];
  /** Link text of the newest persisted state: what unreflected intents apply to. */
  let latestLink: string | null = null;
  /** What localStorage holds as current (so an unchanged version is not written again). */
  let current: { id: string; text: string } | null = null;
  /** Reasons the current slot must not be written yet (the sheet it holds is not safe elsewhere). */
  const holds = new Set<'replacedNotKept' | 'savedNewer' | 'savedNotSetAside'>();
  const journal = createJournalKeeper(client, slots);
  /** Mark the next persisted texts as tripped (a safe-mode restart whose sheet had no texts yet). */
  let markNext = false;
  const persistedListeners = new Set<(doc: Doc, first: boolean) => void>();

  const entryOf = (shown: Doc): RecentEntry | null =>
    shown.fileText === null ? null : recentSheet(shown.id, shown.fileText, now(), shown.description);

  const setSafe = (value: boolean) => {
    if (value === safeMode()) return;
    setSafeMode(value);
    if (value) notices.push({ kind: 'safeMode', reason: safeReason });
    else notices.drop('safeMode');
  };

  const writeCurrent = () => {
    const shown = doc();
    if (shown === null || !shown.proven || holds.size > 0 || shown.fileText === null || !slots.available) return;
    if (current !== null && current.id === shown.id && current.text === shown.fileText) return;
    const written = slots.writeCurrent(shown.id, shown.fileText, shown.description);
    if (!written.ok) return notices.push({ kind: 'storage', key: written.key });
    notices.drop('storage');
    current = { id: shown.id, text: shown.fileText };
  };

  /** The link text in the address bar (null: none written yet). */
  let linkShown: string | null = null;
  const writeLink = () => {
    const text = doc()?.linkText ?? null;
    if (text === null || text === linkShown) return;
    linkShown = text;
    const written = link.write(text);
    if (written.ok) notices.drop('tooLongForLink');
    else notices.push({ kind: 'tooLongForLink', length: written.length });
  };

  // The address bar, the current sheet and the journal's clean-up, at a quiet moment (or flushed).
  const writes = calmWrites(() => {
    writeLink();
    writeCurrent();
    // Replayed edits are kept once saved: as the current sheet, or (a sheet that is not current yet) in its link and recents.
    const kept = doc();
    journal.settle(kept !== null && kept.fileText !== null && (!kept.proven || current?.text === kept.fileText), latestLink);
  });

  const takePersisted = (persisted: PersistedState) => {
    const shown = doc();
    if (shown === null) return;
    const first = shown.fileText === null;
    const next: Doc = { ...shown, fileText: persisted.fileText, linkText: persisted.linkText, description: persisted.description ?? shown.description };
    setDoc(next);
    const entry = entryOf(next);
    // A document's first version is kept at once: a page closed right after opening it loses nothing.
    if (entry !== null) recents.save(entry, first);
    if (markNext) {
      markNext = false;
      slots.markTripped([persisted.fileText, persisted.linkText], next.id);
    }
    persistedListeners.forEach((listener) => listener(next, first));
  };

  const switchTo = (id: string) => {
    // The leaving document's last version is written out before the new one takes its place.
    writes.flush();
    recents.flush();
    setDoc({ id, proven: false, fileText: null, linkText: null, description: null });
  };

  const process = (patch: Patch) => {
    while (switches.length > 0 && switches[0].rev <= patch.rev) {
      const next = switches[0];
      if (!next.decided) {
        waiting.push(patch);
        return;
      }
      switches.shift();
      if (next.ok) switchTo(next.id);
    }
    if (patch.persisted) takePersisted(patch.persisted);
    const shown = doc();
    if (shown !== null && !shown.proven && patch.idle && patch.rev >= client.sentRev && !safeMode() && shown.fileText !== null) {
      setDoc({ ...shown, proven: true });
      slots.forgiveTripped(shown.id, [shown.fileText, shown.linkText]);
      const entry = entryOf(shown);
      if (entry !== null) recents.save(entry, true);
    }
    writes.schedule();
  };

  const decide = (target: Switch, ok: boolean) => {
    if (target.decided) return;
    target.decided = true;
    target.ok = ok;
    const queued = waiting;
    waiting = [];
    queued.forEach(process);
  };

  client.subscribe((patch) => {
    if (patch.meta) setSafe(patch.meta.safeMode);
    if (patch.persisted) {
      latestLink = patch.persisted.linkText;
      firstPersisted();
    }
    if (!started) early.push(patch);
    else if (waiting.length > 0) waiting.push(patch);
    else process(patch);
  });

  client.onEvent((event) => {
    if (event.kind !== 'restarted') return;
    // A replacing intent lost with its worker is either replayed (it will be reflected) or dropped.
    for (const pending of switches) decide(pending, !event.dropped.includes(pending.intent));
    if (event.safeMode) {
      safeReason = 'engine';
      const shown = doc();
      slots.markTripped([event.openedText, shown?.fileText ?? null, shown?.linkText ?? null], shown?.id ?? null);
      markNext = true;
      if (safeMode()) notices.push({ kind: 'safeMode', reason: 'engine' });
    } else {
      notices.push({ kind: 'workerRestarted', reason: event.reason, dropped: event.dropped.length, safeMode: false });
    }
  });

  /** Replace the sheet through an intent; the document switches when the session has done it. */
  const replace = async (intent: Intent, id?: string): Promise<IntentReply> => {
    recents.flush();
    const target: Switch = { rev: 0, intent, id: id ?? newDocumentId(), decided: false, ok: false };
    const shown = doc();
    const replaced = shown === null ? null : entryOf(shown);
    const replying = client.request(intent);
    target.rev = client.sentRev;
    switches.push(target);
    const reply = await replying;
    decide(target, reply.ok);
    if (reply.ok && replaced !== null && replaced.id !== target.id) setPrevious(replaced);
    return reply;
  };

  const startWith = (reply: OpenReply) => {
    const decided = startDecision({
      reply,
      request: client.startRequest ?? { linkText: null, savedText: null },
      savedRecord: deps.store === null ? null : readSlot(deps.store, 'currentDocument'),
      safeMode: safeMode(),
      newId: newDocumentId,
      now: now(),
    });
    setDoc({ ...decided.doc, fileText: null, linkText: null, description: null });
    current = decided.current;
    reply.notices.forEach((notice) => notices.push(notice));
    if (decided.keepSavedAsIs) holds.add('savedNewer');
    if (decided.setAside !== null && !slots.setAsideSaved(decided.setAside).ok) holds.add('savedNotSetAside');
    const kept = decided.keep;
    if (kept !== null) {
      setPrevious(kept);
      holds.add('replacedNotKept');
      // If it cannot be kept (no IndexedDB: the recents notice says so), it stays the current sheet.
      void recents.keep(kept).then((ok) => {
        if (!ok) return;
        holds.delete('replacedNotKept');
        writeCurrent();
      });
    }
    const legacy = slots.legacyPrevious();
    if (legacy !== null) void recents.keep(recentSheet<SheetDescription>(newDocumentId(), legacy, now() - 1, null)).then((ok) => ok && slots.dropLegacyPrevious());
  };

  const replaying = (intent: Intent) => {
    if (intent.kind === 'load' || intent.kind === 'loadText' || intent.kind === 'preset') void replace(intent);
    else client.send(intent);
  };

  return {
    doc,
    safeMode,
    previous,
    replace,
    async start(opened) {
      const [reply] = await Promise.all([opened, persistedSeen]);
      startWith(reply);
      started = true;
      early.splice(0).forEach(process);
      // Edits a previous page journaled over this very sheet are sent again, in order.
      if (latestLink !== null) journal.replay(latestLink, replaying);
    },
    async reopenSafe(entry) {
      writes.flush();
      recents.flush();
      const shown = doc();
      const replaced = shown === null ? null : entryOf(shown);
      if (replaced !== null && replaced.id !== entry.id) setPrevious(replaced);
      switches = [];
      waiting = [];
      safeReason = 'tripped';
      setDoc({ id: entry.id, proven: false, fileText: null, linkText: null, description: entry.description });
      await client.reopen({ linkText: null, savedText: entry.text, safeMode: true });
    },
    adopt: (text) => client.request({ kind: 'loadText', text, format: 'file' }),
    fork(otherText) {
      const shown = doc();
      if (shown === null) return;
      const forked: Doc = { ...shown, id: newDocumentId() };
      setDoc(forked);
      // This tab's own earlier saves of the document it leaves must not outlast the other tab's version.
      recents.cancel(shown.id);
      recents.save(recentSheet(shown.id, otherText, now(), shown.description), true);
      const entry = entryOf(forked);
      if (entry !== null) recents.save(entry, true);
      current = null;
      writes.schedule();
    },
    saveNow() {
      const shown = doc();
      const entry = shown === null ? null : entryOf(shown);
      if (entry !== null) recents.save(entry, true);
      current = null;
      writes.schedule();
      writes.flush();
    },
    flush: () => writes.flush(),
    hidden() {
      writes.flush();
      if (latestLink !== null) journal.hidden(latestLink);
      recents.flush();
    },
    onPersisted: (listener) => void persistedListeners.add(listener),
  };
}
