/** The (η, γ) convergence-rate map of the heavy ball; clicking it sets the eta and gamma cells. */
import { createMemo, type Accessor, type JSX } from 'solid-js';
import type { AppState } from '../../stores/appState';
import type { ChartBinding } from '../../../sheet/types';
import { buildRateMapOption, rateMapPointToParams } from '../../../charts/rateMapChart';
import { rateMapSummary } from '../../../charts/summaries';
import { ChartCard } from './ChartCard';
import { createElementWidth } from '../useElementWidth';
import { t } from '../../../i18n/localeStore';

export function RateMapCard(props: { app: AppState; binding: Accessor<ChartBinding> }): JSX.Element {
  // eslint-disable-next-line solid/reactivity -- a card shows one chart for its life (ChartsPanel makes a new card for a new binding).
  const data = props.app.charts.rateMap(props.binding().id);
  const [width, widthRef] = createElementWidth();
  const option = createMemo(() => {
    const current = data();
    if (!current) return null;
    return buildRateMapOption({
      scheme: props.app.charts.scheme(),
      width: width(),
      request: current.request,
      result: current.result,
      current: current.current,
      text: { lr: t('chart.rateMap.x'), momentum: t('chart.rateMap.y'), rate: t('chart.rateMap.value'), diverging: t('chart.rateMap.diverging'), current: t('chart.rateMap.current'), optimum: t('chart.rateMap.optimum') },
    });
  });
  const summary = () => {
    const current = data();
    if (!current) return '';
    return rateMapSummary(current.eigenvalues, current.current, current.currentRate, t);
  };
  return (
    <ChartCard
      id={props.binding().id}
      version={props.app.charts.dataVersion(props.binding().id)}
      latency={props.app.latency}
      title={t('chart.rateMap.title')}
      option={option()}
      summary={summary()}
      empty={t('chart.empty', { source: props.binding().source })}
      widthRef={widthRef}
      onClick={(_params, point) => {
        const current = data();
        if (!current || !point) return;
        const picked = rateMapPointToParams(point[0], point[1], current.request);
        props.app.charts.setLearningRateAndMomentum(picked.lr, picked.momentum);
      }}
      note={<p class="chart-note">{t('chart.rateMap.note')}</p>}
    />
  );
}
