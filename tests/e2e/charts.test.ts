/**
 * The charts in the built app, driven as a user drives them: keyboard edits and the "Pin run"
 * button, a mouse drag of the start handle, a click on the rate map and the loss chart's layout
 * toggle (the comparison of selected runs is in compare.test.ts). What a chart shows is read from
 * its data summary (its accessible description) and from its pixels.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  cell,
  cellText,
  chart,
  chartDescription,
  chartPixels,
  cursorBlock,
  cursorCentre,
  ready,
  scanCursors,
  settled,
  summaryEntries,
  typeInto,
  useE2E,
} from './pageHelpers';
import { rateMapRequest } from '../../src/session/chartSources';
import { bandAlignedRange } from '../../src/charts/rateMapChart';

const e2e = useE2E();

async function openPlayground(): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await e2e.newPage();
  await page.goto(e2e.baseUrl);
  await ready(page);
  return { page, errors };
}

const numberIn = async (page: Page, address: string) => Number(await cellText(page, address));

/** Poll until the chart's pixels differ from `before` (a repaint follows the data a frame later). */
async function expectRepainted(page: Page, id: string, before: Buffer): Promise<Buffer> {
  let after = before;
  await expect
    .poll(async () => {
      after = await chartPixels(page, id);
      return after.equals(before);
    })
    .toBe(false);
  return after;
}

