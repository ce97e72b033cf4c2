/**
 * The channel the playground's tabs of one browser profile talk over. A browser without
 * BroadcastChannel gets a silent one: each tab then simply keeps to itself.
 */
import { asSavedMessage, type SavedMessage } from '../../../share/tabSync';

export interface TabChannel {
  post(message: SavedMessage): void;
  close(): void;
}

export const CHANNEL_NAME = 'momentum-playground';

export function openTabChannel(onMessage: (message: SavedMessage) => void): TabChannel {
  if (typeof BroadcastChannel === 'undefined') return { post: () => undefined, close: () => undefined };
  const channel = new BroadcastChannel(CHANNEL_NAME);
  channel.addEventListener('message', (event: MessageEvent) => {
    const message = asSavedMessage(event.data);
    if (message !== null) onMessage(message);
  });
  return {
    post(message) {
      try {
        channel.postMessage(message);
      } catch {
        // A closed channel (the page is going away) has nobody left to tell.
      }
    },
    close: () => channel.close(),
  };
}
