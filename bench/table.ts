/**
 * The one table `npm run bench` prints. Every row is a measure with its target, the value measured,
 * the baseline it is compared with (always measured in the same run: the machine is shared and
 * noisy, so the ratio is the figure to compare across runs) and whether the target was met.
 */

export type Unit = 'ms' | 'KB' | 'count';

/** What a row should reach. `atMost`: measured ≤ value; `speedUp`: baseline / measured ≥ value. */
export type Target =
  | { readonly kind: 'atMost'; readonly value: number; readonly unit: Unit; readonly label?: string }
  | { readonly kind: 'speedUp'; readonly value: number };

export interface Quantity {
  readonly value: number;
  readonly unit: Unit;
  /** Shown instead of the bare value, e.g. 'p50 12 / p95 30 ms'. */
  readonly text?: string;
}

export interface BenchRow {
  readonly measure: string;
  readonly target?: Target;
  readonly measured: Quantity;
  /** What the measured value is divided by (same unit), and its name. */
  readonly baseline?: { readonly label: string; readonly quantity: Quantity };
  /** Extra targets on the same row (p95 of a latency), checked like `target`. */
  readonly extraTargets?: readonly { readonly target: Target; readonly measured: Quantity }[];
  readonly note?: string;
}

const number = (value: number): string =>
  !Number.isFinite(value) ? String(value) : Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 10 ? value.toFixed(1) : value.toFixed(2);

export const formatQuantity = (q: Quantity): string => q.text ?? (q.unit === 'count' ? String(q.value) : `${number(q.value)} ${q.unit}`);

/** `p50 12.0 / p95 30.1 ms` from samples' percentiles. */
export function latencyQuantity(p50: number, p95: number): Quantity {
  return { value: p50, unit: 'ms', text: `p50 ${number(p50)} / p95 ${number(p95)} ms` };
}

function formatTarget(target: Target): string {
  if (target.kind === 'speedUp') return `≥ ${target.value}× faster`;
  return target.label ?? `≤ ${target.unit === 'count' ? target.value : `${target.value} ${target.unit}`}`;
}

function meets(target: Target, measured: Quantity, baseline: Quantity | undefined): boolean | null {
  if (target.kind === 'atMost') return measured.value <= target.value;
  if (baseline === undefined || measured.value <= 0) return null;
  return baseline.value / measured.value >= target.value;
}

/** `ratio(measured, baseline)`: '3.2× faster' when the row is quicker than its baseline, else '× 1.8'. */
function ratio(row: BenchRow): string {
  const baseline = row.baseline?.quantity;
  if (baseline === undefined || baseline.value <= 0 || row.measured.value <= 0) return '—';
  if (row.target?.kind === 'speedUp') {
    const speedUp = baseline.value / row.measured.value;
    return speedUp >= 1 ? `${speedUp.toFixed(1)}× faster` : `${(1 / speedUp).toFixed(1)}× slower`;
  }
  return `× ${(row.measured.value / baseline.value).toFixed(2)}`;
}

/** Met / missed for the row's targets, '—' where there is none. */
function verdict(row: BenchRow): string {
  const checks = [
    ...(row.target ? [meets(row.target, row.measured, row.baseline?.quantity)] : []),
    ...(row.extraTargets ?? []).map((extra) => meets(extra.target, extra.measured, undefined)),
  ];
  if (checks.length === 0) return '—';
  if (checks.some((check) => check === null)) return '?';
  return checks.every(Boolean) ? 'met' : 'MISSED';
}

/** The rows as an aligned text table (Markdown-compatible, so the README can show it as is). */
export function formatTable(rows: readonly BenchRow[]): string {
  const header = ['measure', 'target', 'measured', 'baseline (same run)', 'ratio', 'verdict', 'note'];
  const body = rows.map((row) => [
    row.measure,
    [row.target, ...(row.extraTargets ?? []).map((extra) => extra.target)].filter((t): t is Target => t !== undefined).map(formatTarget).join(' / ') || '—',
    formatQuantity(row.measured),
    row.baseline ? `${row.baseline.label}: ${formatQuantity(row.baseline.quantity)}` : '—',
    ratio(row),
    verdict(row),
    row.note ?? '',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => cells[column].length)));
  const line = (cells: readonly string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
