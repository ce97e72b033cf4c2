/**
 * The top bar: presets, language, undo/redo, pin, copy link, export and open. Renders and
 * dispatches only; every action is an intent on the app state.
 */
import { For, createMemo, createSignal, type JSX } from 'solid-js';
import type { AppState } from '../stores/appState';
import { LOCALES, type Locale } from '../../i18n/messages';
import { locale, setLocale, t, tm } from '../../i18n/localeStore';
import { ExportMenu } from './ExportMenu';
import { RecentSheets } from './RecentSheets';

export function Toolbar(props: { app: AppState }): JSX.Element {
  const sheet = () => props.app.sheet;
  const [copyMessage, setCopyMessage] = createSignal<string | null>(null);

  const copyLink = async () => {
    const link = props.app.persistence.shareUrl();
    if (!link.ok) {
      setCopyMessage(t('toolbar.linkTooLong', { length: link.length }));
      return;
    }
    try {
      await navigator.clipboard.writeText(link.url);
      setCopyMessage(t('toolbar.linkCopied'));
    } catch {
      setCopyMessage(t('toolbar.copyLinkFailed'));
    }
    setTimeout(() => setCopyMessage(null), 4000);
  };

  const applyPreset = (id: string) => {
    // A preset replaces the sheet: it becomes a new document, and the one it replaces stays in Recent sheets.
    if (id !== '') void props.app.persistence.openPreset(id);
  };
  // The list never changes in practice: a memo keeps the menu from re-rendering on every edit.
  const presets = createMemo(() => sheet().meta()?.presets ?? [], [], { equals: (a, b) => JSON.stringify(a) === JSON.stringify(b) });

  return (
    <header class="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <h1 class="app-title">{t('app.title')}</h1>
      <label class="toolbar-field">
        <span>{t('toolbar.presets')}</span>
        <select
          aria-label={t('toolbar.presets')}
          title={t('toolbar.presetsHint')}
          onChange={(event) => {
            applyPreset(event.currentTarget.value);
            event.currentTarget.value = '';
          }}
        >
          <option value="">…</option>
          <For each={presets()}>{(preset) => <option value={preset.id}>{tm(preset.label)}</option>}</For>
        </select>
      </label>
      <div class="toolbar-group">
        <button type="button" onClick={() => sheet().undo()} disabled={!sheet().canUndo()} title="Ctrl+Z">
          {t('toolbar.undo')}
        </button>
        <button type="button" onClick={() => sheet().redo()} disabled={!sheet().canRedo()} title="Ctrl+Y">
          {t('toolbar.redo')}
        </button>
      </div>
      <div class="toolbar-group">
        <button type="button" onClick={() => props.app.charts.pinSelection()} disabled={!props.app.charts.canPin()} title={t('toolbar.pinHint')}>
          {t('toolbar.pin')}
        </button>
      </div>
      <div class="toolbar-group">
        <button type="button" class="primary" onClick={() => void copyLink()}>
          {t('toolbar.copyLink')}
        </button>
        <ExportMenu app={props.app} />
        <RecentSheets persistence={props.app.persistence} />
      </div>
      <label class="toolbar-field">
        <span>{t('toolbar.language')}</span>
        <select aria-label={t('toolbar.language')} value={locale()} onChange={(event) => setLocale(event.currentTarget.value as Locale)}>
          <For each={LOCALES}>{(code) => <option value={code}>{t(`language.${code}`)}</option>}</For>
        </select>
      </label>
      <span class="toolbar-message" role="status" aria-live="polite">
        {copyMessage() ?? ''}
      </span>
    </header>
  );
}
