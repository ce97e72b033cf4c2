/**
 * How a cell value reads in the grid, as message keys and literal pieces (the page translates):
 * numbers to six significant digits, runs as a compact summary with badges for what a reader must
 * not miss (a run that diverges, a hand-typed gradient that is not ∇f), errors as their code with
 * the reason on hover. The CLI prints the same text in English.
 */
import { formatNumber, formatShort } from '../sheet/format';
import type { CellValue, ErrorCode, RunValue } from '../sheet/types';
import type { CellKind, DisplayText, Message, RunSummary, TextPart } from './contract';
import { summarizeRun } from './runSummary';
import { isSweepRun, sweepField, type SweepRun } from '../sheet/sweepFields';

export interface CellDisplay {
  readonly kind: CellKind;
  readonly text: DisplayText;
  readonly title?: DisplayText;
  readonly error?: ErrorCode;
  readonly badges?: readonly Message[];
  readonly run?: RunSummary;
  readonly number?: number;
}

const ARRAY_PREVIEW = 3;
const msg = (key: string, args?: Message['args']): Message => (args === undefined ? { key } : { key, args });

/** Display of a settled value (a pending value is shown by its cell's previous display). */
export function describeValue(value: CellValue): CellDisplay {
  switch (value.kind) {
    case 'empty':
      return { kind: 'empty', text: [] };
    case 'number':
      return { kind: 'number', text: [formatNumber(value.value)], number: value.value };
    case 'text':
      return { kind: 'text', text: [value.value] };
    case 'boolean':
      return { kind: 'boolean', text: [value.value ? 'TRUE' : 'FALSE'] };
    case 'note':
      // The whole explanation on hover too, also when the cell shows only its beginning.
      return { kind: 'note', text: [msg(value.key)], title: [msg(value.key)] };
    case 'objective':
      return { kind: 'objective', text: [value.expr] };
    case 'gradient':
      return { kind: 'objective', text: [`∇ (${value.exprs[0]}, ${value.exprs[1]})`] };
    case 'array':
      return { kind: 'array', text: arrayText(value.items) };
    case 'run':
      return describeRun(value);
    case 'pending':
      return { kind: 'run', text: ['…'], title: [msg('run.pending')] };
    case 'error':
      return { kind: 'error', text: [value.code], title: [value.code, ' ', msg(value.reason, value.args)], error: value.code };
  }
}

function arrayText(items: readonly CellValue[]): DisplayText {
  const parts: TextPart[] = ['['];
  items.slice(0, ARRAY_PREVIEW).forEach((item, index) => {
    if (index > 0) parts.push(', ');
    parts.push(...describeValue(item).text);
  });
  if (items.length > ARRAY_PREVIEW) parts.push(`, … (${items.length})`);
  parts.push(']');
  return joinLiterals(parts);
}

/** Adjacent literal strings merged, so most arrays travel as a single string. */
function joinLiterals(parts: readonly TextPart[]): TextPart[] {
  const out: TextPart[] = [];
  for (const part of parts) {
    const last = out[out.length - 1];
    if (typeof part === 'string' && typeof last === 'string') out[out.length - 1] = last + part;
    else out.push(part);
  }
  return out;
}

