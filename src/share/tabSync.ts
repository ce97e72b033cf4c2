/**
 * Tabs that show the same document tell each other about every save (over a BroadcastChannel),
 * and this decides what a tab does with another tab's save. Every save names the version it was
 * made from (`base`, the fingerprint of the text the saving tab last had in common with the
 * others), so a tab can tell a plain continuation of what it shows from a concurrent edit:
 *  - a continuation, while this tab has nothing of its own in flight: take it (the other tab's
 *    edit is merged here);
 *  - a concurrent edit: the two versions split. The newer tab (by when it opened) keeps its
 *    version as a separate document and is offered the other one; the older tab keeps the
 *    document and says so again, so that the newer one learns of the split too.
 * Nothing is overwritten silently. Pure: the page wires it to the channel (ui/stores).
 */

/** A tab's id: when it opened, then random digits, so that ids sort by age. */
export function newTabId(now: number = Date.now(), random: () => number = Math.random): string {
  return `${now.toString(36).padStart(9, '0')}-${Math.floor(random() * 36 ** 6).toString(36).padStart(6, '0')}`;
}

export interface SavedMessage {
  readonly kind: 'saved';
  readonly tab: string;
  readonly doc: string;
  /** textHash(text). */
  readonly hash: string;
  /** The hash the sender's version was made from (null: a document new in the sender). */
  readonly base: string | null;
  /** The state file text. */
  readonly text: string;
}

export interface TabView {
  readonly tab: string;
  readonly doc: string;
  /** Hash of the version this tab last had in common with the others. */
  readonly known: string | null;
  /** Hash of what this tab shows now (its latest persisted text). */
  readonly shown: string | null;
  /** This tab has sent edits its session has not reflected yet. */
  readonly busy: boolean;
}

export type SyncAction =
  /** Not about this tab's document, or nothing new. */
  | 'ignore'
  /** The same version this tab shows: only remember it as known. */
  | 'same'
  /** A continuation of what this tab shows: load it. */
  | 'adopt'
  /** Concurrent versions, this tab is the newer one: keep this version as a new document. */
  | 'fork'
  /** Concurrent versions, this tab is the older one: keep the document and announce this version. */
  | 'keep';

/** `syncAction({ tab: 'b', doc: 'd', known: 'h0', shown: 'h0', busy: false }, { …, doc: 'd', base: 'h0', hash: 'h1' })` → 'adopt'. */
export function syncAction(view: TabView, message: SavedMessage): SyncAction {
  if (message.tab === view.tab || message.doc !== view.doc) return 'ignore';
  if (message.hash === view.shown) return 'same';
  if (message.base !== null && message.base === view.known && view.known === view.shown && !view.busy) return 'adopt';
  return view.tab > message.tab ? 'fork' : 'keep';
}

/** A message read from the channel, if it is one of ours (another version of the app may share the channel). */
export function asSavedMessage(data: unknown): SavedMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const { kind, tab, doc, hash, base, text } = data as Record<string, unknown>;
  if (kind !== 'saved' || typeof tab !== 'string' || typeof doc !== 'string' || typeof hash !== 'string' || typeof text !== 'string') return null;
  if (base !== null && typeof base !== 'string') return null;
  return { kind, tab, doc, hash, base, text };
}
