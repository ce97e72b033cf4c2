/** What is running (with progress for long runs, and a way to stop them), and how long the last edit took. */
import { Show, type JSX } from 'solid-js';
import type { AppState } from '../stores/appState';
import { t, tm } from '../../i18n/localeStore';

export function StatusLine(props: { app: AppState }): JSX.Element {
  const sheet = () => props.app.sheet;
  const latency = () => props.app.latency;
  const text = () => {
    const status = sheet().runStatus();
    const parts: string[] = [];
    if (status.running > 0) parts.push(t('status.computing', { count: status.running, kinds: status.runningKinds.join(', ') }));
    else parts.push(t('status.ready'));
    if (status.running > 0 && status.progress !== null) parts.push(`${Math.round(status.progress * 100)} %`);
    const ms = latency().lastEditMs();
    if (ms !== null) parts.push(t('status.updated', { ms: Math.round(ms) }));
    if (status.lastFailure) parts.push(t('status.failed', { message: tm(status.lastFailure) }));
    return parts.join(' · ');
  };
  return (
    <footer
      class="status-line"
      data-running={sheet().runStatus().running}
      data-idle={sheet().idle() ? 'true' : 'false'}
      data-last-edit-ms={latency().lastEditMs() ?? ''}
      data-edit-count={latency().editCount()}
    >
      <span role="status" aria-label={t('status.label')} aria-live="polite" class="status-text">
        {text()}
      </span>
      <Show when={sheet().runStatus().running > 0}>
        <button type="button" class="status-cancel" onClick={() => sheet().cancelRuns()}>
          {t('status.cancel')}
        </button>
      </Show>
    </footer>
  );
}
