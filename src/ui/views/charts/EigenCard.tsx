/** A run's error along each eigendirection of the Hessian, measured and as theory predicts. */
import { createMemo, Show, type Accessor, type JSX } from 'solid-js';
import type { AppState } from '../../stores/appState';
import type { ChartBinding } from '../../../sheet/types';
import { buildEigenOption } from '../../../charts/eigenChart';
import { eigenSummary } from '../../../charts/summaries';
import { ChartCard } from './ChartCard';
import { RunPicker } from './RunPicker';
import { createElementWidth } from '../useElementWidth';
import { t } from '../../../i18n/localeStore';

export function EigenCard(props: { app: AppState; binding: Accessor<ChartBinding> }): JSX.Element {
  // eslint-disable-next-line solid/reactivity -- a card shows one chart for its life (ChartsPanel makes a new card for a new binding).
  const data = props.app.charts.eigen(props.binding().id);
  const [width, widthRef] = createElementWidth();
  const option = createMemo(() =>
    data().runs.length === 0
      ? null
      : buildEigenOption({
          scheme: props.app.charts.scheme(),
          width: width(),
          runs: data().runs,
          text: { step: t('chart.eigen.x'), error: t('chart.eigen.y'), measured: t('chart.eigen.measured'), predicted: t('chart.eigen.predicted') },
        }),
  );
  return (
    <ChartCard
      id={props.binding().id}
      version={props.app.charts.dataVersion(props.binding().id)}
      latency={props.app.latency}
      title={t('chart.eigen.title')}
      option={option()}
      summary={eigenSummary(data().runs, t)}
      empty={t(data().withoutTheory > 0 ? 'chart.eigen.noTheory' : 'chart.empty', { source: props.binding().source })}
      widthRef={widthRef}
      tools={<RunPicker charts={props.app.charts} bindingId={props.binding().id} kind="path2d" title={t('chart.eigen.title')} />}
      note={
        <>
          <p class="chart-note">{t('chart.eigen.note')}</p>
          <Show when={data().withoutTheory > 0 && data().runs.length > 0}>
            <p class="chart-note">{t('chart.eigen.someWithoutTheory', { count: data().withoutTheory })}</p>
          </Show>
        </>
      }
    />
  );
}