describe('charts follow the sheet', () => {
  it('a keyboard edit of η (B16) moves only the D16 trajectory, in the data and in the pixels', async () => {
    const { page, errors } = await openPlayground();
    const before = summaryEntries(await chartDescription(page, 'paths'));
    const pixels = await chartPixels(page, 'paths');
    expect([...before.keys()]).toEqual([
      'D13 gd η=0.9',
      'D14 gd η=1.1',
      'D16 momentum η=0.9 γ=0.2',
      'D17 momentum η=1.1 γ=0.2',
      'D18 momentum η=1.154 γ=0.2699',
    ]);

    await typeInto(page, 'B16', '0.5');
    await settled(page);
    await expect.poll(async () => [...summaryEntries(await chartDescription(page, 'paths')).keys()]).toContain('D16 momentum η=0.5 γ=0.2');
    const after = summaryEntries(await chartDescription(page, 'paths'));
    // η = 0.5 takes a different path from η = 0.9; runs with their own η cells are untouched.
    expect(after.get('D16 momentum η=0.5 γ=0.2')).not.toBe(before.get('D16 momentum η=0.9 γ=0.2'));
    for (const label of ['D13 gd η=0.9', 'D14 gd η=1.1', 'D17 momentum η=1.1 γ=0.2', 'D18 momentum η=1.154 γ=0.2699']) {
      expect(after.get(label)).toBe(before.get(label));
    }
    await expectRepainted(page, 'paths', pixels);
    expect(errors).toEqual([]);
  });

  it('a pinned run stays on the chart (dashed, "(pinned)") beside the edited run until it is unpinned', async () => {
    const { page, errors } = await openPlayground();
    const original = summaryEntries(await chartDescription(page, 'paths')).get('D16 momentum η=0.9 γ=0.2');
    expect(original).toBeDefined();

    // Select D16 with the keyboard: into the grid at D13, three rows down.
    await cell(page, 'D13').focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-address'))).toBe('D16');
    await page.getByRole('button', { name: 'Pin run' }).click();

    const pins = page.getByRole('list', { name: 'Pinned runs' });
    await expect.poll(() => pins.getByRole('listitem').count()).toBe(1);
    expect(await pins.getByRole('listitem').textContent()).toContain('D16 · momentum η=0.9 γ=0.2');
    const pinnedLabel = 'D16 · momentum η=0.9 γ=0.2 (pinned)';
    await expect.poll(async () => summaryEntries(await chartDescription(page, 'paths')).has(pinnedLabel)).toBe(true);
    // Pinned and live run coincide: the dashed copy lies on the solid line.
    expect(summaryEntries(await chartDescription(page, 'paths')).get(pinnedLabel)).toBe(original);

    await typeInto(page, 'B16', '0.5');
    await settled(page);
    await expect.poll(async () => summaryEntries(await chartDescription(page, 'paths')).has('D16 momentum η=0.5 γ=0.2')).toBe(true);
    const both = summaryEntries(await chartDescription(page, 'paths'));
    // The pin keeps the result from before the edit; the live run is the new one.
    expect(both.get(pinnedLabel)).toBe(original);
    expect(both.get('D16 momentum η=0.5 γ=0.2')).not.toBe(original);
    const withPin = await chartPixels(page, 'paths');

    await page.getByRole('button', { name: /^Unpin D16/ }).click();
    await expect.poll(() => pins.count()).toBe(0);
    await expect.poll(() => chartDescription(page, 'paths')).not.toContain('(pinned)');
    expect(summaryEntries(await chartDescription(page, 'paths')).has('D16 momentum η=0.5 γ=0.2')).toBe(true);
    await expectRepainted(page, 'paths', withPin);
    expect(errors).toEqual([]);
  });

  it('a chart off screen draws an edit as it comes into view, and the repaint the edit is measured by does not wait for it', async () => {
    const { page, errors } = await openPlayground();
    const shownVersion = async (id: string) => Number(await chart(page, id).locator('[data-version-shown]').getAttribute('data-version-shown'));
    const editCount = async () => Number(await page.locator('.status-line').getAttribute('data-edit-count'));
    // At 1400 × 900 the eigendirection chart starts below the fold of the charts pane.
    expect(await chart(page, 'eigen').evaluate((element) => element.getBoundingClientRect().top > window.innerHeight)).toBe(true);
    const [pathsBefore, eigenBefore, editsBefore] = [await shownVersion('paths'), await shownVersion('eigen'), await editCount()];
    const summaryBefore = await chartDescription(page, 'eigen');

    await typeInto(page, 'C16', '0.3');
    await settled(page);
    // The trajectories on screen show the edit, and the edit's repaint is measured from them alone.
    await expect.poll(() => shownVersion('paths')).toBeGreaterThan(pathsBefore);
    await expect.poll(editCount).toBe(editsBefore + 1);
    // The chart below the fold has the new data (its summary) but has not drawn it yet.
    await expect.poll(() => chartDescription(page, 'eigen')).not.toBe(summaryBefore);
    expect(await shownVersion('eigen')).toBe(eigenBefore);

    await chart(page, 'eigen').scrollIntoViewIfNeeded();
    await expect.poll(() => shownVersion('eigen')).toBeGreaterThan(eigenBefore);
    expect(errors).toEqual([]);
  });

  it('dragging the start handle with the mouse writes new start cells and moves every trajectory', async () => {
    const { page, errors } = await openPlayground();
    expect([await numberIn(page, 'B4'), await numberIn(page, 'C4')]).toEqual([-5, -2]);
    const summaryBefore = await chartDescription(page, 'paths');
    const pixelsBefore = await chartPixels(page, 'paths');

    // The handle is invisible; ECharts shows the `move` cursor over it (and over the start marker).
    const handle = cursorCentre(await scanCursors(page, 'paths', 6), 'move');
    expect(handle).not.toBeNull();
    const { x, y } = handle!;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 90, y - 60, { steps: 6 });
    await page.mouse.up();
    await page.mouse.move(0, 0);
    await settled(page);

    // Right on screen is larger x1, up is larger x2.
    const [x1, x2] = [await numberIn(page, 'B4'), await numberIn(page, 'C4')];
    expect(Number.isFinite(x1) && Number.isFinite(x2)).toBe(true);
    expect(x1).toBeGreaterThan(-5);
    expect(x2).toBeGreaterThan(-2);
    // Every run starts from the new cells.
    for (const address of ['D13', 'D16', 'D17']) {
      expect(await cell(page, address).getAttribute('title')).toContain(`from (${x1}, ${x2})`);
    }
    const summaryAfter = summaryEntries(await chartDescription(page, 'paths'));
    const previous = summaryEntries(summaryBefore);
    expect([...summaryAfter.keys()]).toEqual([...previous.keys()]);
    for (const [label, entry] of summaryAfter) expect(entry, label).not.toBe(previous.get(label));
    await expectRepainted(page, 'paths', pixelsBefore);
    expect(errors).toEqual([]);
  });

  it('a click on the rate map sets η and γ (B16, C16) to the point under the pointer and moves the marker', async () => {
    const { page, errors } = await openPlayground();
    await chart(page, 'rate').scrollIntoViewIfNeeded();
    await expect.poll(() => chartDescription(page, 'rate')).toMatch(/^eigenvalues 0\.2, 2; current η = 0\.9, γ = 0\.2/);
    // The map's image fills the plot, and ECharts shows the `pointer` cursor over it.
    const plot = cursorBlock(await scanCursors(page, 'rate', 6), 'pointer');
    expect(plot).not.toBeNull();
    const { left, top, right, bottom } = plot!;
    expect(right - left).toBeGreaterThan(200);
    expect(bottom - top).toBeGreaterThan(150);
    // The axes span the map's (η, γ) grid for the eigenvalues in B20 (0.2 and 2), half a cell beyond each end.
    const request = rateMapRequest([0.2, 2])!;
    const lrAxis = bandAlignedRange(request.lrRange, request.width);
    const momentumAxis = bandAlignedRange(request.momentumRange, request.height);
    const pixelsBefore = await chartPixels(page, 'rate');

    let pixels = pixelsBefore;
    for (const [fx, fy] of [
      [0.25, 0.3],
      [0.45, 0.6],
    ]) {
      await page.mouse.click(left + fx * (right - left), top + fy * (bottom - top));
      await page.mouse.move(0, 0);
      const eta = lrAxis[0] + fx * (lrAxis[1] - lrAxis[0]);
      const gamma = momentumAxis[1] - fy * (momentumAxis[1] - momentumAxis[0]);
      // Tolerance: half the scan's step (6 px) at each edge, plus the snap to the map's grid.
      await expect.poll(async () => Math.abs((await numberIn(page, 'B16')) - eta)).toBeLessThan(0.04);
      await expect.poll(async () => Math.abs((await numberIn(page, 'C16')) - gamma)).toBeLessThan(0.04);
      await settled(page);
      const [b16, c16] = [await cellText(page, 'B16'), await cellText(page, 'C16')];
      await expect.poll(() => chartDescription(page, 'rate')).toContain(`current η = ${b16}, γ = ${c16}`);
      pixels = await expectRepainted(page, 'rate', pixels);
    }
    // The trajectory of D16 (η = eta, γ = gamma) follows the click too.
    const [b16, c16] = [await cellText(page, 'B16'), await cellText(page, 'C16')];
    expect(await cell(page, 'D16').getAttribute('title')).toContain(`η = ${b16}, γ = ${c16}`);
    expect(errors).toEqual([]);
  });

  it('the loss chart\'s "Small multiples" toggle redraws it as a taller grid of panels and back', async () => {
    const { page, errors } = await openPlayground();
    const toggle = page.getByRole('button', { name: 'Small multiples' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    const overlayBox = await chart(page, 'loss').boundingBox();
    const overlayPixels = await chartPixels(page, 'loss');
    const summary = await chartDescription(page, 'loss');

    await toggle.click();
    const back = page.getByRole('button', { name: 'Overlay' });
    expect(await back.getAttribute('aria-pressed')).toBe('true');
    // Six runs in panels of their own need more height than one overlaid plot.
    await expect.poll(async () => (await chart(page, 'loss').boundingBox())!.height).toBeGreaterThan(overlayBox!.height);
    await expectRepainted(page, 'loss', overlayPixels);
    // Same data, another layout.
    expect(await chartDescription(page, 'loss')).toBe(summary);

    await back.click();
    await expect.poll(async () => (await chart(page, 'loss').boundingBox())!.height).toBe(overlayBox!.height);
    expect(await page.getByRole('button', { name: 'Small multiples' }).getAttribute('aria-pressed')).toBe('false');
    expect(errors).toEqual([]);
  });
  it('when the cells a chart shows are errors, the chart says which cells and why it is empty, and comes back with them', async () => {
    const { page, errors } = await openPlayground();
    await typeInto(page, 'B5', 'abc');
    const empty = page.locator('[data-chart-id="paths"] .chart-empty');
    await expect.poll(() => empty.textContent()).toMatch(/^Nothing to draw: D13:D18, the cells this chart shows, hold no result/);
    expect(await cellText(page, 'D13')).toMatch(/^#VALUE!/);
    await page.keyboard.press('Control+z');
    await expect.poll(() => empty.count()).toBe(0);
    await settled(page);
    expect(await chartDescription(page, 'paths')).toContain('D13');
    expect(errors).toEqual([]);
  });
});
