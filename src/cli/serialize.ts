/**
 * The CLI's output: every non-empty cell with its raw input, its displayed text and its value as
 * plain JSON; run cells add their series. Numbers are printed with full float64 precision so a
 * teacher can diff them against the browser.
 */
import type { CellValue, SheetEngineApi } from '../sheet/types';
import type { RegressionSweepResult, Sweep2DResult } from '../core/runTypes';
import { describeValue } from '../session/describe';
import { parseRange, rangeAddresses, columnLetters } from '../sheet/address';
import { translate, translateMessage, translateParts } from '../i18n/i18n';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface CellReport {
  readonly address: string;
  readonly name?: string;
  readonly raw: string;
  readonly display: string;
  readonly value: JsonValue;
}

/** Non-finite numbers are not JSON: they are written as the strings "NaN", "Infinity", "-Infinity". */
const num = (x: number): JsonValue => (Number.isFinite(x) ? x : String(x));
const series = (xs: ArrayLike<number>): JsonValue => Array.from(xs, num);

/** A sweep's grid: axes, final f or loss row-major (rows = γ or momentum), divergence steps (null: none). */
function sweepToJson(r: Sweep2DResult | RegressionSweepResult): JsonValue {
  const [columns, rows, final] = r.kind === 'sweep2d' ? [r.etas, r.gammas, r.finalF] : [r.lrs, r.momenta, r.finalLoss];
  return {
    run: r.kind,
    [r.kind === 'sweep2d' ? 'etas' : 'lrs']: series(columns),
    [r.kind === 'sweep2d' ? 'gammas' : 'momenta']: series(rows),
    final: series(final),
    divergedAt: Array.from(r.divergedAt, (step) => (step < 0 ? null : step)),
  };
}

export function valueToJson(value: CellValue): JsonValue {
  switch (value.kind) {
    case 'empty':
      return null;
    case 'number':
      return num(value.value);
    case 'text':
    case 'boolean':
      return value.value;
    case 'note':
      return { note: value.key, text: translate('en', value.key) };
    case 'array':
      return { rows: value.rows, cols: value.cols, items: value.items.map(valueToJson) };
    case 'objective':
      return { objective: value.expr };
    case 'gradient':
      return { gradient: [...value.exprs], derived: value.derived };
    case 'pending':
      return { pending: value.request.kind };
    case 'error':
      return { error: value.code, reason: value.reason, ...(value.args ? { args: { ...value.args } } : {}) };
    case 'run': {
      if (value.result.kind === 'path2d') {
        const r = value.result;
        return {
          run: 'path2d',
          method: value.request.kind === 'path2d' ? value.request.method : null,
          divergedAt: r.divergedAt,
          x1: series(r.x1),
          x2: series(r.x2),
          f: series(r.f),
          gradientCheck: r.gradientCheck
            ? { derived: [...r.gradientCheck.derived], agrees: r.gradientCheck.agrees, maxRelativeDifference: num(r.gradientCheck.maxRelativeDifference) }
            : null,
        };
      }
      if (value.result.kind === 'sweep2d' || value.result.kind === 'regressionSweep') return sweepToJson(value.result);
      const r = value.result;
      const params = r.finalParams[0];
      // [w1, …, wd, b]: d = 2 for the generated data set, the feature columns of a data range.
      const finalParams: Record<string, JsonValue> = {};
      params.subarray(0, -1).forEach((w, j) => (finalParams[`w${j + 1}`] = num(w)));
      finalParams.b = num(params[params.length - 1]);
      return {
        run: 'regression',
        config: value.request.kind === 'regression' ? { ...value.request.configs[0] } : null,
        stepsPerEpoch: r.stepsPerEpoch,
        // losses[i] is the loss after step min(i·lossStride, epochs × stepsPerEpoch).
        lossStride: r.lossStride ?? 1,
        divergedAt: r.divergedAt[0],
        finalParams,
        losses: series(r.losses[0]),
      };
    }
  }
}

/** What the grid shows for a value, in English: the text and its badges. */
function displayOf(value: CellValue): string {
  const display = describeValue(value);
  const badges = (display.badges ?? []).map((badge) => translateMessage('en', badge));
  return [translateParts('en', display.text), ...badges].join(' · ');
}

export function reportCells(engine: SheetEngineApi): CellReport[] {
  const range = parseRange(`A1:${columnLetters(engine.cols - 1)}${engine.rows}`);
  const reports: CellReport[] = [];
  for (const address of range ? rangeAddresses(range) : []) {
    const raw = engine.raw(address);
    if (raw === '') continue;
    const value = engine.value(address);
    const name = engine.nameOf(address);
    reports.push({
      address,
      ...(name ? { name } : {}),
      raw,
      display: displayOf(value),
      value: valueToJson(value),
    });
  }
  return reports;
}

/** A CSV cell for a JSON scalar: strings as they are, anything else as JSON (numbers print alike). */
const plainText = (value: JsonValue): string => (typeof value === 'string' ? value : JSON.stringify(value));
const csvField = (text: string) => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** CSV: one row per cell (address, name, raw, display, value as JSON), then one row per series point. */
export function cellsToCsv(reports: readonly CellReport[]): string {
  const lines = ['address,name,raw,display,value'];
  for (const cell of reports) {
    const value = cell.value;
    const scalar = value !== null && typeof value === 'object' && !Array.isArray(value) && 'run' in value ? `run:${plainText(value.run)}` : JSON.stringify(value);
    lines.push([cell.address, cell.name ?? '', cell.raw, cell.display, scalar].map(csvField).join(','));
  }
  lines.push('', 'address,series,index,value');
  for (const cell of reports) {
    const value = cell.value;
    if (value === null || typeof value !== 'object' || Array.isArray(value) || !('run' in value)) continue;
    for (const key of ['x1', 'x2', 'f', 'losses']) {
      const points = value[key];
      if (!Array.isArray(points)) continue;
      points.forEach((point, index) => lines.push([cell.address, key, String(index), plainText(point)].join(',')));
    }
  }
  return lines.join('\n') + '\n';
}
