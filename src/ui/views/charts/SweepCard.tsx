/**
 * A sweep cell as a heatmap of final loss (or f) over (learning rate, momentum), log colour
 * scale, diverged configs marked. Clicking a cell writes its config into the cells the sweep's
 * rule names (eta/gamma, or lr/momentum: see src/session/sweepChart.ts), and says so on hover.
 * While the sweep computes the card shows its progress and a Cancel button, as long runs do.
 */
import { createMemo, Show, type Accessor, type JSX } from 'solid-js';
import type { AppState } from '../../stores/appState';
import type { ChartBinding } from '../../../sheet/types';
import type { SweepGrid } from '../../../session/contract';
import { buildSweepHeatmap, sweepCellAt, SWEEP_SERIES_ID, DIVERGED_SERIES_ID } from '../../../charts/sweepHeatmap';
import { formatNumber } from '../../../charts/format';
import { ChartCard } from './ChartCard';
import { createElementWidth } from '../useElementWidth';
import { t } from '../../../i18n/localeStore';

const labels = (grid: SweepGrid) =>
  grid.kind === 'sweep2d'
    ? { lr: t('chart.rateMap.x'), momentum: t('chart.rateMap.y'), value: t('sweep.finalF') }
    : { lr: t('sweep.lr'), momentum: t('sweep.momentum'), value: t('sweep.finalLoss') };

/** "B13: 32 × 32 configurations, best final f 1.2e-5 at η = 0.6, γ = 0.3; 120 diverged". */
function sweepSummary(grid: SweepGrid): string {
  let best = -1;
  let diverged = 0;
  grid.final.forEach((value, i) => {
    if (grid.divergedAt[i] >= 0) diverged += 1;
    else if (Number.isFinite(value) && (best < 0 || value < grid.final[best])) best = i;
  });
  const { lr, momentum, value } = labels(grid);
  const at = best < 0 ? null : sweepCellAt(grid, [best % grid.lrs.length, Math.floor(best / grid.lrs.length)]);
  return t('sweep.summary', {
    cell: grid.address,
    cols: grid.lrs.length,
    rows: grid.momenta.length,
    best: at === null ? '—' : `${value} ${formatNumber(grid.final[best])}, ${lr} = ${formatNumber(at.lr)}, ${momentum} = ${formatNumber(at.momentum)}`,
    diverged,
  });
}

export function SweepCard(props: { app: AppState; binding: Accessor<ChartBinding> }): JSX.Element {
  // eslint-disable-next-line solid/reactivity -- a card shows one chart for its life (ChartsPanel keys cards by binding id).
  const data = props.app.charts.sweep(props.binding().id);
  const [width, widthRef] = createElementWidth();
  const clickRule = (grid: SweepGrid) =>
    grid.targetsExist ? t('sweep.click', { lr: grid.targets[0], momentum: grid.targets[1] }) : t('sweep.noTargets', { lr: grid.targets[0], momentum: grid.targets[1] });
  const option = createMemo(() => {
    const grid = data();
    if (grid === null) return null;
    return buildSweepHeatmap({
      scheme: props.app.charts.scheme(),
      width: width(),
      lrs: grid.lrs,
      momenta: grid.momenta,
      final: grid.final,
      divergedAt: grid.divergedAt,
      text: { ...labels(grid), diverged: t('sweep.diverged'), divergedAt: t('sweep.divergedAt'), click: clickRule(grid) },
    });
  });
  const pending = () => props.app.charts.pending(props.binding().id);
  const progress = () => props.app.sheet.runStatus().progress;
  return (
    <ChartCard
      id={props.binding().id}
      version={props.app.charts.dataVersion(props.binding().id)}
      latency={props.app.latency}
      title={t('sweep.title')}
      option={option()}
      summary={data() === null ? '' : sweepSummary(data()!)}
      empty={t('sweep.empty')}
      widthRef={widthRef}
      height={380}
      onClick={(params) => {
        const grid = data();
        if (grid === null || !grid.targetsExist || (params.seriesId !== SWEEP_SERIES_ID && params.seriesId !== DIVERGED_SERIES_ID)) return;
        const cell = sweepCellAt(grid, params.value as number[]);
        if (cell !== null) props.app.charts.pickSweepConfig(grid.kind, cell.lr, cell.momentum);
      }}
      tools={
        <Show when={pending()}>
          <span class="sweep-progress" role="status">
            {progress() === null ? t('sweep.computing') : t('sweep.progress', { percent: Math.round((progress() ?? 0) * 100) })}{' '}
            <button type="button" onClick={() => props.app.sheet.cancelRuns()}>
              {t('status.cancel')}
            </button>
          </span>
        </Show>
      }
      note={<Show when={data()}>{(grid) => <p class="chart-note">{t('sweep.note')} {clickRule(grid())}</p>}</Show>}
    />
  );
}
