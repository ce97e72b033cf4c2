/**
 * `npm run lint:es` cannot pass silently: the rules the project relies on report their
 * violations in tests/fixtures/eslint (ignored by the normal run, linted here with ignores off),
 * and the configuration gives each part the severity it promises.
 */
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../../..');

async function rulesReported(file: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT, ignore: false });
  const [result] = await eslint.lintFiles([join(ROOT, 'tests/fixtures/eslint', file)]);
  expect(result.messages.filter((message) => message.fatal)).toEqual([]);
  return result.messages.map((message) => `${message.ruleId ?? 'fatal'}:${message.line}`);
}

async function severity(file: string, rule: string): Promise<unknown> {
  const config = (await new ESLint({ cwd: ROOT }).calculateConfigForFile(join(ROOT, file))) as { rules?: Record<string, unknown> };
  const setting = config.rules?.[rule];
  return Array.isArray(setting) ? setting[0] : setting;
}

describe('ESLint', { timeout: 120_000 }, () => {
  it('reports a floating promise and every way of running text as code', async () => {
    expect(await rulesReported('probe.ts')).toEqual(
      expect.arrayContaining(['@typescript-eslint/no-floating-promises:7', 'no-eval:8', 'no-new-func:9', '@typescript-eslint/no-implied-eval:10']),
    );
  });

  it("reports Solid props read outside a tracked scope and destructured props", async () => {
    expect(await rulesReported('solidProbe.tsx')).toEqual(expect.arrayContaining(['solid/reactivity:3', 'solid/no-destructure:7']));
  });

  it('makes `any` an error in src/core and a warning elsewhere; no code from text anywhere, the folders being rewritten included', async () => {
    expect(await severity('src/core/objective.ts', '@typescript-eslint/no-explicit-any')).toBe(2);
    expect(await severity('src/charts/option.ts', '@typescript-eslint/no-explicit-any')).toBe(1);
    for (const file of ['src/core/objective.ts', 'src/ui/views/App.tsx', 'src/session/contract.ts', 'workers/client.ts']) {
      expect(await severity(file, 'no-eval'), file).toBe(2);
      expect(await severity(file, 'no-new-func'), file).toBe(2);
    }
  });
});
