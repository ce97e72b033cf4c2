/**
 * The journal as a page keeps it: written when the page is hidden (whatever the session had not
 * reflected then), replayed by the next start on the very sheet it was written over, and
 * forgotten once what it held has been reflected and saved.
 */
import type { Intent } from '../../../session/contract';
import type { SessionClient } from '../../client/sessionClient';
import type { JournalOf, StorageSlots } from './storageSlots';

export interface JournalKeeper {
  /** Send again what a previous page journaled over the sheet with this link text. */
  replay(linkText: string, send: (intent: Intent) => void): void;
  /** After a patch: forget entries whose intents were reflected (or dropped) once `saved` says they are kept. */
  settle(saved: boolean, latestLink: string | null): void;
  /** The page is being hidden: record this tab's unreflected intents over `latestLink`. */
  hidden(latestLink: string): void;
}

export function createJournalKeeper(client: SessionClient, slots: StorageSlots): JournalKeeper {
  let replayed: { entries: JournalOf[]; upToRev: number } | null = null;
  let written = false;
  return {
    replay(linkText, send) {
      const entries = slots.journalFor(linkText);
      if (entries.length === 0) return;
      for (const entry of entries) entry.intents.forEach(send);
      replayed = { entries, upToRev: client.sentRev };
    },
    settle(saved, latestLink) {
      if (replayed !== null && saved) {
        const upTo = replayed.upToRev;
        if (!client.unreflected().some((entry) => entry.rev <= upTo)) {
          slots.removeJournal(replayed.entries);
          replayed = null;
        }
      }
      // This tab's own entry from an earlier hiding, now answered: the tab is visible again and it is moot.
      if (written && client.unreflected().length === 0 && latestLink !== null) {
        slots.writeJournal(latestLink, []);
        written = false;
      }
    },
    hidden(latestLink) {
      const intents = client.unreflected().map((entry) => entry.intent);
      written = slots.writeJournal(latestLink, intents).ok && intents.length > 0;
    },
  };
}