function describeRun(run: RunValue): CellDisplay {
  const divergedAt = run.divergedAt;
  const badges: Message[] = [];
  const summary = summarizeRun(run);
  if (run.request.kind === 'path2d' && run.result.kind === 'path2d') {
    const request = run.request;
    const f = run.result.f;
    const check = run.result.gradientCheck;
    if (check !== null && !check.agrees) badges.push(msg('badge.notGradient'));
    const title: TextPart[] = [
      msg('run.path2dTitle', {
        method: msg(`method.${request.method}`),
        eta: formatNumber(request.eta),
        gamma: formatNumber(request.gamma),
        steps: request.steps,
        x1: formatNumber(request.start[0]),
        x2: formatNumber(request.start[1]),
      }),
    ];
    // The chapter's erratum, said where the run is: a typed gradient that is not ∇f.
    if (check !== null && !check.agrees) title.push('. ', msg('run.gradientMismatch', { derived: `(${check.derived.join(', ')})` }));
    if (divergedAt !== null) title.push('. ', msg('run.divergedTitle', { step: divergedAt }));
    const method = msg(`method.short.${request.method}`);
    // A diverged run's final f means nothing; the step it diverges from does.
    const text =
      divergedAt === null
        ? msg('format.path2dRun', { method, steps: f.length - 1, f: formatShort(f[f.length - 1]) })
        : msg('format.path2dRunDiverged', { method, steps: f.length - 1, step: divergedAt });
    return { kind: 'run', text: [text], title, badges, run: summary, ...(divergedAt === null ? {} : { error: '#DIVERGED' as const }) };
  }
  if (run.request.kind === 'regression' && run.result.kind === 'regression') {
    const config = run.request.configs[0];
    const losses = run.result.losses[0];
    const loss = formatShort(losses[losses.length - 1]);
    const step = divergedAt ?? 0;
    const text =
      config.optimizer === 'sgd'
        ? msg(divergedAt === null ? 'format.sgdRun' : 'format.sgdRunDiverged', { loss, step })
        : config.convention === 'mxnet'
          ? msg(divergedAt === null ? 'format.regressionRun' : 'format.regressionRunDiverged', { momentum: config.momentum, loss, step })
          : msg(divergedAt === null ? 'format.regressionRunPytorch' : 'format.regressionRunPytorchDiverged', { momentum: config.momentum, loss, step });
    const title: TextPart[] = [
      msg('run.regressionTitle', {
        lr: formatNumber(config.lr),
        mom: formatNumber(config.momentum),
        convention: msg(`convention.${config.convention}`),
        epochs: run.request.epochs,
        batch: run.request.batchSize,
      }),
    ];
    if (divergedAt !== null) title.push('. ', msg('run.divergedTitle', { step: divergedAt }));
    return { kind: 'run', text: [text], title, badges, run: summary, ...(divergedAt === null ? {} : { error: '#DIVERGED' as const }) };
  }
  if (isSweepRun(run)) return describeSweep(run);
  return { kind: 'run', text: [msg('format.run')] };
}

/**
 * A sweep reads as its grid and its best config (sweep · 3×5 · best f = 0.012); the hover says
 * what was swept and how many configs diverged. The sweep itself is never #DIVERGED: its
 * diverged configs are, inside .grid.
 */
function describeSweep(run: SweepRun): CellDisplay {
  const best = sweepField(run, 'best');
  const diverged = sweepField(run, 'diverged_count');
  const configs = run.result.divergedAt.length;
  const common = { configs, diverged: diverged.kind === 'number' ? diverged.value : 0 };
  const bestText = best.kind === 'number' ? formatShort(best.value) : '—';
  if (run.request.kind === 'sweep2d' && run.result.kind === 'sweep2d') {
    const rows = run.result.gammas.length;
    const cols = run.result.etas.length;
    const title = msg('run.sweep2dTitle', { ...common, method: msg(`method.${run.request.method}`), rows, cols, steps: run.request.steps });
    return { kind: 'run', text: [msg('format.sweep2dRun', { rows, cols, best: bestText })], title: [title] };
  }
  if (run.request.kind === 'regressionSweep' && run.result.kind === 'regressionSweep') {
    const rows = run.result.momenta.length;
    const cols = run.result.lrs.length;
    const title = msg('run.regressionSweepTitle', {
      ...common,
      rows,
      cols,
      convention: msg(`convention.${run.request.convention}`),
      epochs: run.request.epochs,
      batch: run.request.batchSize,
    });
    return { kind: 'run', text: [msg('format.regressionSweepRun', { rows, cols, best: bestText })], title: [title] };
  }
  return { kind: 'run', text: [msg('format.run')] };
}
