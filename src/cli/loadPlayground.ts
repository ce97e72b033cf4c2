/**
 * Where the CLI's sheet comes from: nothing (the default playground), a playground link (or just
 * its `#s=…` fragment), or a state file. Decoding goes through the same defensive path as the
 * browser, so a link the browser refuses is refused here with the same reason.
 */
import type { SheetState } from '../sheet/types';
import { decodeState, stateTextFromHash } from '../share/codec';
import { readStateFile } from '../share/stateFile';
import { defaultSheet } from '../sheet/defaultSheet';

export type LoadOutcome =
  | { readonly ok: true; readonly state: SheetState; readonly description: string }
  | { readonly ok: false; readonly message: string };

export interface LoadDependencies {
  /** File contents, or null when there is no such file. */
  readFile(path: string): string | null;
}

export function loadPlayground(source: string | null, deps: LoadDependencies): LoadOutcome {
  if (source === null) return { ok: true, state: defaultSheet(), description: 'default playground' };
  const hashAt = source.indexOf('#');
  if (hashAt >= 0) {
    const text = stateTextFromHash(source.slice(hashAt));
    if (text === null) return { ok: false, message: 'the link has no playground in it (expected "#s=…")' };
    const decoded = decodeState(text);
    return decoded.ok
      ? { ok: true, state: decoded.state, description: 'link' }
      : { ok: false, message: `the link cannot be opened: ${decoded.error.message}` };
  }
  const fileText = deps.readFile(source);
  if (fileText === null) return { ok: false, message: `no such file: ${source} (pass a playground link or a state file)` };
  const decoded = readStateFile(fileText);
  return decoded.ok
    ? { ok: true, state: decoded.state, description: `file ${source}` }
    : { ok: false, message: `the state file cannot be opened: ${decoded.error.message}` };
}
