#!/usr/bin/env node
// `npm run lint:deps`: checks the layering of ../shared/ARCHITECTURE.md. Two parts:
//  1. dependency-cruiser with the rules of .dependency-cruiser.cjs (who may import whom);
//  2. the page bundle: nothing reachable from src/main.tsx at run time may be mathjs. Imports
//     that compilation erases do not count, and neither does a worker started with
//     `new Worker(new URL(…))` (depcruise does not follow it, and vite bundles it apart).
// Prints each violation with the rule's reason and exits 1 if there is any.
//
// `--base DIR` checks another tree laid out like this repository (tests/fixtures/layers uses it
// to prove that every rule fires).
import { cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PAGE_ENTRY = 'src/main.tsx';
const PAGE_FORBIDDEN = { name: 'page-bundle-without-mathjs', pattern: /(^|\/)node_modules\/mathjs\//,
  comment: 'The page loads no mathjs: formulas are parsed in the worker (ARCHITECTURE: the page holds no engine and no mathjs).' };
/** Vite query suffixes whose import is not code in the page bundle (a worker chunk, an asset URL). */
const NOT_PAGE_CODE = /\?(worker|sharedworker|url|raw)(&|$)/;

function parseArgs(argv) {
  const base = argv.indexOf('--base');
  return { baseDir: base >= 0 ? resolve(argv[base + 1]) : root };
}

/** Modules reachable at run time from `entry`, each with the module that first led to it. */
function runtimeReach(modules, entry) {
  const bySource = new Map(modules.map((module) => [module.source, module]));
  const parent = new Map([[entry, null]]);
  const queue = [entry];
  while (queue.length > 0) {
    const module = bySource.get(queue.shift());
    for (const dependency of module?.dependencies ?? []) {
      if (dependency.preCompilationOnly || dependency.couldNotResolve || NOT_PAGE_CODE.test(dependency.module)) continue;
      if (parent.has(dependency.resolved)) continue;
      parent.set(dependency.resolved, module.source);
      queue.push(dependency.resolved);
    }
  }
  return parent;
}

function chainTo(parent, target) {
  const chain = [];
  for (let at = target; at !== null; at = parent.get(at)) chain.unshift(at);
  return chain;
}

/** Run both checks on `baseDir`; returns the violations as `{ rule, comment, text }`. */
export async function checkLayers(baseDir = root) {
  const options = await extractDepcruiseOptions(join(root, '.dependency-cruiser.cjs'));
  const tsConfigPath = join(baseDir, 'tsconfig.json');
  const tsConfig = existsSync(tsConfigPath) ? extractTSConfig(tsConfigPath) : undefined;
  const cruiseOptions = {
    ...options,
    baseDir,
    validate: true,
    ...(tsConfig ? { tsConfig: { fileName: tsConfigPath } } : { tsConfig: undefined }),
  };
  const roots = ['src', 'workers'].filter((folder) => existsSync(join(baseDir, folder)));
  const { output } = await cruise(roots, cruiseOptions, undefined, tsConfig ? { tsConfig } : {});
  const comments = new Map(output.summary.ruleSetUsed.forbidden.map((rule) => [rule.name, rule.comment]));
  const violations = output.summary.violations.map((violation) => ({
    rule: violation.rule.name,
    comment: comments.get(violation.rule.name) ?? '',
    text: violation.cycle ? [violation.from, ...violation.cycle.map((step) => step.name ?? step)].join(' → ') : `${violation.from} → ${violation.to}`,
  }));
  const reach = runtimeReach(output.modules, PAGE_ENTRY);
  const banned = [...reach.keys()].filter((module) => PAGE_FORBIDDEN.pattern.test(module));
  // One chain per first forbidden module is enough to say where the page picks mathjs up.
  for (const module of banned.slice(0, 1)) {
    violations.push({ rule: PAGE_FORBIDDEN.name, comment: PAGE_FORBIDDEN.comment, text: chainTo(reach, module).join(' → ') });
  }
  return { violations, modules: output.summary.totalCruised, dependencies: output.summary.totalDependenciesCruised };
}

function report({ violations, modules, dependencies }, baseDir) {
  const where = relative(root, baseDir) || '.';
  if (violations.length === 0) {
    console.log(`lint:deps: the layering holds (${modules} modules, ${dependencies} imports in ${where}).`);
    return;
  }
  const byRule = new Map();
  for (const violation of violations) byRule.set(violation.rule, [...(byRule.get(violation.rule) ?? []), violation]);
  for (const [rule, list] of byRule) {
    console.log(`\n✖ ${rule} (${list.length})\n  ${list[0].comment}`);
    for (const violation of list) console.log(`    ${violation.text}`);
  }
  console.log(`\nlint:deps: ${violations.length} forbidden imports under ${byRule.size} rules (${modules} modules, ${dependencies} imports in ${where}). See ../shared/ARCHITECTURE.md.`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { baseDir } = parseArgs(process.argv.slice(2));
  const result = await checkLayers(baseDir);
  report(result, baseDir);
  process.exitCode = result.violations.length === 0 ? 0 : 1;
}
