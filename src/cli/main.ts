/**
 * Headless CLI: evaluates a playground exactly as the browser does (same engine, same compute
 * API, same seeds) and prints every cell. Usage:
 *   npm run cli -- eval [<playground link> | <state file.json>] [--format json|csv]
 * With no argument it evaluates the default playground (the chapter).
 */
import { readFileSync, existsSync } from 'node:fs';
import { loadPlayground } from './loadPlayground';
import { evaluatePlayground } from './evaluatePlayground';
import { cellsToCsv } from './serialize';
import { translate } from '../i18n/i18n';

const USAGE = 'usage: npm run cli -- eval [<playground link> | <state file.json>] [--format json|csv]';

interface CliArgs {
  readonly command: string;
  readonly source: string | null;
  readonly format: 'json' | 'csv';
}

function parseArgs(argv: readonly string[]): CliArgs | string {
  const [command = 'eval', ...rest] = argv;
  if (command === '--help' || command === '-h') return USAGE;
  if (command !== 'eval') return `unknown command "${command}"\n${USAGE}`;
  let format: 'json' | 'csv' = 'json';
  let source: string | null = null;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--format') {
      const value = rest[++i];
      if (value !== 'json' && value !== 'csv') return `--format takes json or csv\n${USAGE}`;
      format = value;
    } else if (arg.startsWith('--format=')) {
      const value = arg.slice('--format='.length);
      if (value !== 'json' && value !== 'csv') return `--format takes json or csv\n${USAGE}`;
      format = value;
    } else if (source === null) {
      source = arg;
    } else {
      return `unexpected argument "${arg}"\n${USAGE}`;
    }
  }
  return { command, source, format };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    const isHelp = args === USAGE;
    (isHelp ? console.log : console.error)(args);
    return isHelp ? 0 : 2;
  }
  const loaded = loadPlayground(args.source, {
    readFile: (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : null),
  });
  if (!loaded.ok) {
    console.error(`error: ${loaded.message}`);
    return 1;
  }
  const evaluation = await evaluatePlayground(loaded.state);
  if (args.format === 'csv') process.stdout.write(cellsToCsv(evaluation.cells));
  else process.stdout.write(JSON.stringify({ source: loaded.description, ...evaluation }, null, 2) + '\n');
  for (const failure of evaluation.failures) console.error(`warning: ${translate('en', 'cli.warning.runFailed', { reason: failure })}`);
  return 0;
}

// A reader that stops early (`| head`) closes the pipe: that is the reader's choice, not an
// error of ours, so the rest of the output is dropped quietly, as other Unix tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

// The exit code is set, not forced: process.exit() right after stdout.write() would drop
// whatever a pipe has not taken yet (output was cut at 64 KiB). Node ends by itself once
// stdout is drained, because nothing else keeps the event loop alive.
main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
