#!/usr/bin/env node
// Builds the headless CLI (src/cli/main.ts) into plain JavaScript for Node: dist-cli/main.mjs,
// one ES module with every dependency inside. Loading mathjs, zod and tfjs as installed
// packages means resolving and compiling hundreds of files on each start, which cost several
// times more than the evaluation itself; one bundle is parsed once.
//
// tfjs-backend-wasm is CommonJS and, in Node, loads its .wasm from `__dirname` (see
// STACK-NOTES): the banner gives the bundle Node's `require`, `__filename` and `__dirname`, and
// the three .wasm files are copied next to the bundle, where that `__dirname` points.
//
// The metafile lists every source of ours that went in, so `isCliStale` can tell whether a rebuild is
// needed without building.
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist-cli');
export const CLI_OUTFILE = join(outdir, 'main.mjs');
const METAFILE = join(outdir, 'meta.json');
const WASM_DIR = join(root, 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist');
const WASM_FILES = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'];
/** Besides our bundled sources, these decide what the bundle contains (installed packages are covered by the lock files). */
const BUILD_INPUTS = [
  fileURLToPath(import.meta.url),
  join(root, 'package-lock.json'),
  join(root, 'node_modules', '.package-lock.json'),
  join(root, 'tsconfig.json'),
];

const NODE_GLOBALS_BANNER = [
  "import { createRequire as __cliCreateRequire } from 'node:module';",
  "import { fileURLToPath as __cliFileURLToPath } from 'node:url';",
  "import { dirname as __cliDirname } from 'node:path';",
  'const require = __cliCreateRequire(import.meta.url);',
  'const __filename = __cliFileURLToPath(import.meta.url);',
  'const __dirname = __cliDirname(__filename);',
].join('\n');

/** Build dist-cli/main.mjs, its metafile and the .wasm files beside it. */
export async function buildCli() {
  const { build } = await import('esbuild');
  mkdirSync(outdir, { recursive: true });
  for (const file of WASM_FILES) copyFileSync(join(WASM_DIR, file), join(outdir, file));
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['src/cli/main.ts'],
    outfile: CLI_OUTFILE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    banner: { js: NODE_GLOBALS_BANNER },
    metafile: true,
    logLevel: 'warning',
  });
  // Written last: a bundle without its metafile counts as stale, so an interrupted build redoes itself.
  const sources = Object.keys(result.metafile.inputs).filter((path) => !path.startsWith('node_modules/'));
  writeFileSync(METAFILE, JSON.stringify({ sources }));
  return result;
}

const mtime = (path) => statSync(path).mtimeMs;

/** True when the bundle is missing or older than any file it was built from. */
export function isCliStale() {
  if (!existsSync(CLI_OUTFILE) || !existsSync(METAFILE)) return true;
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(METAFILE, 'utf8')).sources.map((path) => join(root, path));
  } catch {
    return true;
  }
  const built = mtime(CLI_OUTFILE);
  // A deleted source means the import graph changed: rebuild.
  return [...inputs, ...BUILD_INPUTS].some((path) => !existsSync(path) || mtime(path) > built);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildCli();
  console.error(`build-cli: wrote ${CLI_OUTFILE.slice(root.length + 1)}`);
}
