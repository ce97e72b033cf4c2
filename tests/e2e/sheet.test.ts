/**
 * The thin path end to end in the built app: the default sheet (the chapter) evaluates in the
 * worker, a keyboard-only edit changes dependent cells, a chart and the URL.
 */
import { describe, expect, it } from 'vitest';
import { appHash, cell, cellText, chartDescription, chartPixels, settled, typeInto, useE2E } from './pageHelpers';

const e2e = useE2E();

describe('the default playground', () => {
  it('opens on the chapter and evaluates every run without errors', async () => {
    const { page, errors } = await e2e.newPage();
    await page.goto(e2e.baseUrl);
    await expect.poll(() => page.getByRole('grid').count()).toBe(1);
    await settled(page);
    // B3 is the objective, B33 the first regression run (mom 0.99), D13 the first GD run.
    expect(await cellText(page, 'B3')).toContain('x1');
    expect(await cellText(page, 'D16')).toMatch(/momentum/i);
    expect(await cellText(page, 'B33')).toMatch(/0\.99|loss|regression/i);
    expect(await page.locator('[role="gridcell"][data-kind="error"]').count()).toBe(0);
    await expect.poll(() => chartDescription(page, 'paths')).not.toBe('');
    expect(errors).toEqual([]);
  });

  it('a keyboard-only momentum edit updates its dependents, the trajectory chart and the URL', async () => {
    const { page, errors } = await e2e.newPage();
    await page.goto(e2e.baseUrl);
    await settled(page);
    await expect.poll(() => chartDescription(page, 'paths')).not.toBe('');
    const chartBefore = await chartDescription(page, 'paths');
    const pixelsBefore = await chartPixels(page, 'paths');
    const windowBefore = await cellText(page, 'B19');
    const hashBefore = appHash(page);
    await typeInto(page, 'C16', '0.5');
    await settled(page);
    // 1/(1−γ) follows γ: 1.25 → 2.
    await expect.poll(() => cellText(page, 'B19')).toBe('2');
    expect(windowBefore).toBe('1.25');
    await expect.poll(() => chartDescription(page, 'paths')).not.toBe(chartBefore);
    expect((await chartPixels(page, 'paths')).equals(pixelsBefore)).toBe(false);
    await expect.poll(() => appHash(page)).not.toBe(hashBefore);
    expect(appHash(page)).toMatch(/^#s=/);
    expect(await cell(page, 'C16').getAttribute('aria-label')).toContain('0.5');
    expect(errors).toEqual([]);
  });

  it('shows a formula error as a spreadsheet error value with an explanation, not an exception', async () => {
    const { page, errors } = await e2e.newPage();
    await page.goto(e2e.baseUrl);
    await settled(page);
    await typeInto(page, 'F1', '=nosuchname*2');
    await expect.poll(() => cellText(page, 'F1')).toBe('#NAME?');
    expect(await cell(page, 'F1').getAttribute('title')).toMatch(/nosuchname/);
    await typeInto(page, 'G1', '=G2');
    await typeInto(page, 'G2', '=G1');
    await expect.poll(() => cellText(page, 'G1')).toBe('#CYCLE!');
    expect(errors).toEqual([]);
  });

  it('a preset replaces the sheet as one undoable edit, and Undo brings the user\'s own sheet back', async () => {
    const { page, errors } = await e2e.newPage();
    await page.goto(e2e.baseUrl);
    await settled(page);
    await typeInto(page, 'G45', 'my note');
    await page.getByRole('combobox', { name: 'Presets' }).selectOption('corrected');
    await expect.poll(() => cellText(page, 'B6')).toBe('corrected');
    await settled(page);
    expect(await cellText(page, 'G45')).toBe('');
    // The corrected problem's runs diverge exactly where theory says: η = 0.4 converges.
    expect(await cellText(page, 'D13')).toMatch(/GD/);
    // The erratum note follows the switch: it no longer tells the user to type what is already there.
    const erratum = page.getByRole('complementary', { name: 'About the chapter’s gradient' });
    await expect.poll(() => erratum.textContent()).toMatch(/now runs the true gradient/);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => cellText(page, 'B6')).toBe('printed');
    await expect.poll(() => erratum.textContent()).toMatch(/type “corrected” in cell B6/);
    expect(await cellText(page, 'G45')).toBe('my note');
    expect(errors).toEqual([]);
  });

  it('clicking an empty cell that a note flows over selects that cell, not the note', async () => {
    const { page, errors } = await e2e.newPage();
    await page.goto(e2e.baseUrl);
    await settled(page);
    await cell(page, 'C11').click();
    await page.keyboard.type('7');
    await page.keyboard.press('Enter');
    await expect.poll(() => cellText(page, 'C11')).toBe('7');
    expect(await cell(page, 'A11').getAttribute('data-kind')).toBe('note');
    expect(errors).toEqual([]);
  });

  it('a long run shows its progress and can be cancelled; its cell then says so', async () => {
    const { page, errors } = await e2e.newPage();
    await page.goto(e2e.baseUrl);
    await settled(page);
    await typeInto(page, 'G45', '=REGRESSION(0.05, 0.9, 900)');
    const status = page.getByRole('status', { name: 'Status' });
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toMatch(/\d+ %/);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => cellText(page, 'G45')).toBe('#N/A');
    expect(await cell(page, 'G45').getAttribute('title')).toMatch(/cancelled/);
    await settled(page);
    expect(errors).toEqual([]);
  });
});
