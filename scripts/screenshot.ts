/**
 * Developer tool: screenshots of the built app (dist/) in Chromium, for looking at the UI.
 * `npx tsx scripts/screenshot.ts [out-dir] [width] [scheme]` → out-dir/app-<width>-<scheme>.png and
 * one PNG per chart card. Prints console errors the page logged.
 */
import { mkdirSync } from 'node:fs';
import { startE2E } from '../tests/e2e/harness';
import { settled } from '../tests/e2e/pageHelpers';

const [outDir = '/tmp/shots', widthText = '1400', scheme = 'light', hash = ''] = process.argv.slice(2);
const width = Number(widthText);
mkdirSync(outDir, { recursive: true });
const e2e = await startE2E();
try {
  const { page, errors } = await e2e.newPage({ width, height: 1000, colorScheme: scheme === 'dark' ? 'dark' : 'light' });
  await page.goto(e2e.baseUrl + hash);
  await settled(page);
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${outDir}/app-${width}-${scheme}.png` });
  const cards = page.locator('[data-chart-id]');
  for (let i = 0; i < (await cards.count()); i++) {
    const card = cards.nth(i);
    const id = await card.getAttribute('data-chart-id');
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: `${outDir}/chart-${id}-${width}-${scheme}.png` });
  }
  console.log(errors.length ? errors.join('\n') : 'no console errors');
} finally {
  await e2e.close();
}
