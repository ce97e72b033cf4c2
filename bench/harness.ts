/**
 * What every benchmark shares: timing with warm-up, medians, a plain-text table, machine info.
 * A suite (bench/suites/*.ts) measures its cases with `measure` and returns rows; run.ts prints.
 */
import os from 'node:os';

export interface Measurement {
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly runs: number;
}

export interface MeasureOptions {
  /** Timed runs; the median is reported. */
  readonly runs?: number;
  /** Untimed runs first, so JIT compilation and caches do not count. */
  readonly warmups?: number;
}

export const DEFAULT_RUNS = 7;
export const DEFAULT_WARMUPS = 2;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Time `task` (sync or async) `runs` times after `warmups` untimed calls. */
export async function measure(task: () => unknown, options: MeasureOptions = {}): Promise<Measurement> {
  const runs = options.runs ?? DEFAULT_RUNS;
  for (let i = 0; i < (options.warmups ?? DEFAULT_WARMUPS); i += 1) await task();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await task();
    samples.push(performance.now() - started);
  }
  return { medianMs: median(samples), minMs: Math.min(...samples), maxMs: Math.max(...samples), runs };
}

/** One line of a suite's table. `baseline` names the row this one is compared with (same case). */
export interface BenchRow {
  readonly case: string;
  readonly implementation: string;
  readonly measurement: Measurement;
  readonly isBaseline?: boolean;
  /** What the row should reach against its baseline, e.g. '≥ 10× faster' (checked when it reads so). */
  readonly target?: string;
  readonly note?: string;
}

export interface BenchSuite {
  readonly name: string;
  /** One sentence: what is measured and against what. */
  readonly description: string;
  run(): Promise<BenchRow[]>;
}

const formatMs = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));

/**
 * A target of the form '≥ N× faster' with its verdict for a measured speed-up:
 * `targetVerdict('≥ 10× faster', 12.3)` → '≥ 10× faster: met'. Other targets are shown as written.
 */
export function targetVerdict(target: string | undefined, speedUp: number | null): string {
  if (target === undefined) return '';
  const wanted = /^≥\s*([\d.]+)×\s*faster$/.exec(target.trim());
  if (wanted === null || speedUp === null) return target;
  return `${target}: ${speedUp >= Number(wanted[1]) ? 'met' : 'missed'}`;
}

/** Rows as an aligned text table; each row's ratio is its median over its case's baseline median. */
export function formatTable(rows: readonly BenchRow[]): string {
  const baselines = new Map(rows.filter((r) => r.isBaseline).map((r) => [r.case, r.measurement.medianMs]));
  const header = ['case', 'implementation', 'median ms', 'min–max ms', 'vs baseline', 'target', 'note'];
  const body = rows.map((row) => {
    const baseline = baselines.get(row.case);
    const { medianMs, minMs, maxMs } = row.measurement;
    let ratio = '';
    const speedUp = baseline === undefined || row.isBaseline ? null : baseline / medianMs;
    if (row.isBaseline) ratio = 'baseline';
    else if (speedUp !== null) ratio = speedUp >= 1 ? `${speedUp.toFixed(1)}× faster` : `${(1 / speedUp).toFixed(1)}× slower`;
    return [row.case, row.implementation, formatMs(medianMs), `${formatMs(minMs)}–${formatMs(maxMs)}`, ratio, targetVerdict(row.target, speedUp), row.note ?? ''];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => cells[column].length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, column) => (column >= 2 && column <= 3 ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

/** Node version, CPU, cores and load: timings on a shared 2-core machine need this context. */
export function machineInfo(): string {
  const cpus = os.cpus();
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  return [
    `node ${process.version} on ${os.platform()} ${os.arch()}`,
    `cpu: ${cpus[0]?.model ?? 'unknown'} × ${cpus.length} (os.availableParallelism ${os.availableParallelism()})`,
    `load average (1/5/15 min): ${load}`,
  ].join('\n');
}
