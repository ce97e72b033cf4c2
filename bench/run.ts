/**
 * `npm run bench [-- filter…]`: runs every suite in bench/suites (or those whose names contain a
 * filter) and prints ONE table: each measure's target, the value measured, the baseline measured
 * in the same run and the ratio between them, and whether the target was met.
 */
import { execFileSync } from 'node:child_process';
import { machineInfo, DEFAULT_RUNS, DEFAULT_WARMUPS } from './harness';
import { formatTable, type BenchRow } from './table';
import { suites } from './suites/index';

/** The browser suite needs Debian's Chromium: check (or install) it the way `npm test` does. */
function prepareChromium(): boolean {
  try {
    execFileSync(process.execPath, ['scripts/ensure-chromium.mjs'], { stdio: ['ignore', 'ignore', 'inherit'] });
    return true;
  } catch {
    return false;
  }
}

/** One line for a failure: a browser that will not start is not a stack of minified code. */
const oneLine = (error: unknown): string => (error instanceof Error ? error.message : String(error)).split('\n')[0].slice(0, 200);

async function main(): Promise<void> {
  const filters = process.argv.slice(2);
  const selected = suites.filter((suite) => filters.length === 0 || filters.some((f) => suite.name.includes(f)));
  if (selected.length === 0) {
    console.error(`no suite matches ${filters.join(', ')}; known: ${suites.map((s) => s.name).join(', ')}`);
    process.exitCode = 1;
    return;
  }
  const rows: BenchRow[] = [];
  const failures: string[] = [];
  for (const suite of selected) {
    if (suite.name === 'browser' && !prepareChromium()) {
      failures.push('browser: skipped, Chromium is missing (see the message above)');
      continue;
    }
    process.stderr.write(`bench: ${suite.name}…\n`);
    try {
      rows.push(...(await suite.run()));
    } catch (error) {
      failures.push(`${suite.name}: ${oneLine(error)}`);
    }
  }
  console.log(machineInfo());
  console.log(`timings: medians of ${DEFAULT_RUNS} runs after ${DEFAULT_WARMUPS} warm-ups unless the note says otherwise; ratio = measured / baseline (or the speed-up)\n`);
  console.log(formatTable(rows));
  for (const failure of failures) console.log(`\n${failure}`);
  if (failures.length > 0) process.exitCode = 1;
}

await main();
