/**
 * Every chart's run picker, driven as a user drives it: a run typed anywhere in the sheet is
 * added to the trajectory chart from its "Runs…" list, a run of the chart's range is removed, the
 * step arrows are drawn for one chosen run, and the choice travels with the link. The loss chart's
 * picker removes a run the same way.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chart, clipboardText, chartDescription, chartPixels, openPlayground as openIn, ready, settled, summaryEntries, typeInto, useE2E } from './pageHelpers';

const e2e = useE2E();
const openPlayground = () => openIn(e2e);
const card = (page: Page, id: string) => page.locator(`[data-chart-id="${id}"]`);

async function openPicker(page: Page, id: string, title: string) {
  await card(page, id).getByRole('button', { name: 'Runs…' }).click();
  const list = page.getByRole('group', { name: `Runs shown on “${title}”` });
  await expect.poll(() => list.count()).toBe(1);
  return list;
}

describe('the run picker', () => {
  it('adds a run typed outside the chart range, removes one inside it, draws arrows for one run, and keeps it all in the link', async () => {
    const { page, errors } = await openPlayground();
    // A run in a cell no chart reads (row 9 is empty in the chapter's sheet).
    await typeInto(page, 'E9', '=MOMENTUM(f,x1_0,x2_0,0.5,0.5,steps,grad)');
    await settled(page);
    expect([...summaryEntries(await chartDescription(page, 'paths')).keys()]).not.toContain('E9 momentum η=0.5 γ=0.5');

    const title = 'Iterates over the contour lines of f';
    const list = await openPicker(page, 'paths', title);
    // Every run cell of the sheet is offered, by address and label; the chart's own are ticked.
    const added = list.getByRole('checkbox', { name: 'E9 · momentum η=0.5 γ=0.5' });
    expect(await added.isChecked()).toBe(false);
    expect(await list.getByRole('checkbox', { name: 'D14 · gd η=1.1' }).isChecked()).toBe(true);
    await added.check();
    await expect.poll(async () => [...summaryEntries(await chartDescription(page, 'paths')).keys()]).toContain('E9 momentum η=0.5 γ=0.5');
    await list.getByRole('checkbox', { name: 'D14 · gd η=1.1' }).uncheck();
    await expect.poll(async () => [...summaryEntries(await chartDescription(page, 'paths')).keys()]).not.toContain('D14 gd η=1.1');
    const shown = ['D13 gd η=0.9', 'D16 momentum η=0.9 γ=0.2', 'D17 momentum η=1.1 γ=0.2', 'D18 momentum η=1.154 γ=0.2699', 'E9 momentum η=0.5 γ=0.5'];
    expect([...summaryEntries(await chartDescription(page, 'paths')).keys()]).toEqual(shown);
    await page.keyboard.press('Escape');
    await expect.poll(() => list.count()).toBe(0);
    // Closing hands the focus back to the button; opened again at once, Escape closes it too.
    const button = card(page, 'paths').getByRole('button', { name: 'Runs…' });
    await expect.poll(() => button.evaluate((element) => element === document.activeElement)).toBe(true);
    await button.click();
    await expect.poll(() => list.count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => list.count()).toBe(0);

    // Arrows for every run, then for E9 only: fewer arrows, other pixels.
    await card(page, 'paths').getByRole('checkbox', { name: 'Arrows' }).check();
    const arrowsFor = card(page, 'paths').getByRole('combobox', { name: 'Arrows for' });
    await expect.poll(() => arrowsFor.count()).toBe(1);
    await settled(page);
    await expect.poll(() => chart(page, 'paths').getAttribute('data-painted')).toBe('true');
    const everyRun = await chartPixels(page, 'paths');
    await arrowsFor.selectOption('E9');
    await expect.poll(async () => (await chartPixels(page, 'paths')).equals(everyRun)).toBe(false);

    // The link carries the picker's choice: a fresh tab shows the same runs and the same arrows.
    await settled(page);
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Link copied to the clipboard' }).count()).toBe(1);
    const link = await clipboardText(page);
    const fresh = await e2e.newPage();
    await fresh.page.goto(link);
    await ready(fresh.page);
    expect([...summaryEntries(await chartDescription(fresh.page, 'paths')).keys()]).toEqual(shown);
    expect(await card(fresh.page, 'paths').getByRole('combobox', { name: 'Arrows for' }).inputValue()).toBe('E9');
    expect(fresh.errors).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('the loss chart\'s picker removes a regression run and puts it back', async () => {
    const { page, errors } = await openPlayground();
    await chart(page, 'loss').scrollIntoViewIfNeeded();
    const before = [...summaryEntries(await chartDescription(page, 'loss')).keys()];
    expect(before.length).toBeGreaterThan(1);
    const list = await openPicker(page, 'loss', 'Training loss');
    const boxes = list.getByRole('checkbox');
    const first = boxes.first();
    const name = ((await first.locator('xpath=..').textContent()) ?? '').trim();
    const address = name.slice(0, name.indexOf(' · '));
    expect(before.some((label) => label.startsWith(`${address} `))).toBe(true);
    await first.uncheck();
    await expect.poll(async () => [...summaryEntries(await chartDescription(page, 'loss')).keys()].some((label) => label.startsWith(`${address} `))).toBe(false);
    await first.check();
    await expect.poll(async () => [...summaryEntries(await chartDescription(page, 'loss')).keys()]).toEqual(before);
    expect(errors).toEqual([]);
  });
});
