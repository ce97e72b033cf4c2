/**
 * Trajectories as small multiples, driven as a user drives it: the trajectory chart's "One panel
 * per run" toggle redraws the same runs as a taller grid of panels (one per run, shared axes,
 * contours in each) and back.
 */
import { describe, expect, it } from 'vitest';
import { chart, chartDescription, chartPixels, openPlayground as openIn, useE2E } from './pageHelpers';

const e2e = useE2E();

describe('trajectory small multiples', () => {
  it('"One panel per run" redraws the five runs as a taller grid of panels with the same data, and "Overlay paths" brings the overlay back', async () => {
    const { page, errors } = await openIn(e2e);
    const card = page.locator('[data-chart-id="paths"]');
    const toggle = card.getByRole('button', { name: 'One panel per run' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    const overlayBox = (await chart(page, 'paths').boundingBox())!;
    const overlayPixels = await chartPixels(page, 'paths');
    const summary = await chartDescription(page, 'paths');

    await toggle.click();
    const back = card.getByRole('button', { name: 'Overlay paths' });
    expect(await back.getAttribute('aria-pressed')).toBe('true');
    // Five panels in two or three columns need more height than one plot.
    await expect.poll(async () => (await chart(page, 'paths').boundingBox())!.height).toBeGreaterThan(overlayBox.height);
    await expect.poll(async () => (await chartPixels(page, 'paths')).equals(overlayPixels)).toBe(false);
    expect(await chartDescription(page, 'paths')).toBe(summary);

    await back.click();
    await expect.poll(async () => (await chart(page, 'paths').boundingBox())!.height).toBe(overlayBox.height);
    expect(await card.getByRole('button', { name: 'One panel per run' }).getAttribute('aria-pressed')).toBe('false');
    expect(errors).toEqual([]);
  });
});
