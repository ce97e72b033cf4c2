/**
 * Run results as CSV (RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote or
 * line break quoted, quotes doubled). Numbers are written in JavaScript's shortest round-trip
 * form, so a spreadsheet or pandas reads back exactly the float64 values the app computed.
 */
import type { Path2DResult, RegressionResult } from '../core/runTypes';

export interface LabelledPath2D {
  readonly label: string;
  readonly result: Path2DResult;
}

export interface LabelledRegression {
  readonly label: string;
  readonly result: RegressionResult;
  /** The run's training steps (epochs × stepsPerEpoch), where its last loss sits; absent: (losses − 1) · lossStride. */
  readonly totalSteps?: number;
}

/** One CSV field: `csvField('a,"b"')` → `"a,""b"""`; `csvField(0.1)` → `0.1`. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
  // A text field starting like a formula would be evaluated by spreadsheet apps (CSV injection);
  // a leading apostrophe keeps it text, as OWASP recommends. Labels come from shared links.
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv(rows: readonly (readonly (string | number | null)[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/**
 * 2-D runs, one row per iterate: `run,step,x1,x2,f` (step 0 is the start point).
 * `path2dRunsToCsv([{ label: 'GD η=0.4', result }])` → "run,step,x1,x2,f\r\nGD η=0.4,0,-5,-2,10.5\r\n…"
 */
export function path2dRunsToCsv(runs: readonly LabelledPath2D[]): string {
  const rows: (string | number)[][] = [['run', 'step', 'x1', 'x2', 'f']];
  for (const { label, result } of runs) {
    for (let t = 0; t < result.x1.length; t += 1) rows.push([label, t, result.x1[t], result.x2[t], result.f[t]]);
  }
  return csv(rows);
}

/**
 * One loss series per config, with the step of each loss: min(i·lossStride, totalSteps), since a
 * long run records every lossStride-th step (and its last). A result with several configs names
 * them "label [1]", "label [2]"…
 */
function lossSeries(runs: readonly LabelledRegression[]) {
  return runs.flatMap(({ label, result, totalSteps }) =>
    result.losses.map((losses, i) => {
      const stride = result.lossStride ?? 1;
      const last = totalSteps ?? (losses.length - 1) * stride;
      return {
        name: result.losses.length === 1 ? label : `${label} [${i + 1}]`,
        losses,
        steps: Array.from(losses, (_, point) => Math.min(point * stride, last)),
        stepsPerEpoch: result.stepsPerEpoch,
      };
    }),
  );
}

/** Whether `steps` begins with `prefix`: runs line up in one table when each one's steps begin the longest one's. */
const startsWith = (steps: readonly number[], prefix: readonly number[]): boolean => prefix.every((step, i) => steps[i] === step);

/**
 * Regression runs: the mean full-data loss before training (step 0) and after every minibatch
 * (after every lossStride-th one for a long run), with epoch = step / stepsPerEpoch (the
 * chapter's x axis). When every run has the same stepsPerEpoch and records the same steps, one
 * column per run: `step,epoch,<run 1>,<run 2>…` (blank where a run is shorter); otherwise the
 * steps do not line up and the table is long: `run,step,epoch,loss`.
 */
export function regressionRunsToCsv(runs: readonly LabelledRegression[]): string {
  const series = lossSeries(runs);
  const perEpoch = new Set(series.map((s) => s.stepsPerEpoch));
  const longest = series.reduce<readonly number[]>((steps, s) => (s.steps.length > steps.length ? s.steps : steps), []);
  if (perEpoch.size > 1 || !series.every((s) => startsWith(longest, s.steps))) {
    const rows: (string | number)[][] = [['run', 'step', 'epoch', 'loss']];
    for (const s of series) {
      s.losses.forEach((loss, i) => rows.push([s.name, s.steps[i], s.steps[i] / s.stepsPerEpoch, loss]));
    }
    return csv(rows);
  }
  const stepsPerEpoch = series[0]?.stepsPerEpoch ?? 1;
  const rows: (string | number | null)[][] = [['step', 'epoch', ...series.map((s) => s.name)]];
  longest.forEach((step, i) => {
    rows.push([step, step / stepsPerEpoch, ...series.map((s) => (i < s.losses.length ? s.losses[i] : null))]);
  });
  return csv(rows);
}
