/** The page: toolbar, notices, the sheet (formula bar + grid) beside the charts, status line. */
import type { JSX } from 'solid-js';
import type { AppState } from '../stores/appState';
import { Toolbar } from './Toolbar';
import { Notices } from './Notices';
import { ErratumNote } from './ErratumNote';
import { StatusLine } from './StatusLine';
import { FormulaBar } from './FormulaBar';
import { Grid } from './grid/Grid';
import { ChartsPanel } from './ChartsPanel';
import { t } from '../../i18n/localeStore';
import './app.css';

export function App(props: { app: AppState }): JSX.Element {
  return (
    <div class="app">
      <Toolbar app={props.app} />
      <div>
        <ErratumNote />
        <Notices persistence={props.app.persistence} />
      </div>
      <main class="workspace">
        <section class="sheet-pane" aria-label={t('grid.label')}>
          <FormulaBar model={props.app.sheet} />
          <Grid model={props.app.sheet} class="sheet-grid" />
        </section>
        <ChartsPanel app={props.app} />
      </main>
      <StatusLine app={props.app} />
    </div>
  );
}
