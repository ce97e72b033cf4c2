/**
 * Export and import: the whole sheet as a JSON state file (and opening one), values and run
 * series as CSV, and a NumPy script reproducing the regression runs. Files are made here from
 * pure functions in src/share; charts export themselves (PNG/SVG) from their own card.
 */
import { type JSX } from 'solid-js';
import type { AppState } from '../stores/appState';
import { stateFileName, stateFileText, readStateFile, STATE_FILE_EXTENSION, STATE_FILE_MIME_TYPE } from '../../share/stateFile';
import { path2dRunsToCsv, regressionRunsToCsv } from '../../share/exportCsv';
import { regressionRunsToPython } from '../../share/exportPython';
import { collectRuns } from '../stores/collectRuns';
import { downloadText } from './download';
import { t } from '../../i18n/localeStore';

export function ExportMenu(props: { app: AppState }): JSX.Element {
  let fileInput!: HTMLInputElement;
  const sheet = props.app.sheet;

  const onExport = (kind: string) => {
    const runs = collectRuns(sheet);
    switch (kind) {
      case 'json':
        return downloadText(stateFileName(), stateFileText(sheet.state()), STATE_FILE_MIME_TYPE);
      case 'csv-paths':
        return downloadText('trajectories.csv', path2dRunsToCsv(runs.paths.map((run) => ({ label: run.address, result: run.result }))), 'text/csv');
      case 'csv-loss':
        return downloadText('losses.csv', regressionRunsToCsv(runs.regressions.map((run) => ({ label: run.address, result: run.result }))), 'text/csv');
      case 'python':
        return downloadText('momentum_regression.py', regressionRunsToPython(runs.regressions.map((run) => ({ label: run.address, request: run.request }))), 'text/x-python');
      case 'open':
        return fileInput.click();
    }
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const decoded = readStateFile(await file.text());
    if (decoded.ok) props.app.loadDocument(decoded.state);
    else props.app.persistence.report({ kind: 'brokenLink', key: decoded.error.key, args: decoded.error.args, kept: true });
  };

  return (
    <>
      <select
        aria-label={t('toolbar.export')}
        onChange={(event) => {
          onExport(event.currentTarget.value);
          event.currentTarget.value = '';
        }}
      >
        <option value="">{t('toolbar.export')}…</option>
        <option value="json">{t('toolbar.exportSheet')}</option>
        <option value="csv-paths">{t('toolbar.exportCsvPaths')}</option>
        <option value="csv-loss">{t('toolbar.exportCsvLoss')}</option>
        <option value="python">{t('toolbar.exportPython')}</option>
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
