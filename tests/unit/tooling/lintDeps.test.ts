/**
 * `npm run lint:deps` cannot pass silently: on a tree that breaks every rule it names every rule
 * (each must have its violation in tests/fixtures/layers/broken), and on a tree that keeps the
 * layering, including what it allows (type-only imports, a worker started with `new Worker`),
 * it passes.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../../..');
const { forbidden } = createRequire(import.meta.url)(join(ROOT, '.dependency-cruiser.cjs')) as { forbidden: { name: string }[] };

function lintDeps(tree: string): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/lint-deps.mjs', '--base', join('tests/fixtures/layers', tree)], { cwd: ROOT });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout }));
  });
}

/** Rule name → the violations listed under it ("from → to" lines). */
function violationsByRule(stdout: string): Map<string, string[]> {
  const byRule = new Map<string, string[]>();
  let current: string[] = [];
  for (const line of stdout.split('\n')) {
    const heading = /^✖ (\S+) \(\d+\)$/.exec(line);
    if (heading) byRule.set(heading[1], (current = []));
    else if (/^ {4}\S/.test(line)) current.push(line.trim());
  }
  return byRule;
}

describe('the layering check', { timeout: 60_000 }, () => {
  it('rejects a tree that breaks every rule, naming each rule and the import that breaks it', async () => {
    const { code, stdout } = await lintDeps('broken');
    expect(code).toBe(1);
    const byRule = violationsByRule(stdout);
    expect(forbidden.length).toBeGreaterThan(10);
    for (const { name } of forbidden) expect(byRule.get(name)?.length ?? 0, `${name} fired`).toBeGreaterThan(0);
    expect(byRule.get('sheet-imports-only-core')).toEqual(['src/sheet/cells.ts → src/i18n/words.ts']);
    expect(byRule.get('ui-holds-no-engine')).toEqual(['src/ui/view.ts → src/sheet/types.ts']);
    expect(byRule.get('page-bundle-without-mathjs')).toEqual([
      expect.stringMatching(/^src\/main\.tsx → src\/ui\/view\.ts → src\/core\/math\.ts → \S*node_modules\/mathjs\//),
    ]);
    expect(byRule.get('no-circular')).toContain('src/i18n/words.ts → src/share/link.ts → src/i18n/words.ts');
  });

  it('accepts a tree that keeps the layering, type-only imports and a worker behind new Worker included', async () => {
    const { code, stdout } = await lintDeps('sound');
    expect(stdout).toMatch(/the layering holds/);
    expect(code).toBe(0);
  });
});
