/** The page: toolbar, notices, the sheet (formula bar + grid) beside the charts, status line. */
import { createEffect, type JSX } from 'solid-js';
import type { AppState } from '../stores/appState';
import { Toolbar } from './Toolbar';
import { Notices } from './Notices';
import { SheetNotices } from './SheetNotices';
import { ErratumNote } from './ErratumNote';
import { StatusLine } from './StatusLine';
import { FormulaBar } from './FormulaBar';
import { Grid } from './grid/Grid';
import { ChartsPanel } from './ChartsPanel';
import { createPaneSplit } from './PaneSplitter';
import { locale, t } from '../../i18n/localeStore';
import './app.css';

export function App(props: { app: AppState }): JSX.Element {
  const split = createPaneSplit();
  // Screen readers, fonts and hyphenation follow the page's language, so it follows the picker.
  createEffect(() => document.documentElement.setAttribute('lang', locale() === 'zh' ? 'zh-CN' : 'en'));
  let workspace: HTMLElement | undefined;
  return (
    <div class="app">
      <Toolbar app={props.app} />
      <div>
        <ErratumNote gradientSwitch={props.app.sheet.meta()?.gradientSwitch} />
        <SheetNotices sheet={props.app.sheet} />
        <Notices persistence={props.app.persistence} />
      </div>
      <main class="workspace" ref={workspace} style={{ '--sheet-share': `${split.share()}%` }}>
        <section class="sheet-pane" aria-label={t('grid.label')}>
          <FormulaBar model={props.app.sheet} />
          <Grid model={props.app.sheet} class="sheet-grid" />
        </section>
        <split.Separator container={() => workspace} />
        <ChartsPanel app={props.app} />
      </main>
      <StatusLine app={props.app} />
    </div>
  );
}
