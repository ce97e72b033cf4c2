/**
 * How a value reads in a cell, for the grid and the CLI alike: numbers to six significant digits
 * (exponent for the tiny and the huge), runs as a compact summary, errors as their code, notes in
 * the reader's language through `translate` (without one, a note shows its key: the engine holds
 * no sentences).
 */
import type { CellValue } from './types';

export type Translate = (key: string, args?: Readonly<Record<string, string | number>>) => string;

/** Six significant digits, trailing zeros dropped: `formatNumber(1 / 3) === "0.333333"`, `formatNumber(1.5e-7) === "1.5e-7"`. */
export function formatNumber(value: number, digits = 6): string {
  if (value === 0) return '0';
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-4 && magnitude < 1e7) return String(Number(value.toPrecision(digits)));
  const [mantissa, exponent] = value.toExponential(digits - 1).split('e');
  const trimmed = mantissa.includes('.') ? mantissa.replace(/0+$/, '').replace(/\.$/, '') : mantissa;
  return `${trimmed}e${exponent.replace('+', '')}`;
}

/** A short figure for summaries: `formatShort(7.04e-4) === "7.0e-4"`, `formatShort(0.5123) === "0.512"`. */
export function formatShort(value: number): string {
  if (value === 0 || !Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude < 1e-3 || magnitude >= 1e4) return value.toExponential(1).replace('+', '');
  return String(Number(value.toPrecision(3)));
}

const METHOD_LABELS = { gd: 'GD', momentum: 'momentum', nesterov: 'Nesterov' } as const;
const ARRAY_PREVIEW = 3;

/** The catalogue's wording of `key` when a translator knows it; null: use the built-in English. */
function localized(key: string, args: Readonly<Record<string, string | number>>, translate?: Translate): string | null {
  const text = translate?.(key, args);
  return text === undefined || text === key ? null : text;
}

function noteText(key: string, translate?: Translate): string {
  return translate?.(key) ?? key;
}

/**
 * Display text of a value: `formatValue({kind: 'number', value: 20.000000000000018}) === "20"`;
 * a momentum run reads "momentum · 15 steps · f = 7.0e-4"; an error reads as its code.
 */
export function formatValue(value: CellValue, translate?: Translate): string {
  switch (value.kind) {
    case 'empty':
      return '';
    case 'number':
      return formatNumber(value.value);
    case 'text':
      return value.value;
    case 'boolean':
      return value.value ? 'TRUE' : 'FALSE';
    case 'note':
      return noteText(value.key, translate);
    case 'objective':
      return value.expr;
    case 'gradient':
      return `∇ (${value.exprs[0]}, ${value.exprs[1]})`;
    case 'array': {
      const shown = value.items.slice(0, ARRAY_PREVIEW).map((item) => formatValue(item, translate));
      const more = value.items.length > ARRAY_PREVIEW ? `, … (${value.items.length})` : '';
      return `[${shown.join(', ')}${more}]`;
    }
    case 'run': {
      // A diverged run's final value means nothing: its text says from which step it diverges instead.
      const step = value.divergedAt;
      if (value.result.kind === 'path2d' && value.request.kind === 'path2d') {
        const f = value.result.f;
        const args = { method: METHOD_LABELS[value.request.method], steps: f.length - 1, f: formatShort(f[f.length - 1]) };
        if (step !== null) {
          return localized('format.path2dRunDiverged', { ...args, step }, translate) ?? `${args.method} · ${args.steps} steps · diverges from step ${step}`;
        }
        return localized('format.path2dRun', args, translate) ?? `${args.method} · ${args.steps} steps · f = ${args.f}`;
      }
      if (value.result.kind === 'regression' && value.request.kind === 'regression') {
        const losses = value.result.losses[0];
        const config = value.request.configs[0];
        const convention = config.convention === 'mxnet' ? '' : ` (${config.convention})`;
        const args = { convention, momentum: config.momentum, loss: formatShort(losses[losses.length - 1]) };
        if (config.optimizer === 'sgd') {
          if (step !== null) return localized('format.sgdRunDiverged', { step }, translate) ?? `SGD · diverges from step ${step}`;
          return localized('format.sgdRun', args, translate) ?? `SGD · loss = ${args.loss}`;
        }
        if (step !== null) {
          return localized('format.regressionRunDiverged', { ...args, step }, translate) ?? `regression${convention} · mom ${args.momentum} · diverges from step ${step}`;
        }
        return localized('format.regressionRun', args, translate) ?? `regression${convention} · mom ${args.momentum} · loss = ${args.loss}`;
      }
      return 'run';
    }
    case 'pending':
      return '…';
    case 'error':
      return value.code;
  }
}
