/** src/core runs unchanged in Node, the worker and the CLI: it may not depend on a UI or transport layer. */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const CORE = join(__dirname, '../../../src/core');
const FORBIDDEN = /from\s+['"](solid-js|echarts|comlink|@tensorflow\/[^'"]+)(\/[^'"]*)?['"]|\b(document|window|localStorage)\./;
const NO_DYNAMIC_CODE = /\beval\s*\(|new\s+Function\s*\(/;

describe('src/core', () => {
  const files = readdirSync(CORE).filter((name) => name.endsWith('.ts'));

  it('has modules to check', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files)('%s imports no framework, worker transport, tensor library or DOM, and builds no code at run time', (name) => {
    const source = readFileSync(join(CORE, name), 'utf8');
    expect(source).not.toMatch(FORBIDDEN);
    expect(source).not.toMatch(NO_DYNAMIC_CODE);
  });
});
