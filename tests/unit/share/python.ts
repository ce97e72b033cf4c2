/**
 * Running an exported script with a Python that has NumPy. Debian's /usr/bin/python3 with
 * python3-numpy is preferred (CI installs it); the python3 on PATH may be another one (pyenv)
 * without NumPy. When neither has NumPy the tests that need it fail with this message, rather
 * than pass without having run anything.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CANDIDATES = ['/usr/bin/python3', 'python3'];

function findPython(): string | null {
  for (const candidate of CANDIDATES) {
    const probe = spawnSync(candidate, ['-c', 'import numpy'], { encoding: 'utf8' });
    if (probe.status === 0) return candidate;
  }
  return null;
}

const python = findPython();

function interpreter(): string {
  if (python === null) {
    throw new Error('No Python 3 with NumPy found (tried /usr/bin/python3, then python3): install it, e.g. `apt-get install python3-numpy`.');
  }
  return python;
}

function scriptFile(script: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'mp-py-')), 'script.py');
  writeFileSync(file, script);
  return file;
}

/** Run a script (with arguments) and return its standard output. */
export function runPython(script: string, args: readonly string[] = []): string {
  return execFileSync(interpreter(), [scriptFile(script), ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** Does the script parse as Python? (Checked without running it.) */
export function parsesAsPython(script: string): boolean {
  const check = 'import ast, sys; ast.parse(open(sys.argv[1], encoding="utf-8").read()); print("ok")';
  return execFileSync(interpreter(), ['-c', check, scriptFile(script)], { encoding: 'utf8' }).trim() === 'ok';
}
