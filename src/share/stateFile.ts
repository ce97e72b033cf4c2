/**
 * Sheet ⇄ state file: the same envelope as a link, pretty-printed and uncompressed so that it can
 * be read, diffed and kept in version control. Import goes through the same defensive path as a
 * link (size cap, unsafe keys, migrations, schema) and never throws.
 */
import type { SheetState } from '../sheet/types';
import { shareError } from './errors';
import { decodeEnvelopeJson, envelopeFor, type DecodeResult } from './envelope';

/** Largest state file accepted, in characters (a full 20,000-cell sheet fits). */
export const MAX_STATE_FILE_CHARS = 5_000_000;

export const STATE_FILE_MIME_TYPE = 'application/json';
export const STATE_FILE_EXTENSION = '.momentum.json';

/** The file's text: `stateFileText(state)` → `'{\n  "app": "momentum-playground",\n  "v": 1, …'`. */
export function stateFileText(state: SheetState): string {
  return `${JSON.stringify(envelopeFor(state, 'full'), null, 2)}\n`;
}

/** A download name with the date: `stateFileName(new Date(2024, 0, 31))` → "momentum-sheet-2024-01-31.momentum.json". */
export function stateFileName(date: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `momentum-sheet-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}${STATE_FILE_EXTENSION}`;
}

/** Read a state file's text (from any version); `readStateFile(stateFileText(s))` → `{ ok: true, state: s }`. */
export function readStateFile(text: string): DecodeResult {
  try {
    if (typeof text !== 'string') return { ok: false, error: shareError('empty') };
    // Editors on Windows may save a byte-order mark, which JSON.parse rejects.
    const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
    return decodeEnvelopeJson(body, { maxChars: MAX_STATE_FILE_CHARS });
  } catch {
    return { ok: false, error: shareError('unreadable') };
  }
}
