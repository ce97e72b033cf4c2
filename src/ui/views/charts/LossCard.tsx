/** Regression loss against epoch on a log axis, overlaid or as small multiples with shared axes. */
import { createMemo, createSignal, type Accessor, type JSX } from 'solid-js';
import type { AppState } from '../../stores/appState';
import type { ChartBinding } from '../../../sheet/types';
import { buildLossOption } from '../../../charts/lossChart';
import { buildLossSmallMultiples, smallMultiplesHeight } from '../../../charts/lossSmallMultiples';
import { lossSummary } from '../../../charts/summaries';
import { ChartCard } from './ChartCard';
import { RunPicker } from './RunPicker';
import { createElementWidth } from '../useElementWidth';
import { t } from '../../../i18n/localeStore';

export function LossCard(props: { app: AppState; binding: Accessor<ChartBinding> }): JSX.Element {
  // eslint-disable-next-line solid/reactivity -- a card shows one chart for its life (ChartsPanel makes a new card for a new binding).
  const runs = props.app.charts.loss(props.binding().id);
  const [width, widthRef] = createElementWidth();
  const [columns, setColumns] = createSignal(false);
  const viewModel = () => ({
    scheme: props.app.charts.scheme(),
    width: width(),
    runs: runs(),
    text: { epoch: t('chart.loss.x'), loss: t('chart.loss.y'), batch: t('chart.loss.batch'), diverges: t('chart.trajectories.diverges') },
  });
  const option = createMemo(() => (runs().length === 0 ? null : columns() ? buildLossSmallMultiples(viewModel()) : buildLossOption(viewModel())));
  return (
    <ChartCard
      id={props.binding().id}
      version={props.app.charts.dataVersion(props.binding().id)}
      latency={props.app.latency}
      title={t('chart.loss.title')}
      option={option()}
      summary={lossSummary(runs(), t)}
      empty={t('chart.empty', { source: props.binding().source })}
      widthRef={widthRef}
      height={columns() ? smallMultiplesHeight({ runs: runs(), width: width() }) : undefined}
      tools={
        <>
          <RunPicker charts={props.app.charts} bindingId={props.binding().id} kind="regression" title={t('chart.loss.title')} />
          <button type="button" aria-pressed={columns()} onClick={() => setColumns(!columns())}>
            {columns() ? t('chart.loss.overlay') : t('chart.loss.columns')}
          </button>
        </>
      }
    />
  );
}
