/** What is running (with progress for long runs, and a way to stop them), and how long the last edit took. */
import { Show, type JSX } from 'solid-js';
import type { SheetStore } from '../stores/sheetStore';
import { t } from '../../i18n/localeStore';

export function StatusLine(props: { sheet: SheetStore }): JSX.Element {
  const text = () => {
    const status = props.sheet.runStatus();
    const parts: string[] = [];
    if (status.running > 0) parts.push(t('status.computing', { count: status.running, kinds: status.runningKinds.join(', ') }));
    else parts.push(t('status.ready'));
    if (status.running > 0 && status.progress !== null) parts.push(`${Math.round(status.progress * 100)} %`);
    const ms = props.sheet.lastEditMs();
    if (ms !== null) parts.push(t('status.updated', { ms: Math.round(ms) }));
    if (status.lastFailure) parts.push(t('status.failed', { message: status.lastFailure }));
    return parts.join(' · ');
  };
  return (
    <footer
      class="status-line"
      data-running={props.sheet.runStatus().running}
      data-last-edit-ms={props.sheet.lastEditMs() ?? ''}
      data-edit-count={props.sheet.editCount()}
    >
      <span role="status" aria-label={t('status.label')} aria-live="polite" class="status-text">
        {text()}
      </span>
      <Show when={props.sheet.runStatus().running > 0}>
        <button type="button" class="status-cancel" onClick={() => props.sheet.cancelRuns()}>
          {t('status.cancel')}
        </button>
      </Show>
    </footer>
  );
}
