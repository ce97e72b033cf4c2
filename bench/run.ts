/**
 * `npm run bench [-- filter…]`: runs every suite in bench/suites (or those whose names contain a
 * filter) and prints one table per suite, with medians of several runs and ratios against each
 * case's baseline measured in the same process.
 */
import { formatTable, machineInfo, DEFAULT_RUNS, DEFAULT_WARMUPS } from './harness';
import { suites } from './suites/index';

async function main(): Promise<void> {
  const filters = process.argv.slice(2);
  const selected = suites.filter((suite) => filters.length === 0 || filters.some((f) => suite.name.includes(f)));
  if (selected.length === 0) {
    console.error(`no suite matches ${filters.join(', ')}; known: ${suites.map((s) => s.name).join(', ')}`);
    process.exitCode = 1;
    return;
  }
  console.log(machineInfo());
  console.log(`each timing: median of ${DEFAULT_RUNS} runs after ${DEFAULT_WARMUPS} warm-ups\n`);
  for (const suite of selected) {
    console.log(`## ${suite.name}: ${suite.description}\n`);
    console.log(formatTable(await suite.run()));
    console.log('');
  }
}

await main();
