/**
 * This tab and the others: every version this tab persists is announced on the channel, and
 * what the other tabs announce about the same document is merged in, or, when both changed it at
 * once, split into two documents with a notice (src/share/tabSync.ts decides which).
 */
import type { SessionClient } from '../../client/sessionClient';
import { syncAction, type SavedMessage } from '../../../share/tabSync';
import { textHash } from '../../../share/textHash';
import type { DocumentKeeper } from './documents';
import type { NoticeList } from './notices';
import { openTabChannel } from './tabChannel';

export interface TabSync {
  /** The forked tab goes back to the other tab's version of the document (its own stays a recent sheet). */
  loadElsewhere(): Promise<void>;
  close(): void;
}

export function createTabSync(tab: string, keeper: DocumentKeeper, client: SessionClient, notices: NoticeList): TabSync {
  /** Hash of the version this tab last had in common with the others. */
  let known: string | null = null;
  /** The document `known` is about (another document starts with nothing in common). */
  let knownDoc: string | null = null;
  /** Set while a loaded version's own persisted patch is still to come (it must not be announced back). */
  let adopting: string | null = null;
  /** The other tab's version of a document this tab split from, kept current while it changes. */
  let elsewhere: SavedMessage | null = null;

  const onMessage = (message: SavedMessage) => {
    if (elsewhere !== null && message.doc === elsewhere.doc && message.tab !== tab) elsewhere = message;
    const shown = keeper.doc();
    if (shown === null) return;
    const action = syncAction(
      { tab, doc: shown.id, known: knownDoc === shown.id ? known : null, shown: shown.fileText === null ? null : textHash(shown.fileText), busy: client.unreflected().length > 0 },
      message,
    );
    switch (action) {
      case 'ignore':
        return;
      case 'same':
        known = message.hash;
        return;
      case 'adopt':
        known = message.hash;
        adopting = message.hash;
        notices.push({ kind: 'tabMerged' });
        void keeper.adopt(message.text);
        return;
      case 'fork':
        elsewhere = message;
        keeper.fork(message.text);
        known = shown.fileText === null ? null : textHash(shown.fileText);
        knownDoc = keeper.doc()?.id ?? null;
        notices.push({ kind: 'tabForked' });
        return;
      case 'keep':
        // Say it again with this tab's own base, so that the other tab sees the split as well.
        if (shown.fileText !== null) channel.post({ kind: 'saved', tab, doc: shown.id, hash: textHash(shown.fileText), base: known, text: shown.fileText });
        keeper.saveNow();
        notices.push({ kind: 'tabKept' });
    }
  };
  const channel = openTabChannel(onMessage);

  keeper.onPersisted((doc, first) => {
    if (doc.fileText === null) return;
    if (doc.id !== knownDoc) {
      knownDoc = doc.id;
      known = null;
    }
    const hash = textHash(doc.fileText);
    if (adopting === hash || hash === known) {
      adopting = null;
      known = hash;
      return;
    }
    // A document's first version in this tab is what it opened: the others have it already, or not at all.
    if (first && known === null) {
      known = hash;
      return;
    }
    channel.post({ kind: 'saved', tab, doc: doc.id, hash, base: known, text: doc.fileText });
    known = hash;
  });

  return {
    async loadElsewhere() {
      const other = elsewhere;
      if (other === null) return;
      const reply = await keeper.replace({ kind: 'loadText', text: other.text, format: 'file' }, other.doc);
      if (!reply.ok) return;
      known = other.hash;
      adopting = other.hash;
      elsewhere = null;
      notices.drop('tabForked');
    },
    close: () => channel.close(),
  };
}
