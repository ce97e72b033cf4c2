/**
 * The charts column: one card per chart binding of the sheet, the pinned runs, and the comparison
 * of the selected runs. Cards render and dispatch; data comes from the charts state.
 */
import { For, Match, Show, Switch, type JSX } from 'solid-js';
import type { AppState } from '../stores/appState';
import { TrajectoryCard } from './charts/TrajectoryCard';
import { EwmaCard } from './charts/EwmaCard';
import { LossCard } from './charts/LossCard';
import { RateMapCard } from './charts/RateMapCard';
import { EigenCard } from './charts/EigenCard';
import { ComparisonCard } from './charts/ComparisonCard';
import { t, tp } from '../../i18n/localeStore';

export function ChartsPanel(props: { app: AppState }): JSX.Element {
  const charts = () => props.app.charts;
  return (
    <section class="charts-pane" aria-label={t('charts.label')}>
      <PinsBar app={props.app} />
      <Comparison app={props.app} />
      <For each={charts().bindings()}>
        {(binding) => {
          const current = () => charts().bindings().find((b) => b.id === binding.id) ?? binding;
          return (
            <Switch>
              <Match when={binding.kind === 'trajectories'}>
                <TrajectoryCard app={props.app} binding={current} />
              </Match>
              <Match when={binding.kind === 'ewma'}>
                <EwmaCard app={props.app} binding={current} />
              </Match>
              <Match when={binding.kind === 'loss'}>
                <LossCard app={props.app} binding={current} />
              </Match>
              <Match when={binding.kind === 'rateMap'}>
                <RateMapCard app={props.app} binding={current} />
              </Match>
              <Match when={binding.kind === 'eigen'}>
                <EigenCard app={props.app} binding={current} />
              </Match>
            </Switch>
          );
        }}
      </For>
    </section>
  );
}

function PinsBar(props: { app: AppState }): JSX.Element {
  return (
    <Show when={props.app.charts.pins().length > 0}>
      <div class="pins" role="list" aria-label={t('toolbar.pins')}>
        <For each={props.app.charts.pins()}>
          {(pin) => (
            <span class="pin-chip" role="listitem">
              {tp(pin.label)}{' '}
              <button type="button" aria-label={t('toolbar.unpin', { label: tp(pin.label) })} onClick={() => props.app.charts.unpin(pin.id)}>
                ×
              </button>
            </span>
          )}
        </For>
      </div>
    </Show>
  );
}

function Comparison(props: { app: AppState }): JSX.Element {
  const labelOf = (address: string) => {
    const run = props.app.sheet.cell(address)?.run;
    return run === undefined ? address : `${address} · ${tp(run.label)}`;
  };
  return <Show when={props.app.charts.comparison()}>{(comparison) => <ComparisonCard comparison={comparison()} labelOf={labelOf} />}</Show>;
}
