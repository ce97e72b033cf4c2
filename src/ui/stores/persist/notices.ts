/**
 * What the user must be told about their work: where a sheet came from, what was kept, what
 * could not be saved. One list, at most one notice of each kind (a newer one replaces it).
 */
import { createSignal, type Accessor } from 'solid-js';
import type { Message, OpenNotice } from '../../../session/contract';

export type Notice =
  | OpenNotice
  /** localStorage refused a write (`key`: share.storage.*). */
  | { readonly kind: 'storage'; readonly key: string }
  /** IndexedDB refused: the recent sheets cannot be kept. */
  | { readonly kind: 'recentsStorage'; readonly error: 'unavailable' | 'quotaExceeded' }
  | { readonly kind: 'tooLongForLink'; readonly length: number }
  | { readonly kind: 'restored' }
  | { readonly kind: 'fileRefused'; readonly message: Message }
  | { readonly kind: 'workerRestarted'; readonly reason: 'crashed' | 'unresponsive'; readonly dropped: number; readonly safeMode: boolean }
  /** The sheet is shown in safe mode: it stopped the engine before (`tripped`) or just now (`engine`). */
  | { readonly kind: 'safeMode'; readonly reason: 'tripped' | 'engine' }
  /** Another tab's edit of this sheet was taken in. */
  | { readonly kind: 'tabMerged' }
  /** Another tab changed this sheet at the same time: this tab's version is now a separate sheet. */
  | { readonly kind: 'tabForked' }
  /** Another tab changed this sheet at the same time: that tab keeps its version separately. */
  | { readonly kind: 'tabKept' };

/** Plain functions (no `this`), so they can be handed on as they are. */
export interface NoticeList {
  readonly notices: Accessor<readonly Notice[]>;
  readonly push: (notice: Notice) => void;
  readonly drop: (kind: Notice['kind']) => void;
  readonly dismiss: (notice: Notice) => void;
  readonly has: (kind: Notice['kind']) => boolean;
}

export function createNoticeList(initial: readonly Notice[] = []): NoticeList {
  const [notices, setNotices] = createSignal<readonly Notice[]>(initial);
  return {
    notices,
    push: (notice) => setNotices((list) => [...list.filter((other) => other.kind !== notice.kind), notice]),
    drop: (kind) => setNotices((list) => (list.some((notice) => notice.kind === kind) ? list.filter((notice) => notice.kind !== kind) : list)),
    dismiss: (notice) => setNotices((list) => list.filter((other) => other !== notice)),
    has: (kind) => notices().some((notice) => notice.kind === kind),
  };
}
