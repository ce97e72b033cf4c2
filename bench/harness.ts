/**
 * What every benchmark shares: timing with warm-up, medians, percentiles, machine info.
 * A suite (bench/suites/*.ts) measures its cases with `measure` and returns rows (bench/table.ts);
 * run.ts prints them all as one table.
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import type { BenchRow } from './table';

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

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

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

/** A group of measures; run.ts prints every suite's rows in one table. */
export interface BenchSuite {
  readonly name: string;
  run(): Promise<BenchRow[]>;
}

/** Node version, CPU, cores and load: timings on a shared 2-core machine need this context. */
export function machineInfo(): string {
  const cpus = os.cpus();
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  return [
    `node ${process.version} on ${os.platform()} ${os.arch()}`,
    `cpu: ${cpus[0]?.model ?? 'unknown'} × ${cpus.length} (os.availableParallelism ${os.availableParallelism()})`,
    `load average (1/5/15 min): ${load}`,
    `browser: ${chromiumVersion()}`,
  ].join('\n');
}

function chromiumVersion(): string {
  try {
    return execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'Chromium not found';
  }
}
