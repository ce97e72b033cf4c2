/**
 * Where the CLI's sheet comes from: nothing (the default playground), a playground link (or just
 * its `#s=…` fragment), or a state file. Decoding goes through the same defensive path as the
 * browser, so a link the browser refuses is refused here with the same reason (in English, from
 * the same catalogue).
 */
import type { SheetState } from '../sheet/types';
import { translate } from '../i18n/i18n';
import { decodeState, stateTextFromHash } from '../share/codec';
import { readStateFile } from '../share/stateFile';
import type { ShareError } from '../share/errors';

export type LoadOutcome =
  /** `state` null: the default playground (the session's own). */
  | { readonly ok: true; readonly state: SheetState | null; readonly description: string }
  | { readonly ok: false; readonly message: string };

export interface LoadDependencies {
  /** File contents, or null when there is no such file. */
  readFile(path: string): string | null;
}

function englishReason(error: ShareError): string {
  return translate('en', error.key, error.args);
}

export function loadPlayground(source: string | null, deps: LoadDependencies): LoadOutcome {
  if (source === null) return { ok: true, state: null, description: 'default playground' };
  const hashAt = source.indexOf('#');
  if (hashAt >= 0) {
    const text = stateTextFromHash(source.slice(hashAt));
    if (text === null) return { ok: false, message: translate('en', 'cli.error.linkWithoutPlayground') };
    const decoded = decodeState(text);
    return decoded.ok
      ? { ok: true, state: decoded.state, description: 'link' }
      : { ok: false, message: translate('en', 'cli.error.linkUnreadable', { reason: englishReason(decoded.error) }) };
  }
  const fileText = deps.readFile(source);
  if (fileText === null) return { ok: false, message: translate('en', 'cli.error.noSuchFile', { path: source }) };
  const decoded = readStateFile(fileText);
  return decoded.ok
    ? { ok: true, state: decoded.state, description: `file ${source}` }
    : { ok: false, message: translate('en', 'cli.error.fileUnreadable', { reason: englishReason(decoded.error) }) };
}
