/**
 * The comparison of selected runs, driven as a user drives it: a keyboard range selection over
 * run cells shows one table of inputs and outcomes for every selected run, with human labels in
 * the chosen language, values read as the cells read, differing rows highlighted, and the table in
 * view beside the charts at 1400 × 900.
 */
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { cell, cellText, openPlayground as openIn, useE2E } from './pageHelpers';

const e2e = useE2E();
const openPlayground = () => openIn(e2e);

/** The values of the table's row labelled `label`, and whether it is highlighted. */
async function row(table: Locator, label: string): Promise<{ values: string[]; highlighted: boolean }> {
  const line = table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name: label, exact: true }) });
  return {
    values: await line.getByRole('cell').allTextContents(),
    highlighted: ((await line.getAttribute('class')) ?? '').includes('is-different'),
  };
}

describe('comparing selected runs', () => {
  it('D16:D18 selected: one table of inputs and outcomes for all three runs, rounded as the cells, differences highlighted', async () => {
    const { page, errors } = await openPlayground();
    await cell(page, 'D16').focus();
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    const table = page.getByRole('region', { name: 'Compare D16, D17, D18' });
    await expect.poll(() => table.count()).toBe(1);
    expect(await table.locator('thead').getByRole('columnheader').allTextContents()).toEqual(['Run', 'D16', 'D17', 'D18']);

    const labels = await table.getByRole('rowheader').allTextContents();
    for (const label of ['Method', 'Learning rate η', 'Momentum γ', 'Start x₁', 'Final f', 'Final x₁', 'Final x₂', 'Distance to optimum', 'Steps to 1e-3 × start', 'Diverges at step', 'Rate per step (theory)']) {
      expect(labels).toContain(label);
    }
    // No internal field names leak into the table.
    expect(labels.join(' ')).not.toMatch(/\beta\b|gamma|configs\.|stepsTo1e3|x1_0/);

    // Inputs read as the grid shows them: η from B16:B18, γ from C16:C18 (Polyak's in row 18).
    const eta = await row(table, 'Learning rate η');
    expect(eta.values).toEqual([await cellText(page, 'B16'), await cellText(page, 'B17'), await cellText(page, 'B18')]);
    expect(eta.highlighted).toBe(true);
    expect((await row(table, 'Momentum γ')).values).toEqual([await cellText(page, 'C16'), await cellText(page, 'C17'), await cellText(page, 'C18')]);
    // A shared input is listed and not highlighted.
    expect(await row(table, 'Start x₁')).toEqual({ values: ['-5', '-5', '-5'], highlighted: false });

    // The theoretical rate is the sheet's own rate column (E16:E18, =MAX of the per-eigenvalue rates).
    expect((await row(table, 'Rate per step (theory)')).values).toEqual([await cellText(page, 'E16'), await cellText(page, 'E17'), await cellText(page, 'E18')]);
    // The printed gradient (0.2·x1, 2·x2) is zero at the origin: the distance is |x_T|, to six digits.
    const [x1, x2, distance] = await Promise.all(['Final x₁', 'Final x₂', 'Distance to optimum'].map(async (label) => (await row(table, label)).values.map(Number)));
    distance.forEach((d, i) => expect(d).toBeCloseTo(Math.hypot(x1[i], x2[i]), 5));
    // None of the three diverges; all reach 1e-3 of f's start within 15 steps.
    expect((await row(table, 'Diverges at step')).values).toEqual(['—', '—', '—']);
    for (const steps of (await row(table, 'Steps to 1e-3 × start')).values.map(Number)) {
      expect(steps).toBeGreaterThan(0);
      expect(steps).toBeLessThanOrEqual(15);
    }

    // In view beside the charts, without scrolling: in the charts pane (right of the grid's pane), inside the viewport.
    const box = (await table.boundingBox())!;
    const pane = (await page.getByRole('region', { name: 'Charts', exact: true }).boundingBox())!;
    expect(pane.x).toBeGreaterThan(700);
    expect(box.x).toBeGreaterThanOrEqual(pane.x);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(1400);
    expect(box.y + box.height).toBeLessThanOrEqual(900);
    expect(await table.evaluate((element) => element.querySelector('.compare-scroll')!.scrollWidth <= element.querySelector('.compare-scroll')!.clientWidth)).toBe(true);

    await page.keyboard.press('Escape');
    await expect.poll(() => table.count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('selected while the charts pane is scrolled down to the loss chart, the table comes into view', async () => {
    const { page, errors } = await openPlayground();
    const pane = page.getByRole('region', { name: 'Charts', exact: true });
    await pane.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await expect.poll(() => pane.evaluate((element) => element.scrollTop)).toBeGreaterThan(500);
    await cell(page, 'D16').focus();
    await page.keyboard.press('Shift+ArrowDown');
    const table = page.getByRole('region', { name: 'Compare D16, D17' });
    await expect.poll(() => table.count()).toBe(1);
    const paneBox = (await pane.boundingBox())!;
    await expect.poll(async () => (await table.boundingBox())!.y).toBeGreaterThanOrEqual(paneBox.y);
    expect((await table.boundingBox())!.y).toBeLessThan(paneBox.y + 100);
    // Focus stays on the grid, on the selection's anchor.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-address'))).toBe('D16');
    expect(errors).toEqual([]);
  });

  it('a diverging run reads its divergence step, and the table speaks Chinese when the language is Chinese', async () => {
    const { page, errors } = await openPlayground();
    await cell(page, 'D13').focus();
    await page.keyboard.press('Shift+ArrowDown');
    const table = page.getByRole('region', { name: 'Compare D13, D14' });
    await expect.poll(() => table.count()).toBe(1);
    // D14 (η = 1.1, plain GD) overshoots along x2 from its first step; the cell says so too.
    const diverged = await row(table, 'Diverges at step');
    expect(diverged.values[0]).toBe('—');
    expect(await cellText(page, 'D14')).toContain(`from step ${diverged.values[1]}`);
    expect(diverged.highlighted).toBe(true);

    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh');
    const chinese = page.getByRole('region', { name: '比较 D13, D14' });
    await expect.poll(() => chinese.count()).toBe(1);
    const labels = await chinese.getByRole('rowheader').allTextContents();
    expect(labels).toEqual(expect.arrayContaining(['方法', '学习率 η', '最终 f', '到最优点的距离', '理论每步收敛率']));
    expect(errors).toEqual([]);
  });
});
