/**
 * A sheet that asks too much, in the built app: a link whose formulas exceed the engine's limits
 * (a chain of 5,000 `+`, 1,000 factors, deep nesting, ranges far too large, more range reading than
 * one recalculation may do) opens with typed errors that say why, and the page keeps answering;
 * a 100,000-row paste grows the grid, says by how much, and the page keeps answering too.
 * "Answering" is an acceptance check (a click selects its cell within 1 s), not a measurement.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { encodeState } from '../../src/share/codec';
import { cell, cellText, ready, settled, useE2E } from './pageHelpers';

const e2e = useE2E();

/** A click on a cell is answered by the page within a second: the cell is selected, the formula bar names it. */
async function answersClick(page: Page, address: string): Promise<void> {
  await cell(page, address).click({ timeout: 1_000 });
  await page.waitForFunction(
    (target) =>
      document.querySelector(`[role="gridcell"][aria-selected="true"]`)?.getAttribute('aria-label')?.startsWith(`${target},`) === true &&
      document.querySelector('.mp-formula-bar__address')?.textContent?.trim() === target,
    address,
    { timeout: 1_000 },
  );
}

/** 998,000 empty cells below the formulas (one range may hold 10⁶): reading them is the cost. */
const WHOLE = 'A21:CV10000';

/** A sheet of the share format's largest size but two, holding `cells`. */
const sheet = (cells: Readonly<Record<string, string>>) => ({ rows: 10_000, cols: 200, cells, names: {}, colWidths: {}, charts: [], pins: [] });

const LIMITS_SHEET = sheet({
  // 5,000 terms in 10,000 characters: within the limits, walked without recursion.
  A1: `=1${'+1'.repeat(4_999)}`,
  B3: '1.0001',
  B4: `=B3${'*B3'.repeat(999)}`,
  C1: `=${'('.repeat(200)}1${')'.repeat(200)}`,
  C2: '=SUM(A1:GR10000)',
  C3: `=SUM(${WHOLE}, ${WHOLE}, ${WHOLE})`,
});

/** Twelve sums of 998,000 cells each: more than one recalculation may read. */
const WORK_SHEET = sheet(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`D${i + 1}`, `=SUM(${WHOLE})`])));

/** Open a link and wait until its sheet has settled. */
async function openLink(page: Page, state: ReturnType<typeof sheet>): Promise<void> {
  await page.goto(`${e2e.baseUrl}#s=${encodeState(state)}`);
  await expect.poll(() => page.getByRole('grid').getAttribute('aria-rowcount'), { timeout: 60_000 }).toBe('10001');
  await settled(page);
}

describe('a sheet that asks too much', () => {
  it('opens from a link with typed errors that say which limit, and the page answers a click within a second', async () => {
    const { page, errors } = await e2e.newPage();
    await openLink(page, LIMITS_SHEET);
    expect(await cellText(page, 'A1')).toBe('5000');
    expect(await cellText(page, 'B4')).toMatch(/^1\.105/);
    expect(await cellText(page, 'C1')).toBe('#ERROR!');
    expect(await cell(page, 'C1').getAttribute('title')).toMatch(/nested 200 levels deep; at most 64/);
    expect(await cellText(page, 'C2')).toBe('#NUM!');
    expect(await cell(page, 'C2').getAttribute('title')).toMatch(/A1:GR10000 is too large \(2000000 cells; at most 1000000\)/);
    expect(await cellText(page, 'C3')).toBe('#NUM!');
    expect(await cell(page, 'C3').getAttribute('title')).toMatch(/hold 2994000 cells together; at most 2000000/);
    await answersClick(page, 'E5');
    await answersClick(page, 'B2');
    expect(errors).toEqual([]);
  });

  it('a sheet that reads more than one recalculation may stops with #NUM! where it stopped, and the page answers a click within a second', async () => {
    const { page, errors } = await e2e.newPage();
    await openLink(page, WORK_SHEET);
    // The sums the budget reached are 0 (the range is empty); the rest say the recalculation stopped.
    const sums = await Promise.all(Array.from({ length: 12 }, (_, i) => cellText(page, `D${i + 1}`)));
    const stopped = sums.filter((text) => text === '#NUM!').length;
    expect(stopped).toBeGreaterThan(0);
    expect(sums.filter((text) => text !== '#NUM!')).toEqual(sums.filter((text) => text === '0'));
    const firstStopped = `D${sums.indexOf('#NUM!') + 1}`;
    expect(await cell(page, firstStopped).getAttribute('title')).toMatch(/stopped after 10000000 steps of work/);
    await answersClick(page, 'E5');
    await answersClick(page, 'B2');
    expect(errors).toEqual([]);
  });

  it('a pasted column of 100,000 numbers grows the grid to hold it, a notice says by how much, and the page answers a click within a second', async () => {
    const { page, errors } = await e2e.newPage();
    await page.goto(e2e.baseUrl);
    await ready(page);
    const rowsBefore = Number(await page.getByRole('grid').getAttribute('aria-rowcount')) - 1;
    await cell(page, 'A45').click();
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', Array.from({ length: 100_000 }, (_, index) => String(index + 1)).join('\n'));
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    // Rows 45 … 100,044 hold the column.
    await expect
      .poll(async () => [await page.getByRole('grid').getAttribute('aria-rowcount'), ...(await page.getByRole('alert').allTextContents())], { timeout: 60_000 })
      .toEqual(['100045', expect.stringContaining('grew by')]);
    const notice = page.getByRole('alert').filter({ hasText: /grew by/ });
    await expect.poll(() => notice.count(), { timeout: 30_000 }).toBe(1);
    expect(await notice.textContent()).toContain(`The sheet grew by ${100_044 - rowsBefore} row(s) and 0 column(s) to hold the paste.`);
    expect(await cellText(page, 'A45')).toBe('1');
    await answersClick(page, 'C5');
    await answersClick(page, 'B2');
    expect(errors).toEqual([]);
  });
});
