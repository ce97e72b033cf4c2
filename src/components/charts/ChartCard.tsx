/**
 * The frame every chart shares: a titled card, export buttons (PNG, SVG), the chart itself and
 * its text summary (the chart's accessible description; tests read it too).
 */
import { createUniqueId, Show, type JSX } from 'solid-js';
import { EChart, type EChartEvents } from '../../charts/EChart';
import type { ChartOption } from '../../charts/option';
import type { EChartsType } from '../../charts/echartsSetup';
import { chartPngDataUrl, chartSvgString } from '../../charts/exportImage';
import { downloadDataUrl, downloadText } from '../download';
import { t } from '../../i18n/localeStore';

export interface ChartCardProps {
  readonly id: string;
  readonly title: string;
  readonly option: ChartOption | null;
  readonly summary: string;
  readonly empty?: string;
  readonly tools?: JSX.Element;
  readonly note?: JSX.Element;
  readonly height?: number;
  readonly events?: EChartEvents;
  readonly draggable?: Parameters<typeof EChart>[0]['draggable'];
  readonly widthRef: (element: HTMLElement) => void;
}

export function ChartCard(props: ChartCardProps): JSX.Element {
  const summaryId = createUniqueId();
  let chart: EChartsType | undefined;
  return (
    <figure class="chart-card" data-chart-id={props.id} aria-labelledby={`${summaryId}-title`}>
      <h2 id={`${summaryId}-title`}>
        {props.title}
        <span class="chart-tools">
          {props.tools}
          <button type="button" onClick={() => chart && downloadDataUrl(`${props.id}.png`, chartPngDataUrl(chart))}>
            PNG
          </button>
          <button type="button" onClick={() => chart && downloadText(`${props.id}.svg`, chartSvgString(chart), 'image/svg+xml')}>
            SVG
          </button>
        </span>
      </h2>
      <div ref={props.widthRef} class="chart-measure">
        <Show when={props.option} fallback={<p class="chart-note chart-body" data-summary="">{props.empty ?? t('chart.computing')}</p>}>
          {(option) => (
            <EChart
              class="chart-body"
              option={option()}
              label={props.title}
              describedBy={summaryId}
              summary={props.summary}
              style={props.height ? { height: `${props.height}px` } : undefined}
              events={props.events}
              draggable={props.draggable}
              onInstance={(instance) => (chart = instance)}
            />
          )}
        </Show>
      </div>
      <p id={summaryId} class="visually-hidden">
        {props.summary}
      </p>
      {props.note}
    </figure>
  );
}
