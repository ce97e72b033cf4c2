/** EWMA weights (1−γ)·γ^i for the momentum values of the binding, with the window marked. */
import { createMemo, type Accessor, type JSX } from 'solid-js';
import type { AppState } from '../../stores/appState';
import type { ChartBinding } from '../../../sheet/types';
import { buildEwmaOption } from '../../../charts/ewmaChart';
import { ewmaSummary } from '../../../charts/summaries';
import { ChartCard } from './ChartCard';
import { createElementWidth } from '../useElementWidth';
import { t } from '../../../i18n/localeStore';

export function EwmaCard(props: { app: AppState; binding: Accessor<ChartBinding> }): JSX.Element {
  // eslint-disable-next-line solid/reactivity -- a card shows one chart for its life (ChartsPanel makes a new card for a new binding).
  const curves = props.app.charts.ewma(props.binding().id);
  const [width, widthRef] = createElementWidth();
  const option = createMemo(() =>
    curves().length === 0
      ? null
      : buildEwmaOption({
          scheme: props.app.charts.scheme(),
          width: width(),
          curves: curves(),
          text: { lag: t('chart.ewma.x'), weight: t('chart.ewma.y'), window: '1/(1−γ)', inverseE: 'γⁱ = e⁻¹' },
        }),
  );
  return (
    <ChartCard
      id={props.binding().id}
      version={props.app.charts.dataVersion(props.binding().id)}
      latency={props.app.latency}
      title={t('chart.ewma.title')}
      option={option()}
      summary={ewmaSummary(curves(), t)}
      empty={t('chart.empty', { source: props.binding().source })}
      widthRef={widthRef}
    />
  );
}
