/**
 * The sweep heatmap, driven as a user drives it: the "Sweep heatmap" preset computes a 32 × 32
 * SWEEP of (η, γ), the chart shows it on a log colour scale with diverged configs marked, hovering
 * a cell reads its config, and a click writes that config into the cells named eta and gamma.
 */
import { describe, expect, it } from 'vitest';
import { cell, cellText, chart, chartDescription, cursorBlock, openPlayground as openIn, scanCursors, settled, useE2E } from './pageHelpers';

const e2e = useE2E();
const openPlayground = () => openIn(e2e);

describe('the sweep heatmap', () => {
  it('a 32 × 32 sweep shows as a heatmap; hover reads a cell; a click sets η and γ (B14, C14) to its config', async () => {
    const { page, errors } = await openPlayground();
    await page.getByRole('combobox', { name: 'Presets' }).selectOption({ label: 'Sweep heatmap (32 × 32 η, γ)' });
    await settled(page);
    await expect.poll(() => chartDescription(page, 'sweep'), { timeout: 60_000 }).toMatch(/^B12: 32 × 32 configurations; best final f /);
    // Some of the 1,024 configs diverge (η up to 1.6 on curvature 2 with γ up to 0.95), not all.
    const diverged = Number(/; (\d+) diverged$/.exec(await chartDescription(page, 'sweep'))?.[1]);
    expect(diverged).toBeGreaterThan(0);
    expect(diverged).toBeLessThan(1024);
    // The sweep cell reads the same count (its hover names the configurations that diverge).
    expect(await cell(page, 'B12').getAttribute('title')).toContain(`${diverged} of 1024`);

    await chart(page, 'sweep').scrollIntoViewIfNeeded();
    const plot = cursorBlock(await scanCursors(page, 'sweep', 8), 'pointer');
    expect(plot).not.toBeNull();
    const { left, top, right, bottom } = plot!;
    // A cell near the lower left: small η, small γ (rows run up, columns right).
    const [fx, fy] = [0.1, 0.85];
    const column = Math.floor(fx * 32);
    const row = 31 - Math.floor(fy * 32);
    const eta = 0.05 + ((1.6 - 0.05) * column) / 31;
    const gamma = (0.95 * row) / 31;
    const x = left + fx * (right - left);
    const y = top + fy * (bottom - top);
    await page.mouse.move(x, y);
    const tooltip = page.locator('[data-chart-id="sweep"] .chart-body div').filter({ hasText: 'Click a cell' }).last();
    await expect.poll(async () => (await tooltip.textContent()) ?? '').toContain('final f');
    const reading = (await tooltip.textContent()) ?? '';
    expect(reading).toContain('Click a cell to write its values into the cells named eta and gamma.');
    const [shownEta, shownGamma] = [...reading.matchAll(/= (-?[\d.e-]+)/g)].map((m) => Number(m[1]));
    expect(shownEta).toBeCloseTo(eta, 4);
    expect(shownGamma).toBeCloseTo(gamma, 4);

    await page.mouse.click(x, y);
    await page.mouse.move(0, 0);
    await expect.poll(async () => Number(await cellText(page, 'B14'))).toBeCloseTo(eta, 5);
    expect(Number(await cellText(page, 'C14'))).toBeCloseTo(gamma, 5);
    await settled(page);
    // The run of row 14 follows: its hover names the new η and γ.
    expect(await cell(page, 'D14').getAttribute('title')).toContain(`η = ${await cellText(page, 'B14')}, γ = ${await cellText(page, 'C14')}`);
    expect(errors).toEqual([]);
  });
});
