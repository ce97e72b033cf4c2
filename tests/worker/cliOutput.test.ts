/**
 * The built CLI writes its whole output to a pipe. A pipe takes 64 KiB at a time, so a process
 * that exits right after writing loses the rest (as `process.exit()` after `stdout.write()` did); the default sheet's CSV (~95 KB) and JSON
 * (~105 KB) are both larger than that. The CLI runs here as users run it: `npm run cli` is
 * `node scripts/cli.mjs`, which rebuilds dist-cli/main.mjs when a source is newer, then runs the
 * built JavaScript.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluatePlayground } from '../../src/cli/evaluatePlayground';
import { cellsToCsv } from '../../src/cli/serialize';
import { defaultSheet } from '../../src/sheet/defaultSheet';

const ROOT = join(__dirname, '../..');
const PIPE_CAPACITY = 65_536;

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run a command line in bash (pipefail: the exit code is the CLI's), collecting stdout and stderr. */
function runShell(commandLine: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-o', 'pipefail', '-c', commandLine], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

/**
 * Node's own child pipes are socket pairs, whose buffers hold the whole output, so the CLI's
 * stdout goes through a real pipe (64 KiB) here, read by a slow reader: it takes one byte when
 * output starts, pauses, then reads the rest. A CLI that exits before its output is taken loses
 * what the pipe could not hold, every time rather than only when the reader happens to lag.
 */
const throughSlowPipe = (cli: string) => `${process.execPath} ${cli} | { head -c 1; sleep 1; cat; }`;

/** RFC 4180 records: quoted fields may hold commas, doubled quotes and newlines. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let fieldText = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted && ch === '"' && text[i + 1] === '"') {
      fieldText += '"';
      i++;
    } else if (quoted && ch === '"') quoted = false;
    else if (quoted) fieldText += ch;
    else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(fieldText);
      fieldText = '';
    } else if (ch === '\n') {
      record.push(fieldText);
      records.push(record);
      record = [];
      fieldText = '';
    } else fieldText += ch;
  }
  expect(quoted, 'the output ends inside a quoted field').toBe(false);
  expect(record.length === 0 && fieldText === '', 'the output ends without its final newline').toBe(true);
  return records;
}

describe('the built CLI writing to a pipe', () => {
  it('writes the default sheet as complete CSV: the same table as an in-process evaluation, every series whole', async () => {
    const run = await runShell(throughSlowPipe('scripts/cli.mjs eval --format csv'));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(Buffer.byteLength(run.stdout)).toBeGreaterThan(PIPE_CAPACITY);

    const records = parseCsv(run.stdout);
    const blank = records.findIndex((record) => record.length === 1 && record[0] === '');
    const cells = records.slice(1, blank);
    const points = records.slice(blank + 2);
    expect(records[0]).toEqual(['address', 'name', 'raw', 'display', 'value']);
    expect(records[blank + 1]).toEqual(['address', 'series', 'index', 'value']);
    for (const cell of cells) expect(cell).toHaveLength(5);

    // Every run cell of the first table has its series in the second, each from index 0 without gaps.
    const runCells = cells.filter((cell) => cell[4].startsWith('run:')).map((cell) => cell[0]);
    expect(runCells.length).toBeGreaterThanOrEqual(10);
    const seriesLength = new Map<string, number>();
    for (const [address, name, index, value] of points) {
      const key = `${address} ${name}`;
      expect(Number(index), key).toBe(seriesLength.get(key) ?? 0);
      expect(Number.isNaN(Number(value)) && value !== 'NaN', `${key}[${index}] = ${value}`).toBe(false);
      seriesLength.set(key, Number(index) + 1);
    }
    expect(new Set(points.map((point) => point[0]))).toEqual(new Set(runCells));
    expect(seriesLength.get('B33 losses')).toBe(301);

    // Byte for byte what the same evaluation gives in this process.
    const evaluation = await evaluatePlayground(defaultSheet());
    expect(run.stdout).toBe(cellsToCsv(evaluation.cells));
  });

  it('writes the default sheet as complete JSON that parses', async () => {
    const run = await runShell(throughSlowPipe('dist-cli/main.mjs eval'));
    expect(run.code).toBe(0);
    expect(Buffer.byteLength(run.stdout)).toBeGreaterThan(PIPE_CAPACITY);
    const parsed = JSON.parse(run.stdout) as { source: string; cells: { address: string }[]; failures: string[] };
    expect(parsed.source).toBe('default playground');
    expect(parsed.failures).toEqual([]);
    expect(parsed.cells.map((cell) => cell.address)).toContain('B33');
  });

  it('says why on stderr and exits 1 when the input cannot be opened, in the catalogue’s words', async () => {
    const run = await runShell(`${process.execPath} dist-cli/main.mjs eval '#s=2.%%%'`);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^error: the link cannot be opened: This link is damaged/);
  });
});
