/**
 * Edit → repaint, measured as a user sees it: from the committing input event's `timeStamp`
 * (Enter, Tab, a pointer release) to the moment the last chart on screen that the edit changed
 * has drawn its new data, inside the animation frame that shows it (EChart reports each paint
 * right after setOption; a chart off screen draws as it comes near, and says it deferred). Nothing here adds frames of its own, except when an edit changes no chart: then the
 * first frame after its results landed is the one that shows them (the grid repaints there).
 */
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import type { Patch } from '../../session/contract';
import type { SessionClient } from '../client/sessionClient';

export interface EditLatency {
  /** Milliseconds from the last measured edit to its repaint; null before any. */
  readonly lastEditMs: Accessor<number | null>;
  /** How many edits have been measured (benchmarks wait for it to move). */
  readonly editCount: Accessor<number>;
  /** A chart drew data of this session version (called by the chart component). */
  painted(chartId: string, version: number, at: number): void;
  /** A chart off screen left this version for later: the edit's repaint does not wait for it. */
  deferred(chartId: string, version: number): void;
}

interface Measurement {
  readonly startedAt: number;
  /** Intents with a higher revision belong to this edit. */
  readonly afterRev: number;
  /** Charts the edit changed, with the data version each must paint. */
  readonly charts: Map<string, number>;
  landed: boolean;
  lastPaintAt: number;
}

const COMMIT_KEYS = new Set(['Enter', 'Tab']);
/** A measurement whose repaint never comes (the chart was removed) is dropped after this. */
const GIVE_UP_MS = 10_000;

export function createEditLatency(client: SessionClient): EditLatency {
  const [lastEditMs, setLastEditMs] = createSignal<number | null>(null);
  const [editCount, setEditCount] = createSignal(0);
  let current: Measurement | null = null;
  /**
   * Charts off screen, with the newest version each left undrawn. A chart may hear of its data
   * before or after this store sees the patch that brought it, so both orders are kept here.
   */
  const offScreen = new Map<string, number>();

  const finish = (at: number) => {
    if (current === null) return;
    const started = current.startedAt;
    current = null;
    setLastEditMs(at - started);
    setEditCount((n) => n + 1);
  };

  const maybeFinish = () => {
    if (current === null || !current.landed) return;
    if (current.charts.size > 0) return;
    if (current.lastPaintAt > 0) return finish(current.lastPaintAt);
    // No chart changed: the grid shows the result in the next frame.
    const measurement = current;
    requestAnimationFrame(() => {
      if (current === measurement) finish(performance.now());
    });
  };

  const begin = (event: Event) => {
    // The intent is sent later in this same event's handlers: it will get the next revision.
    current = { startedAt: event.timeStamp, afterRev: client.sentRev, charts: new Map(), landed: false, lastPaintAt: 0 };
    const measurement = current;
    // An event that sent no intent by the end of its dispatch (a click that only selected) measures nothing.
    setTimeout(() => {
      if (current === measurement && client.sentRev <= measurement.afterRev) current = null;
    }, 0);
    setTimeout(() => {
      if (current === measurement) current = null;
    }, GIVE_UP_MS);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (COMMIT_KEYS.has(event.key)) begin(event);
  };
  const onPointerUp = (event: PointerEvent) => begin(event);
  window.addEventListener('keydown', onKeyDown, { capture: true });
  window.addEventListener('pointerup', onPointerUp, { capture: true });
  onCleanup(() => {
    window.removeEventListener('keydown', onKeyDown, { capture: true });
    window.removeEventListener('pointerup', onPointerUp, { capture: true });
  });

  client.subscribe((patch: Patch) => {
    const measurement = current;
    // A keystroke that sent nothing (arrow keys, Enter that only moved) measures nothing.
    if (measurement === null) return;
    if (client.sentRev <= measurement.afterRev) return;
    if (patch.rev <= measurement.afterRev) return;
    for (const chart of patch.charts ?? []) {
      if ((offScreen.get(chart.id) ?? -1) < chart.version) measurement.charts.set(chart.id, chart.version);
    }
    if (patch.idle && patch.rev >= client.sentRev) {
      measurement.landed = true;
      maybeFinish();
    }
  });

  return {
    lastEditMs,
    editCount,
    painted(chartId, version, at) {
      if ((offScreen.get(chartId) ?? Infinity) <= version) offScreen.delete(chartId);
      const measurement = current;
      if (measurement === null) return;
      const wanted = measurement.charts.get(chartId);
      if (wanted === undefined || version < wanted) return;
      measurement.charts.delete(chartId);
      measurement.lastPaintAt = Math.max(measurement.lastPaintAt, at);
      maybeFinish();
    },
    deferred(chartId, version) {
      offScreen.set(chartId, Math.max(version, offScreen.get(chartId) ?? -1));
      const measurement = current;
      const wanted = measurement?.charts.get(chartId);
      if (measurement === null || wanted === undefined || version < wanted) return;
      measurement.charts.delete(chartId);
      maybeFinish();
    },
  };
}
