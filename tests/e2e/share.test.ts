/**
 * Sharing and saving in the built app: a copied link reproduces the sheet in a fresh browser,
 * reloads lose nothing, broken or hostile links never cost the user their work, cell text is never
 * HTML, the production server sends its Content-Security-Policy, and a browser that refuses to
 * store anything gets a notice instead of a crash.
 */
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { LINK_FORMAT } from '../../src/share/codec';
import { appHash, cell, cellText, chartDescription, clipboardText, openTab, ready, settled, typeInto, useE2E } from './pageHelpers';

const e2e = useE2E();

/** A fresh browser context on the default playground, optionally with some edits made and saved. */
async function openPlayground(edits: ReadonlyArray<readonly [string, string]> = []): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const opened = await e2e.newPage();
  await opened.page.goto(e2e.baseUrl);
  await ready(opened.page);
  if (edits.length > 0) await makeEdits(opened.page, edits);
  return opened;
}


/** The user's own work in a fresh context: η, γ, the step count and a text cell. */
const MY_EDITS: ReadonlyArray<readonly [string, string]> = [
  ['B16', '0.5'],
  ['C16', '0.6'],
  ['B5', '20'],
  ['F2', 'my notes'],
];

async function makeEdits(page: Page, edits: ReadonlyArray<readonly [string, string]>): Promise<void> {
  const hashBefore = appHash(page);
  for (const [address, text] of edits) await typeInto(page, address, text);
  await settled(page);
  // The link and the autosave follow the edits once the session has answered them.
  await expect.poll(() => appHash(page)).not.toBe(hashBefore);
  const [lastAddress, lastText] = edits[edits.length - 1];
  await expect.poll(() => page.evaluate(() => localStorage.getItem('mp.sheet') ?? '')).toContain(JSON.stringify(lastText).slice(1, -1));
  expect(await cellText(page, lastAddress)).toBe(lastText);
}

async function expectMyEdits(page: Page): Promise<void> {
  for (const [address, text] of MY_EDITS) expect(await cellText(page, address), address).toBe(text);
}

/** Cells whose text shows the whole chain: inputs, runs (2-D and regression), theory, text. */
const WITNESS_CELLS = ['B4', 'C4', 'B5', 'B16', 'C16', 'F2', 'D13', 'D14', 'D16', 'D17', 'D18', 'E16', 'B19', 'D19', 'B31', 'C31', 'C33', 'B36'];
const CHART_IDS = ['paths', 'ewma', 'loss', 'rate'];

async function snapshot(page: Page): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const address of WITNESS_CELLS) out[address] = await cellText(page, address);
  for (const id of CHART_IDS) out[`chart:${id}`] = await chartDescription(page, id);
  return out;
}

/** The fragment every link this build writes starts with, e.g. "#s=2.". */
const LINK_PREFIX = `#s=${LINK_FORMAT}.`;
const alert = (page: Page) => page.getByRole('alert');
const storageNotice = (page: Page) => page.getByRole('status').filter({ hasText: 'The browser storage is full' });
/** Every banner (alert or status notice) has its own "Dismiss" button. */
const banners = (page: Page) => page.getByRole('button', { name: 'Dismiss' });

describe('a link reproduces the sheet', () => {
  it('"Copy link" gives a link that opens the same cells and charts in a fresh browser', async () => {
    const { page, errors } = await openPlayground(MY_EDITS);
    const mine = await snapshot(page);
    expect(mine.D16).toMatch(/momentum/i);
    expect(mine['chart:paths']).toContain('D16 momentum η=0.5 γ=0.6: 20 steps');

    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Link copied to the clipboard' }).count()).toBe(1);
    const link = await clipboardText(page);
    expect(link.startsWith(`${e2e.baseUrl}${LINK_PREFIX}`)).toBe(true);

    const fresh = await e2e.newPage();
    await fresh.page.goto(link);
    await ready(fresh.page);
    expect(await snapshot(fresh.page)).toEqual(mine);
    // Nothing local was replaced, so there is nothing to announce.
    expect(await banners(fresh.page).count()).toBe(0);
    expect(errors).toEqual([]);
    expect(fresh.errors).toEqual([]);
  });

  it('a reload keeps every edit (from the link), and so does opening the page without the link (autosave)', async () => {
    const { page, errors } = await openPlayground(MY_EDITS);
    const mine = await snapshot(page);

    await page.reload();
    await ready(page);
    expect(await snapshot(page)).toEqual(mine);

    // No fragment at all: the autosave in localStorage brings the sheet back.
    await page.goto(e2e.baseUrl);
    expect(appHash(page)).toBe('');
    await ready(page);
    expect(await snapshot(page)).toEqual(mine);
    expect(await banners(page).count()).toBe(0);
    // ...and the link follows again.
    await expect.poll(() => appHash(page).startsWith(LINK_PREFIX)).toBe(true);
    expect(errors).toEqual([]);
  });
});

