/**
 * Page-level helpers for the end-to-end tests: find cells and charts by role and label, wait for
 * the sheet to settle, read what a chart shows. Charts expose their data through ECharts' aria
 * description (the same text a screen reader gets) and their pixels through screenshots.
 */
import type { Locator, Page } from 'playwright-core';

export const cell = (page: Page, address: string): Locator =>
  page.getByRole('gridcell', { name: new RegExp(`^${address}[ ,]`) });

export const cellText = async (page: Page, address: string): Promise<string> =>
  ((await cell(page, address).locator('.mp-cell__text').textContent()) ?? '').trim();

export const chart = (page: Page, id: string): Locator => page.locator(`[data-chart-id="${id}"] .chart-body`);

/** Wait until the worker has nothing in flight and every pending cell has landed. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const status = document.querySelector('.status-line');
    return status?.getAttribute('data-running') === '0' && document.querySelectorAll('[role="gridcell"][aria-busy="true"]').length === 0;
  }, undefined, { timeout: 60_000 });
}

/** The chart's data as its accessible description (ECharts' aria label on the chart's DOM). */
export async function chartDescription(page: Page, id: string): Promise<string> {
  return (await chart(page, id).getAttribute('data-summary')) ?? '';
}

export async function chartPixels(page: Page, id: string): Promise<Buffer> {
  return chart(page, id).screenshot();
}

/** Keyboard-only edit: focus the cell (no click), type, Enter. */
export async function typeInto(page: Page, address: string, text: string): Promise<void> {
  await cell(page, address).focus();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

export const appHash = (page: Page): string => new URL(page.url()).hash;
