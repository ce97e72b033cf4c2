/**
 * Regression on the user's own data, driven as a user drives it: a small table (two feature
 * columns and a label column) pasted into the grid, =REGRESSION over that range, the run added to
 * the loss chart with its run picker and compared with a second run; a text cell in the table
 * turns the runs into #VALUE! naming how many rows are bad and the first bad address.
 */
import { describe, expect, it } from 'vitest';
import { cell, cellText, chartDescription, openPlayground as openIn, settled, summaryEntries, typeInto, useE2E } from './pageHelpers';

const e2e = useE2E();

/** y = 2·x1 − 3·x2 + 1 on a 12-row grid of features. */
const ROWS = Array.from({ length: 12 }, (_, i) => {
  const [x1, x2] = [(i % 4) / 2 - 0.75, Math.floor(i / 4) / 2 - 0.5];
  return [x1, x2, 2 * x1 - 3 * x2 + 1];
});

describe('a regression on a pasted data range', () => {
  it('pasted G11:I22 feeds =REGRESSION; the loss chart and the comparison show it; a text cell gives #VALUE! with the count and first address', async () => {
    const { page, errors } = await openIn(e2e);
    await cell(page, 'G11').click();
    await page.evaluate((tsv) => {
      const data = new DataTransfer();
      data.setData('text/plain', tsv);
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, ROWS.map((row) => row.join('\t')).join('\n'));
    await expect.poll(() => cellText(page, 'I22')).toBe(String(ROWS[11][2]));

    await typeInto(page, 'E9', "=REGRESSION(0.05,0.5,30,4,30,'mxnet',G11:I22)");
    await typeInto(page, 'E10', "=REGRESSION(0.02,0.5,30,4,30,'mxnet',G11:I22)");
    await settled(page);
    expect(await cell(page, 'E9').getAttribute('data-kind')).toBe('run');

    // The loss chart's picker adds both runs, typed outside its range.
    const loss = page.locator('[data-chart-id="loss"]');
    await loss.scrollIntoViewIfNeeded();
    await loss.getByRole('button', { name: 'Runs…' }).click();
    const list = page.getByRole('group', { name: 'Runs shown on “Training loss”' });
    for (const address of ['E9', 'E10']) await list.getByRole('checkbox', { name: new RegExp(`^${address} · `) }).check();
    await expect.poll(async () => [...summaryEntries(await chartDescription(page, 'loss')).keys()].filter((label) => /^E(9|10) /.test(label)).length).toBe(2);
    await page.keyboard.press('Escape');

    // The comparison reads both runs on the range: its data, and their different learning rates.
    await cell(page, 'E9').focus();
    await page.keyboard.press('Shift+ArrowDown');
    const table = page.getByRole('region', { name: 'Compare E9, E10' });
    await expect.poll(() => table.count()).toBe(1);
    const row = (label: string) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) }).getByRole('cell').allTextContents();
    expect(await row('Data')).toEqual(['range', 'range']);
    expect(await row('Feature columns')).toEqual(['2', '2']);
    expect(await row('Examples')).toEqual(['12', '12']);
    expect(await row('Learning rate')).toEqual(['0.05', '0.02']);
    for (const value of await row('Final loss')) expect(Number.isFinite(Number(value))).toBe(true);
    // A data range has no true parameters to measure a distance to.
    expect(await row('Distance to optimum')).toEqual(['—', '—']);
    await page.keyboard.press('Escape');

    // A text cell in the table: nothing is dropped silently.
    await typeInto(page, 'H15', 'n/a');
    await settled(page);
    await expect.poll(() => cellText(page, 'E9')).toBe('#VALUE!');
    expect(await cell(page, 'E9').getAttribute('title')).toContain('1 rows of the data range have a missing or non-numeric value; the first is at H15.');
    expect(errors).toEqual([]);
  });
});