describe('links that cannot be trusted', () => {
  it('broken, truncated and hostile links show an alert saying why and leave the local sheet intact', async () => {
    const { context, page, errors } = await openPlayground(MY_EDITS);
    const myHash = appHash(page);
    expect(myHash.startsWith(LINK_PREFIX)).toBe(true);
    await page.close();
    const unreadable = /couldn't be read\. .*\. Your own sheet is still here\./;
    const expectIntact = async (tab: Page, hash: string, reason: RegExp, says: RegExp = unreadable) => {
      await expect.poll(() => alert(tab).textContent(), { message: hash }).toMatch(reason);
      expect(await alert(tab).textContent(), hash).toMatch(says);
      expect(await alert(tab).count(), hash).toBe(1);
      await expectMyEdits(tab);
      expect(await tab.evaluate(() => (Object.prototype as Record<string, unknown>).polluted), hash).toBeUndefined();
      // The autosave still holds the user's sheet, not the link's.
      expect(await tab.evaluate(() => localStorage.getItem('mp.sheet') ?? ''), hash).toContain('my notes');
    };

    // Opened in a new tab: a hostile payload (JSON with a __proto__ key, in a format-1 lz-string link).
    const hostileJson = '{"v":1,"state":{"rows":50,"cols":8,"cells":{"B16":"7","__proto__":{"polluted":"yes"}},"names":{"eta":"B16"}}}';
    const hostile = `#s=1.${LZString.compressToEncodedURIComponent(hostileJson)}`;
    const tab = await openTab(context, `${e2e.baseUrl}${hostile}`, errors);
    await expectIntact(tab, hostile, /forbidden field name “__proto__”/);

    // Pasted into the address bar of the open tab (a hashchange, not a page load).
    const cases: ReadonlyArray<{ hash: string; reason: RegExp; says?: RegExp }> = [
      { hash: '#s=1.garbage', reason: /damaged/ },
      { hash: myHash.slice(0, Math.floor(myHash.length / 2)), reason: /damaged/ },
      // A link from a newer version is not damaged: the alert says plainly that it was not opened.
      { hash: '#s=99.abc', reason: /format version 99/, says: /saved by a newer version of the app and was not opened/ },
    ];
    for (const { hash, reason, says } of cases) {
      // Dismiss the last alert so that the next one is known to be about this link.
      await alert(tab).getByRole('button', { name: 'Dismiss' }).click();
      await expect.poll(() => alert(tab).count()).toBe(0);
      await tab.goto(`${e2e.baseUrl}${hash}`);
      await expectIntact(tab, hash, reason, says);
      // The address bar shows the user's sheet again, not the broken link.
      await expect.poll(() => appHash(tab), { message: hash }).toBe(myHash);
    }
    expect(errors).toEqual([]);
  });

  it('a valid link over different local work offers "Restore previous sheet", which brings the local sheet back', async () => {
    const { context, page, errors } = await openPlayground([['F2', 'shared version']]);
    const link = `${e2e.baseUrl}${appHash(page)}`;
    // Local work goes on after the link was made.
    await makeEdits(page, MY_EDITS);
    await page.close();

    const tab = await openTab(context, link, errors);
    expect(await cellText(tab, 'F2')).toBe('shared version');
    expect(await cellText(tab, 'B16')).toBe('0.9');
    const restore = tab.getByRole('button', { name: 'Restore previous sheet' });
    await expect.poll(() => restore.count()).toBe(1);
    await restore.click();
    // The session answers a moment later: wait for the sheet to come back, then for it to settle.
    await expect.poll(() => cellText(tab, 'F2')).toBe('my notes');
    await settled(tab);
    await expectMyEdits(tab);
    await expect.poll(() => restore.count()).toBe(0);
    await expect.poll(() => tab.getByRole('status').filter({ hasText: 'Your previous sheet is back.' }).count()).toBe(1);
    // The address bar follows the restored sheet, so a reload keeps it (and asks nothing).
    await expect.poll(() => appHash(tab)).not.toBe(new URL(link).hash);
    await tab.reload();
    await ready(tab);
    await expectMyEdits(tab);
    expect(await banners(tab).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('a cell holding HTML shows it as text, typed or arriving through a link', async () => {
    const payload = '<img src=x onerror=window.__xss=1>';
    const { page, errors } = await openPlayground([['F3', payload]]);
    const grid = page.getByRole('grid');
    expect(await cellText(page, 'F3')).toBe(payload);
    expect(await grid.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();

    const fresh = await e2e.newPage();
    await fresh.page.goto(`${e2e.baseUrl}${appHash(page)}`);
    await ready(fresh.page);
    expect(await cellText(fresh.page, 'F3')).toBe(payload);
    expect(await cell(fresh.page, 'F3').getAttribute('aria-label')).toBe(`F3, ${payload}`);
    expect(await fresh.page.getByRole('grid').locator('img').count()).toBe(0);
    expect(await fresh.page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(errors).toEqual([]);
    expect(fresh.errors).toEqual([]);
  });
});

describe('the production build', () => {
  it("is served with a Content-Security-Policy allowing only 'self' scripts and WebAssembly, no framing, no sniffing", async () => {
    const { page, errors } = await e2e.newPage();
    const response = await page.goto(e2e.baseUrl);
    const policy = response?.headers()['content-security-policy'] ?? '';
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
    // Nothing else may run: no 'unsafe-eval', no 'unsafe-inline', no other origin.
    const scriptSrc = policy.split(';').map((directive) => directive.trim()).find((directive) => directive.startsWith('script-src '));
    expect(scriptSrc?.split(/\s+/)).toEqual(['script-src', "'self'", "'wasm-unsafe-eval'"]);
    // No other site may frame the playground, and files are served as what they are.
    expect(policy).toContain("frame-ancestors 'none'");
    expect(response?.headers()['x-content-type-options']).toBe('nosniff');
    // Under that policy the app still runs everything, regression on WebAssembly included.
    await ready(page);
    expect(await cellText(page, 'C33')).toMatch(/^\d/);
    expect(errors).toEqual([]);
  });

  it('with storage that refuses every write, the app says so and keeps working', async () => {
    const { context, page, errors } = await e2e.newPage();
    await context.addInitScript(() => {
      Storage.prototype.setItem = function refuse() {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await page.goto(e2e.baseUrl);
    await ready(page);
    const hashBefore = appHash(page);
    await typeInto(page, 'B16', '0.5');
    await settled(page);
    await expect.poll(() => storageNotice(page).count()).toBe(1);
    expect(await cellText(page, 'B16')).toBe('0.5');
    await expect.poll(async () => chartDescription(page, 'paths')).toContain('D16 momentum η=0.5');
    // The link still carries the sheet, so "Copy link" is the way to keep it.
    await expect.poll(() => appHash(page)).not.toBe(hashBefore);
    expect(errors).toEqual([]);
  });

  it('when storage fills up during the session, the next edit shows a notice and nothing is lost on screen', async () => {
    const { context, page, errors } = await e2e.newPage();
    await context.addInitScript(() => {
      // Kept to be called with the storage as `this` (setItem.call below).
      // eslint-disable-next-line @typescript-eslint/unbound-method
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function maybeFull(this: Storage, key: string, value: string) {
        if ((window as { __storageFull?: boolean }).__storageFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        setItem.call(this, key, value);
      };
    });
    await page.goto(e2e.baseUrl);
    await ready(page);
    expect(await banners(page).count()).toBe(0);
    await page.evaluate(() => {
      (window as { __storageFull?: boolean }).__storageFull = true;
    });
    await typeInto(page, 'B16', '0.5');
    await settled(page);
    await expect.poll(() => storageNotice(page).count()).toBe(1);
    expect(await cellText(page, 'B16')).toBe('0.5');
    await typeInto(page, 'C16', '0.6');
    await settled(page);
    expect(await cellText(page, 'C16')).toBe('0.6');
    expect(await storageNotice(page).count()).toBe(1);
    expect(errors).toEqual([]);
  });
});
