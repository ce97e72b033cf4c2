/**
 * The page survives its worker: killed from the test, it is replaced, the sheet recomputes from
 * the last state with every edit, and a notice says what happened.
 */
import { describe, expect, it } from 'vitest';
import { cell, cellText, ready, settled, typeInto, useE2E } from './pageHelpers';

const e2e = useE2E();

describe('a worker that dies', () => {
  it('is replaced, the sheet recomputes with every edit, and a notice says so', async () => {
    const { page, errors } = await e2e.newPage();
    await page.goto(e2e.baseUrl);
    await ready(page);
    await typeInto(page, 'C16', '0.5');
    await expect.poll(() => cellText(page, 'B19')).toBe('2');
    const [worker] = page.workers();
    expect(worker).toBeDefined();
    // Ends the worker from inside, as a crash would: no error event, it simply stops answering.
    await worker.evaluate(() => (self as unknown as { close(): void }).close()).catch(() => undefined);
    const notice = page.getByRole('alert').filter({ hasText: /restarted/ });
    await expect.poll(() => notice.count(), { timeout: 15_000 }).toBe(1);
    await settled(page);
    expect(await cellText(page, 'B19')).toBe('2');
    expect(await cellText(page, 'D16')).toMatch(/momentum/);
    expect(await cell(page, 'D16').getAttribute('aria-busy')).toBeNull();
    // The new worker takes edits as the old one did.
    await typeInto(page, 'C16', '0.25');
    await expect.poll(() => cellText(page, 'B19')).toBe('1.33333');
    expect(errors).toEqual([]);
  });
});
