import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
const ctx = await chromium.launchPersistentContext(mkdtempSync('/tmp/pw-'), {
  executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1200, height: 800 },
});
await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'http://localhost:5199' });
const page = ctx.pages()[0] ?? await ctx.newPage();
const errors = [];
page.on('pageerror', (e) => errors.push(String(e)));
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
await page.goto('http://localhost:5199/');
await page.waitForSelector('[role=gridcell]');
const calls = () => page.evaluate(() => window.fake.calls.filter(c => c.method !== 'select').map(c => c.method + ' ' + JSON.stringify(c.args)));
await page.click('[data-address="B3"]');
console.log('formula', await page.inputValue('input[aria-label="Formula bar"]'));
await page.keyboard.press('Shift+ArrowDown');
await page.keyboard.press('Control+c');
console.log('clipboard after copy:', JSON.stringify(await page.evaluate(() => navigator.clipboard.readText())));
await page.evaluate(() => navigator.clipboard.writeText('7\t8\n9\t10'));
await page.click('[data-address="E2"]');
await page.keyboard.press('Control+v');
await page.keyboard.type('42');
await page.keyboard.press('Enter');
await page.keyboard.press('Alt+ArrowUp');
await page.click('[data-address="C5"]', { button: 'right' });
console.log('menu:', await page.locator('[role=menu]').getAttribute('aria-label'));
await page.screenshot({ path: '/tmp/grid-menu.png' });
await page.keyboard.press('Escape');
console.log('active after esc', await page.evaluate(() => document.activeElement?.getAttribute('data-address')));
// drag select
const a = await page.locator('[data-address="B10"]').boundingBox();
const b = await page.locator('[data-address="D14"]').boundingBox();
await page.mouse.move(a.x + 5, a.y + 5); await page.mouse.down(); await page.mouse.move(b.x + 5, b.y + 5, { steps: 5 }); await page.mouse.up();
console.log('selection', await page.evaluate(() => window.fake.model.selection()));
// resize col B
const h = await page.locator('[data-col-header="1"] [data-resize-handle]').boundingBox();
await page.mouse.move(h.x + 3, h.y + 5); await page.mouse.down(); await page.mouse.move(h.x + 63, h.y + 5, { steps: 4 }); await page.mouse.up();
// Alt drag scrub on B8
const s = await page.locator('[data-address="B8"]').boundingBox();
await page.keyboard.down('Alt'); await page.mouse.move(s.x + 20, s.y + 5); await page.mouse.down(); await page.mouse.move(s.x + 60, s.y + 5, { steps: 5 }); await page.mouse.up(); await page.keyboard.up('Alt');
// ContextMenu key
await page.click('[data-address="A3"]');
await page.keyboard.press('Shift+F10');
console.log('menu focus', await page.evaluate(() => document.activeElement?.textContent));
await page.keyboard.press('Escape');
// double-click edit + IME-ish chinese typing
await page.dblclick('[data-address="F20"]');
await page.keyboard.type('中文');
await page.keyboard.press('Tab');
await page.click('button');
await page.click('[data-address="B3"]');
await page.screenshot({ path: '/tmp/grid-zh.png' });
console.log('calls', (await calls()).join('\n'));
console.log('errors', errors);
await ctx.close();
