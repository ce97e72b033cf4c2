/**
 * Export and import: the whole sheet as a JSON state file (and opening one), run series as CSV,
 * and NumPy scripts that reproduce the runs. The session writes every file (it holds the runs);
 * this menu only asks and downloads. Charts export themselves (PNG/SVG) from their own card.
 */
import { type JSX } from 'solid-js';
import type { ExportKind } from '../../session/contract';
import type { AppState } from '../stores/appState';
import { downloadText } from './download';
import { t } from '../../i18n/localeStore';

const STATE_FILE_EXTENSION = '.momentum.json';

/** A download name with the date: "momentum-sheet-2024-01-31.momentum.json". */
function stateFileName(date: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `momentum-sheet-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}${STATE_FILE_EXTENSION}`;
}

const EXPORTS: Readonly<Record<string, { readonly kind: ExportKind; readonly file: () => string; readonly mime: string }>> = {
  json: { kind: 'stateFile', file: stateFileName, mime: 'application/json' },
  'csv-paths': { kind: 'csvPaths', file: () => 'trajectories.csv', mime: 'text/csv' },
  'csv-loss': { kind: 'csvLosses', file: () => 'losses.csv', mime: 'text/csv' },
  python: { kind: 'numpy', file: () => 'momentum_regression.py', mime: 'text/x-python' },
  python2d: { kind: 'numpy2d', file: () => 'momentum_2d.py', mime: 'text/x-python' },
};

export function ExportMenu(props: { app: AppState }): JSX.Element {
  let fileInput!: HTMLInputElement;

  const onExport = async (choice: string) => {
    if (choice === 'open') return fileInput.click();
    const spec = EXPORTS[choice];
    if (spec === undefined) return;
    const made = await props.app.client.exportText(spec.kind);
    if (made.ok) downloadText(spec.file(), made.text, spec.mime);
    else props.app.persistence.report({ kind: 'fileRefused', message: made.error });
  };

  const onFile = async (file: File | undefined) => {
    if (file) await props.app.persistence.openFile(await file.text());
  };

  return (
    <>
      <select
        aria-label={t('toolbar.export')}
        onChange={(event) => {
          void onExport(event.currentTarget.value);
          event.currentTarget.value = '';
        }}
      >
        <option value="">{t('toolbar.export')}…</option>
        <option value="json">{t('toolbar.exportSheet')}</option>
        <option value="csv-paths">{t('toolbar.exportCsvPaths')}</option>
        <option value="csv-loss">{t('toolbar.exportCsvLoss')}</option>
        <option value="python">{t('toolbar.exportPython')}</option>
        <option value="python2d">{t('toolbar.exportPython2d')}</option>
        <option value="open">{t('toolbar.open')}</option>
      </select>
      <input
        ref={fileInput}
        type="file"
        accept={`${STATE_FILE_EXTENSION},application/json`}
        hidden
        aria-label={t('toolbar.open')}
        onChange={(event) => void onFile(event.currentTarget.files?.[0])}
      />
    </>
  );
}
