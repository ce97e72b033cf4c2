/**
 * A sheet in a few words, for the page's list of recent sheets: the page holds no codec, so the
 * session describes each sheet it persists. Read from the raw inputs only (nothing evaluated), so
 * a sheet in safe mode is described the same way.
 */
import { parseAddress } from '../sheet/address';
import type { SheetState } from '../sheet/types';
import type { SheetDescription } from './contract';

/** Longest title kept; a list entry shows one line. */
export const TITLE_CHARS = 80;

// A note cell is written =NOTE('key') or =NOTE("key"); its text is in the catalogue.
const NOTE = /^=\s*NOTE\(\s*(['"])([\w.-]+)\1\s*\)\s*$/i;

/**
 * The first text the user typed, in reading order (texts the chapter's sheet has at the same
 * place, `base`, are its labels, not the user's), else the first note, and how many cells hold
 * something. `describeSheet({ …, cells: { A1: "=NOTE('note.intro')", F2: 'my notes', B3: '0.5' } }, {})`
 * → `{ title: 'my notes', cells: 3 }`.
 */
export function describeSheet(state: SheetState, base: Readonly<Record<string, string>>): SheetDescription {
  const addresses = Object.keys(state.cells)
    .map((address) => ({ address, at: parseAddress(address) }))
    .filter((entry) => entry.at !== null)
    .sort((a, b) => a.at!.row - b.at!.row || a.at!.col - b.at!.col)
    .map((entry) => entry.address);
  let note: string | null = null;
  for (const address of addresses) {
    const raw = state.cells[address].trim();
    if (raw === '') continue;
    const noted = NOTE.exec(raw);
    if (noted !== null) {
      note ??= noted[2];
      continue;
    }
    if (raw.startsWith('=') || Number.isFinite(Number(raw)) || /^(true|false)$/i.test(raw) || base[address]?.trim() === raw) continue;
    return { title: raw.length > TITLE_CHARS ? `${raw.slice(0, TITLE_CHARS - 1)}…` : raw, cells: addresses.length };
  }
  return { title: note === null ? null : { key: note }, cells: addresses.length };
}
