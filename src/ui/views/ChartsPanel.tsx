/**
 * The charts column: one card per chart binding of the sheet, the pinned runs, and the comparison
 * of the selected runs. Cards render and dispatch; data comes from the charts state.
 */
import { createMemo, For, Match, Show, Switch, type JSX } from 'solid-js';
import type { AppState } from '../stores/appState';
import { TrajectoryCard } from './charts/TrajectoryCard';
import { EwmaCard } from './charts/EwmaCard';
import { LossCard } from './charts/LossCard';
import { RateMapCard } from './charts/RateMapCard';
import { EigenCard } from './charts/EigenCard';
import { ComparisonCard } from './charts/ComparisonCard';
import { SweepCard } from './charts/SweepCard';
import { t, tp } from '../../i18n/localeStore';

export function ChartsPanel(props: { app: AppState }): JSX.Element {
  const charts = () => props.app.charts;
  const ids = createMemo(() => charts().bindings().map((binding) => binding.id), [], { equals: (a, b) => a.join('\n') === b.join('\n') });
  return (
    <section class="charts-pane" aria-label={t('charts.label')}>
      <PinsBar app={props.app} />
      <Comparison app={props.app} />
      {/* Keyed by id: editing a binding (its runs, its arrows) keeps the card and its open menus. */}
      <For each={ids()}>
        {(id) => {
          const current = () => charts().bindings().find((b) => b.id === id);
          const kind = () => current()?.kind;
          return (
            <Show when={current()}>
              {(binding) => (
                <Switch>
                  <Match when={kind() === 'trajectories'}>
                    <TrajectoryCard app={props.app} binding={binding} />
                  </Match>
                  <Match when={kind() === 'ewma'}>
                    <EwmaCard app={props.app} binding={binding} />
                  </Match>
                  <Match when={kind() === 'loss'}>
                    <LossCard app={props.app} binding={binding} />
                  </Match>
                  <Match when={kind() === 'rateMap'}>
                    <RateMapCard app={props.app} binding={binding} />
                  </Match>
                  <Match when={kind() === 'eigen'}>
                    <EigenCard app={props.app} binding={binding} />
                  </Match>
                  <Match when={kind() === 'sweep'}>
                    <SweepCard app={props.app} binding={binding} />
                  </Match>
                </Switch>
              )}
            </Show>
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
