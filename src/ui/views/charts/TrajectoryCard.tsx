/** Contour lines of the objective with every run of the binding (and pinned runs) on top. */
import { createMemo, createSignal, Show, type Accessor, type JSX } from 'solid-js';
import type { AppState } from '../../stores/appState';
import type { ChartBinding } from '../../../sheet/types';
import { buildTrajectoryOption, START_HANDLE_SERIES_ID } from '../../../charts/trajectoryChart';
import { ALL_ARROWS } from '../../../charts/trajectoryArrows';
import { buildTrajectoryMultiples, trajectoryMultiplesHeight } from '../../../charts/trajectorySmallMultiples';
import { trajectorySummary } from '../../../charts/summaries';
import { ChartCard } from './ChartCard';
import { ArrowsFor, RunPicker } from './RunPicker';
import { createElementWidth } from '../useElementWidth';
import { t } from '../../../i18n/localeStore';

export function TrajectoryCard(props: { app: AppState; binding: Accessor<ChartBinding> }): JSX.Element {
  // eslint-disable-next-line solid/reactivity -- the app state is created once and never replaced.
  const charts = props.app.charts;
  // eslint-disable-next-line solid/reactivity -- a card shows one chart for its life (ChartsPanel makes a new card for a new binding).
  const data = charts.trajectory(props.binding().id);
  const [width, widthRef] = createElementWidth();
  const arrows = () => props.binding().arrows === true;
  const [panels, setPanels] = createSignal(false);
  const option = createMemo(() => {
    const current = data();
    if (!current || current.runs.length === 0) return null;
    return (panels() ? buildTrajectoryMultiples : buildTrajectoryOption)({
      scheme: charts.scheme(),
      width: width(),
      runs: current.runs,
      contours: current.contours,
      region: current.region,
      start: current.start,
      arrows: arrows() ? ALL_ARROWS : [],
      ...(props.binding().arrowsFor === undefined ? {} : { arrowsFor: props.binding().arrowsFor }),
      text: {
        start: t('chart.trajectories.start'),
        diverges: t('chart.trajectories.diverges'),
        x1: 'x₁',
        x2: 'x₂',
        arrows: { step: t('chart.trajectories.step'), velocity: t('chart.trajectories.velocity'), special: t('chart.trajectories.special') },
      },
    });
  });
  return (
    <ChartCard
      id={props.binding().id}
      version={props.app.charts.dataVersion(props.binding().id)}
      latency={props.app.latency}
      title={t('chart.trajectories.title')}
      option={option()}
      summary={trajectorySummary(data()?.runs ?? [], t)}
      empty={t('chart.empty', { source: props.binding().source })}
      widthRef={widthRef}
      zoomable={!panels()}
      height={panels() ? trajectoryMultiplesHeight({ runs: data()?.runs ?? [], width: width() }) : undefined}
      // The cells are written once, when the drag ends: one undo step, and the axes (which follow
      // the runs) stay put under the pointer while it moves.
      draggable={{ seriesId: START_HANDLE_SERIES_ID, onDrag: () => undefined, onDragEnd: (point) => charts.moveStart(point) }}
      tools={
        <>
          <RunPicker charts={charts} bindingId={props.binding().id} kind="path2d" title={t('chart.trajectories.title')} />
          <button type="button" aria-pressed={panels()} onClick={() => setPanels(!panels())}>
            {panels() ? t('chart.trajectories.overlay') : t('chart.trajectories.panels')}
          </button>
          {/* The panels draw no arrows (each panel is a small picture of one path): the switch is the overlay's. */}
          <Show when={!panels()}>
            <label>
              <input type="checkbox" checked={arrows()} onChange={(event) => charts.setArrows(props.binding().id, event.currentTarget.checked)} />{' '}
              {t('chart.trajectories.arrows')}
            </label>
            <Show when={arrows()}>
              <ArrowsFor charts={charts} bindingId={props.binding().id} value={props.binding().arrowsFor} />
            </Show>
          </Show>
        </>
      }
      badge={
        (data()?.notGradient.length ?? 0) > 0
          ? t('chart.trajectories.notGradient', { count: data()?.notGradient.length ?? 0, runs: data()?.notGradient.join(', ') ?? '' })
          : undefined
      }
      note={<p class="chart-note">{t('chart.trajectories.note')}</p>}
    />
  );
}
