/**
 * The frame every chart shares: a titled card, export buttons (PNG, SVG), the chart itself and
 * its text summary (the chart's accessible description; end-to-end tests read it as well, and
 * `data-painted` tells them and the benchmark when ECharts has finished drawing).
 */
import { createUniqueId, lazy, Show, Suspense, type JSX } from 'solid-js';
import type { ECElementEvent } from 'echarts/core';
import type { DraggablePoint } from '../../echarts/EChart';
import type { ChartOption } from '../../../charts/option';
import type { Vec2 } from '../../../core/runTypes';
import type { EChartsType } from '../../echarts/echartsSetup';
import { downloadDataUrl, downloadText } from '../download';
import { t } from '../../../i18n/localeStore';
import type { EditLatency } from '../../stores/editLatency';

export interface ChartCardProps {
  readonly id: string;
  readonly title: string;
  readonly option: ChartOption | null;
  readonly summary: string;
  readonly empty?: string;
  readonly tools?: JSX.Element;
  readonly note?: JSX.Element;
  readonly height?: number;
  /** A click on the plot: `point` is its position in data coordinates (null off the plot). */
  readonly onClick?: (params: ECElementEvent, point: Vec2 | null) => void;
  readonly draggable?: DraggablePoint;
  readonly widthRef: (element: HTMLElement) => void;
  /** The session version of the data shown, reported to `latency` as it is drawn or deferred; -1 while none has arrived (the card then says it is computing, not `empty`). */
  readonly version?: number;
  /** Told when this chart draws a version, or leaves it for later because it is off screen. */
  readonly latency?: Pick<EditLatency, 'painted' | 'deferred'>;
  /** A warning the reader must see with the chart (not only on hover), e.g. runs whose gradient is not ∇f. */
  readonly badge?: string;
  /** The chart zooms and pans (dataZoom): offer a button that shows the whole region again. */
  readonly zoomable?: boolean;
}

// ECharts is most of the page's code: it loads after the first paint, not before it.
const loadEChart = () => import('../../echarts/EChart');
const EChart = lazy(() => loadEChart().then((module) => ({ default: module.EChart })));

/**
 * Fetch and evaluate the charts' code now. Called once the page has painted: the page's thread
 * is then idle while the worker evaluates the sheet, and the charts are drawn as soon as their
 * data arrives instead of waiting for ECharts to load behind it.
 */
export function preloadCharts(): void {
  void loadEChart();
}

async function exportPng(id: string, chart: EChartsType, title: string): Promise<void> {
  const { chartPngDataUrl } = await import('../../echarts/exportImage');
  downloadDataUrl(`${id}.png`, await chartPngDataUrl(chart, title));
}

async function exportSvg(id: string, chart: EChartsType, title: string): Promise<void> {
  const { chartSvgString } = await import('../../echarts/exportImage');
  downloadText(`${id}.svg`, chartSvgString(chart, title), 'image/svg+xml');
}

export function ChartCard(props: ChartCardProps): JSX.Element {
  const summaryId = createUniqueId();
  let chart: EChartsType | undefined;
  let body!: HTMLDivElement;
  const attach = (instance: EChartsType) => {
    chart = instance;
    instance.on('finished', () => body.setAttribute('data-painted', 'true'));
  };
  return (
    <figure class="chart-card" data-chart-id={props.id}>
      <h2 id={`${summaryId}-title`}>
        {props.title}
        <span class="chart-tools">
          {props.tools}
          <Show when={props.zoomable}>
            <button type="button" onClick={() => chart?.dispatchAction({ type: 'dataZoom', start: 0, end: 100 })} title={t('chart.zoomHint')}>
              {t('chart.resetZoom')}
            </button>
          </Show>
          <button type="button" aria-label={t('chart.exportPng', { title: props.title })} onClick={() => chart && void exportPng(props.id, chart, props.title)}>
            PNG
          </button>
          <button
            type="button"
            aria-label={t('chart.exportSvg', { title: props.title })}
            onClick={() => chart && void exportSvg(props.id, chart, props.title)}
          >
            SVG
          </button>
        </span>
      </h2>
      <Show when={props.badge}>
        {(badge) => (
          <p class="chart-badge" role="note">
            <span aria-hidden="true">⚠ </span>
            {badge()}
          </p>
        )}
      </Show>
      <div ref={props.widthRef} class="chart-measure">
        <div ref={body} class="chart-body" data-summary={props.summary} aria-describedby={summaryId}>
          <Show when={props.option} fallback={<p class="chart-note chart-empty">{(props.version ?? 0) < 0 ? t('chart.computing') : (props.empty ?? t('chart.computing'))}</p>}>
            {(option) => (
              <Suspense fallback={<p class="chart-note chart-empty" style={{ height: `${props.height ?? 340}px` }}>{t('chart.computing')}</p>}>
              <EChart
                option={option()}
                aria-label={props.title}
                height={`${props.height ?? 340}px`}
                onEvent={(name, params, point) => name === 'click' && props.onClick?.(params, point)}
                draggable={props.draggable}
                ref={attach}
                version={props.version}
                onPainted={(version, at) => props.latency?.painted(props.id, version, at)}
                onDeferred={(version) => props.latency?.deferred(props.id, version)}
              />
              </Suspense>
            )}
          </Show>
        </div>
      </div>
      <p id={summaryId} class="visually-hidden">
        {props.summary}
      </p>
      {props.note}
    </figure>
  );
}
