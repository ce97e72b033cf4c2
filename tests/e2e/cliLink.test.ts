/**
 * A teacher copies a link from the browser and checks it with the CLI: the CLI, evaluating that
 * very link in Node, must print the same numbers the page shows.
 */
import { describe, expect, it } from 'vitest';
import { cellText, settled, typeInto, useE2E } from './pageHelpers';
import { loadPlayground } from '../../src/cli/loadPlayground';
import { evaluatePlayground } from '../../src/cli/evaluatePlayground';

const e2e = useE2E();

describe('a link copied from the browser, evaluated by the CLI', () => {
  it('prints the same numbers the page shows', async () => {
    const { page, errors } = await e2e.newPage();
    await page.goto(e2e.baseUrl);
    await settled(page);
    await typeInto(page, 'C16', '0.35');
    await typeInto(page, 'B29', '0.15');
    await settled(page);
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(/#s=/);
    const link = await page.evaluate(() => navigator.clipboard.readText());

    const loaded = loadPlayground(link, { readFile: () => null });
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const evaluation = await evaluatePlayground(loaded.state);
    const cli = new Map(evaluation.cells.map((cell) => [cell.address, cell.display]));
    for (const address of ['C16', 'B19', 'D19', 'D16', 'E16', 'B29', 'B31', 'C32', 'D33', 'E33', 'F33', 'B24']) {
      expect([address, await cellText(page, address)]).toEqual([address, cli.get(address)]);
    }
    expect(errors).toEqual([]);
  });
});
