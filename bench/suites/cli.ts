/**
 * The CLI as a script would call it: `node dist-cli/main.mjs eval` of the default sheet, output to
 * a pipe, wall time of the whole process, against starting Node and doing nothing in the same run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { measure, type BenchSuite } from '../harness';
import type { BenchRow } from '../table';

const runNode = (args: readonly string[]) => {
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${result.stderr.toString().slice(0, 300)}`);
  return result.stdout.length;
};

export const cliSuite: BenchSuite = {
  name: 'cli',
  async run(): Promise<BenchRow[]> {
    execFileSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'ignore' });
    let bytes = 0;
    const cli = await measure(() => (bytes = runNode(['dist-cli/main.mjs', 'eval'])), { runs: 5, warmups: 1 });
    const bare = await measure(() => runNode(['-e', '0']), { runs: 5, warmups: 1 });
    return [
      {
        measure: 'CLI eval of the default sheet, wall',
        target: { kind: 'atMost', value: 1500, unit: 'ms' },
        measured: { value: cli.medianMs, unit: 'ms' },
        baseline: { label: 'node -e 0', quantity: { value: bare.medianMs, unit: 'ms' } },
        note: `built JS, ${bytes.toLocaleString('en')} bytes to a pipe, every run settled`,
      },
    ];
  },
};
