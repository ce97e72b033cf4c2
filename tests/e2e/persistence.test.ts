/**
 * Nothing the user made is lost, in the built app: an edit survives a reload made at once; the
 * sheets a link, a preset or a file replace stay in "Recent sheets"; two tabs on one sheet merge
 * or split, never overwrite; a sheet that freezes the compute engine never becomes the sheet a
 * plain visit opens, and opens in safe mode next time; a file or link from a newer format opens
 * nothing and says why; a browser without IndexedDB gets a notice.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { encodeState } from '../../src/share/codec';
import { FORMAT_VERSION } from '../../src/share/migrate';
import { defaultSheet } from '../../src/sheet/defaultSheet';
import { appHash, cell, cellText, collectErrors, openTab, ready, settled, typeInto, useE2E } from './pageHelpers';

const e2e = useE2E();

/** How long a poll waits: a worker starting, or answering on this shared 2-core machine, can take seconds. */
const SLOW = { timeout: 15_000 } as const;

/** A link to the chapter's sheet with some cells changed (made by the app's own codec). */
function linkTo(cells: Readonly<Record<string, string>>): string {
  const chapter = defaultSheet();
  return `${e2e.baseUrl}#s=${encodeState({ ...chapter, cells: { ...chapter.cells, ...cells } })}`;
}

const MINE: ReadonlyArray<readonly [string, string]> = [
  ['F2', 'my notes'],
  ['B16', '0.5'],
  ['C16', '0.6'],
];

async function expectMine(page: Page): Promise<void> {
  for (const [address, text] of MINE) expect(await cellText(page, address), address).toBe(text);
}

/** After choosing a sheet: wait until it is shown (the session answers a moment later) and settled. */
async function expectMineBack(page: Page): Promise<void> {
  await expect.poll(() => cellText(page, 'F2'), SLOW).toBe('my notes');
  await settled(page);
  await expectMine(page);
}

const savedSheet = (page: Page) => page.evaluate(() => localStorage.getItem('mp.sheet') ?? '');
const journal = (page: Page) => page.evaluate(() => localStorage.getItem('mp.journal'));

/** A fresh browser with the user's own sheet made, settled and saved. */
async function withMySheet(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const opened = await e2e.newPage();
  await opened.page.goto(e2e.baseUrl);
  await ready(opened.page);
  for (const [address, text] of MINE) await typeInto(opened.page, address, text);
  await settled(opened.page);
  await expect.poll(() => savedSheet(opened.page), SLOW).toContain('my notes');
  return opened;
}


type Within = Page | ReturnType<Page['locator']>;

/** The "Recent sheets" menu, opened from the keyboard (from the toolbar, or from `within`); its items' texts. */
async function recentItems(page: Page, within: Within = page, label = 'Recent sheets'): Promise<string[]> {
  const button = within.getByRole('button', { name: label }).first();
  if ((await button.getAttribute('aria-expanded')) !== 'true') {
    await button.focus();
    await page.keyboard.press('ArrowDown');
  }
  const menu = page.getByRole('menu', { name: label });
  await expect.poll(() => menu.count(), SLOW).toBe(1);
  return menu.getByRole('menuitem').allTextContents();
}

/** The menu's items once one of them matches (the recent sheets are written a moment after an edit). */
async function recentItemsWith(page: Page, matching: RegExp): Promise<string[]> {
  await expect
    .poll(async () => {
      const items = await recentItems(page);
      await page.keyboard.press('Escape');
      return items.some((text) => matching.test(text));
    }, { message: String(matching) })
    .toBe(true);
  return recentItems(page);
}

/** Open the recent sheet whose item text matches, with arrow keys and Enter. */
async function openRecent(page: Page, matching: RegExp, within?: Within): Promise<void> {
  await expect.poll(async () => (await recentItems(page, within)).some((text) => matching.test(text)), { ...SLOW, message: String(matching) }).toBe(true);
  const items = await recentItems(page, within);
  const index = items.findIndex((text) => matching.test(text));
  // Focus starts on the first item; walk down to the one wanted.
  for (let step = 0; step < index; step++) await page.keyboard.press('ArrowDown');
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''), SLOW).toMatch(matching);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByRole('menu', { name: 'Recent sheets' }).count(), SLOW).toBe(0);
}

describe('autosave that cannot miss', () => {
  it('an edit survives a reload made 0 to 300 ms after it was committed, and then is saved as current', async () => {
    const { page, errors } = await withMySheet();
    const delays = [0, 0, 10, 50, 150, 300];
    for (const [index, delay] of delays.entries()) {
      const value = `0.${index + 11}`;
      await typeInto(page, 'B17', value);
      if (delay > 0) await page.waitForTimeout(delay);
      await page.reload();
      await ready(page);
      // An edit the session had not saved yet comes back from the journal, a moment after the page is ready.
      await expect.poll(() => cellText(page, 'B17'), { ...SLOW, message: `reload ${delay} ms after the edit` }).toBe(value);
      // Replayed edits are forgotten once the session reflected them and they were saved.
      await expect.poll(() => journal(page), { ...SLOW, message: `${delay} ms` }).toBeNull();
      expect(await savedSheet(page)).toContain(`"B17": "${value}"`);
    }
    await expectMine(page);
    expect(errors).toEqual([]);
  });

  it('an edit survives leaving the page at once for a plain visit (no link in the address)', async () => {
    const { page, errors } = await withMySheet();
    await typeInto(page, 'F3', 'typed just before leaving');
    await page.goto(e2e.baseUrl);
    await ready(page);
    await expect.poll(() => cellText(page, 'F3'), SLOW).toBe('typed just before leaving');
    await expectMine(page);
    await expect.poll(() => journal(page), SLOW).toBeNull();
    expect(errors).toEqual([]);
  });
});

describe('recent sheets', () => {
  it('the menu is opaque, shows which item has focus, and stays whole on a phone’s screen', async () => {
    const { page, errors } = await e2e.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(e2e.baseUrl);
    await ready(page);
    await recentItems(page);
    const menu = page.getByRole('menu', { name: 'Recent sheets' });
    const box = await menu.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    const colours = await menu.evaluate((element) => ({
      menu: getComputedStyle(element).backgroundColor,
      focused: document.activeElement instanceof HTMLElement && element.contains(document.activeElement) ? getComputedStyle(document.activeElement).backgroundColor : null,
    }));
    expect(colours.menu).not.toMatch(/^rgba\(0, 0, 0, 0\)$|^transparent$/);
    expect(colours.focused).not.toBeNull();
    expect(colours.focused).not.toBe(colours.menu);
    expect(colours.focused).not.toMatch(/^rgba\(0, 0, 0, 0\)$/);
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
  });

  it('two links opened in a row do not cost the user their own sheet: it is in Recent sheets, and comes back', async () => {
    const { context, page, errors } = await withMySheet();
    // A link pasted into the address bar of the open tab...
    await page.goto(linkTo({ F2: 'first link' }));
    await expect.poll(() => cellText(page, 'F2'), SLOW).toBe('first link');
    await settled(page);
    await page.goto(linkTo({ F2: 'second link' }));
    await expect.poll(() => cellText(page, 'F2'), SLOW).toBe('second link');
    await settled(page);
    await page.close();
    // ...and one opened in a new tab.
    const tab = await openTab(context, linkTo({ F2: 'third link' }), errors);
    expect(await cellText(tab, 'F2')).toBe('third link');

    const items = await recentItemsWith(tab, /^third link/);
    for (const title of ['my notes', 'first link', 'second link', 'third link']) expect(items.some((text) => text.includes(title)), title).toBe(true);
    // Newest first, the one shown marked, each with its size and age.
    expect(items[0]).toMatch(/^third link · \d+ cells · .* · shown now$/);
    expect(items.findIndex((text) => text.includes('second link'))).toBeLessThan(items.findIndex((text) => text.includes('my notes')));
    await tab.keyboard.press('Escape');
    await expect.poll(() => tab.evaluate(() => document.activeElement?.textContent ?? ''), SLOW).toBe('Recent sheets');

    await openRecent(tab, /^my notes/);
    await expectMineBack(tab);
    // It is the current sheet again: a plain visit opens it.
    await expect.poll(() => savedSheet(tab), SLOW).toContain('my notes');
    await tab.goto('about:blank');
    await tab.goto(e2e.baseUrl);
    await ready(tab);
    await expectMine(tab);
    expect(errors).toEqual([]);
  });

  it('a preset and an opened state file become new sheets; the ones they replaced stay in Recent sheets', async () => {
    const { page, errors } = await withMySheet();
    await page.getByRole('combobox', { name: 'Presets' }).selectOption({ index: 1 });
    await expect.poll(() => cellText(page, 'F2'), SLOW).not.toBe('my notes');
    await settled(page);
    const file = JSON.stringify({ app: 'momentum-playground', v: FORMAT_VERSION, state: { ...defaultSheet(), cells: { ...defaultSheet().cells, F2: 'from a file' } } });
    await page.locator('input[type="file"]').setInputFiles({ name: 'sheet.momentum.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await expect.poll(() => cellText(page, 'F2'), SLOW).toBe('from a file');
    await settled(page);
    const items = await recentItemsWith(page, /^from a file/);
    expect(items[0]).toMatch(/^from a file/);
    expect(items.some((text) => text.startsWith('my notes'))).toBe(true);
    expect(items.length).toBeGreaterThanOrEqual(3);
    await page.keyboard.press('Escape');
    await openRecent(page, /^my notes/);
    await expectMineBack(page);
    expect(errors).toEqual([]);
  });

  it('menu and labels are translated', async () => {
    const { page, errors } = await withMySheet();
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh');
    const items = await recentItems(page, page, '最近的表格');
    expect(items[0]).toMatch(/^my notes · \d+ 个单元格 · .* · 当前显示$/);
    expect(errors).toEqual([]);
  });

  it('a browser that refuses IndexedDB gets a notice, and the sheet is still saved', async () => {
    const { context, page, errors } = await e2e.newPage();
    await context.addInitScript(() => {
      Object.defineProperty(IDBFactory.prototype, 'open', {
        value() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
    await page.goto(e2e.baseUrl);
    await ready(page);
    await typeInto(page, 'F2', 'kept anyway');
    await settled(page);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'does not let the playground keep recent sheets' }).count(), SLOW).toBe(1);
    await expect.poll(() => savedSheet(page), SLOW).toContain('kept anyway');
    expect(await recentItems(page)).toEqual(['No recent sheets yet.']);
    expect(errors).toEqual([]);
  });
});

/**
 * Holds the BroadcastChannel messages a page receives until the test releases them, as if the
 * page had been busy (or asleep) while the other tab saved: the way to make two tabs edit at
 * the same time, deterministically.
 */
async function holdChannel(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const Native = window.BroadcastChannel;
    const channels: BroadcastChannel[] = [];
    const held: unknown[] = [];
    const state = window as unknown as { __hold: boolean; __release: () => void };
    state.__hold = false;
    state.__release = () => {
      state.__hold = false;
      for (const data of held.splice(0)) channels.forEach((channel) => channel.dispatchEvent(new MessageEvent('message', { data })));
    };
    window.BroadcastChannel = class extends Native {
      constructor(name: string) {
        super(name);
        channels.push(this);
        // Registered first, so it sees each message before the app does.
        this.addEventListener('message', (event) => {
          if (!state.__hold) return;
          event.stopImmediatePropagation();
          held.push(event.data);
        });
      }
    };
  });
}

describe('two tabs on one sheet', () => {
  it('an edit in one tab is merged into the other, both ways, and nothing is overwritten', async () => {
    const { context, page: first, errors } = await withMySheet();
    const second = await openTab(context, e2e.baseUrl, errors);
    await expectMine(second);

    await typeInto(first, 'F3', 'from the first tab');
    await expect.poll(() => cellText(second, 'F3'), SLOW).toBe('from the first tab');
    await expect.poll(() => second.getByRole('status').filter({ hasText: 'changed in another tab' }).count(), SLOW).toBe(1);
    await typeInto(second, 'F4', 'from the second tab');
    await expect.poll(() => cellText(first, 'F4'), SLOW).toBe('from the second tab');
    expect(await cellText(first, 'F3')).toBe('from the first tab');
    await settled(first);
    await settled(second);

    // Whichever tab saved last, the saved sheet has both edits.
    const fresh = await openTab(context, e2e.baseUrl, errors);
    expect(await cellText(fresh, 'F3')).toBe('from the first tab');
    expect(await cellText(fresh, 'F4')).toBe('from the second tab');
    await expectMine(fresh);
    expect(await first.getByRole('alert').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('edits made at the same time split into two sheets: the newer tab is told and may load the other version, its own stays recent', async () => {
    const { context, page: older, errors } = await withMySheet();
    const newer = await context.newPage();
    collectErrors(newer, errors);
    await holdChannel(newer);
    await newer.goto(e2e.baseUrl);
    await ready(newer);
    await newer.evaluate(() => ((window as unknown as { __hold: boolean }).__hold = true));

    // Both change the same sheet before either has heard of the other's change.
    await typeInto(older, 'F3', 'older tab’s version');
    await expect.poll(() => savedSheet(older), SLOW).toContain('older tab’s version');
    await typeInto(newer, 'F3', 'newer tab’s version');
    await settled(newer);
    await newer.evaluate(() => (window as unknown as { __release: () => void }).__release());

    const split = newer.getByRole('alert').filter({ hasText: 'also changed in another tab' });
    await expect.poll(() => split.count(), SLOW).toBe(1);
    await expect.poll(() => older.getByRole('status').filter({ hasText: 'that tab keeps its version' }).count(), SLOW).toBe(1);
    // Nothing was overwritten: each tab still shows its own version...
    expect(await cellText(older, 'F3')).toBe('older tab’s version');
    expect(await cellText(newer, 'F3')).toBe('newer tab’s version');
    // ...and both are recent sheets.
    await recentItemsWith(newer, /^my notes(?!.*shown now)/);
    const items = await recentItems(newer);
    expect(items.filter((text) => text.startsWith('my notes')).length).toBe(2);
    await newer.keyboard.press('Escape');

    await split.getByRole('button', { name: 'Load the other tab’s version' }).click();
    await expect.poll(() => cellText(newer, 'F3'), SLOW).toBe('older tab’s version');
    await expect.poll(() => split.count(), SLOW).toBe(0);
    // Its own version is still one menu away.
    await openRecent(newer, /^my notes(?!.*shown now)/);
    await expect.poll(() => cellText(newer, 'F3'), SLOW).toBe('newer tab’s version');
    await expectMine(newer);
    expect(errors).toEqual([]);
  });
});

describe('a sheet that freezes the compute engine', () => {
  /**
   * The sheet: the user's notes and a regression that legitimately runs for many seconds (900
   * epochs of batch size 1). While it computes, the test hangs the real worker from inside (an
   * endless loop run in the worker by Playwright), as a sheet whose evaluation never ends would:
   * the heartbeat goes unanswered and the watchdog trips before the sheet ever settled.
   */
  const FREEZING = { F2: 'the freezing sheet', B45: '=REGRESSION(0.01,0.5,900,1)' };

  async function freezeWhileComputing(page: Page): Promise<void> {
    await expect.poll(() => cell(page, 'B45').getAttribute('aria-busy'), SLOW).toBe('true');
    const [worker] = page.workers();
    void worker.evaluate(() => {
      for (;;) {
        // Never returns: the worker stops answering.
      }
    }).catch(() => undefined);
  }

  it('never becomes the sheet a plain visit opens, opens in safe mode next time, and stays reachable', async () => {
    const { context, page, errors } = await withMySheet();
    await page.close();
    const link = linkTo(FREEZING);
    const tab = await context.newPage();
    collectErrors(tab, errors);
    await tab.goto(link);
    await freezeWhileComputing(tab);

    // The watchdog trips: the sheet is shown in safe mode, its cells as raw text, nothing computed.
    const banner = tab.getByRole('alert').filter({ hasText: 'safe mode' });
    await expect.poll(() => banner.count(), { timeout: 20_000 }).toBe(1);
    expect(await banner.textContent()).toMatch(/stops the compute engine .* nothing is computed/);
    expect(await cellText(tab, 'B45')).toBe(FREEZING.B45);
    expect(await cellText(tab, 'D16')).toBe('=MOMENTUM(f,x1_0,x2_0,B16,C16,steps,grad)');
    expect(await savedSheet(tab)).toContain('my notes');
    expect(await savedSheet(tab)).not.toContain('the freezing sheet');

    // The same link again opens in safe mode at once, saying why.
    await tab.reload();
    const again = tab.getByRole('alert').filter({ hasText: 'stopped the compute engine when it was last opened' });
    await expect.poll(() => again.count(), SLOW).toBe(1);
    expect(await cellText(tab, 'B45')).toBe(FREEZING.B45);
    await tab.close();

    // A plain visit: the user's own sheet, evaluated.
    const visit = await openTab(context, e2e.baseUrl, errors);
    await expectMine(visit);
    expect(await cellText(visit, 'D16')).toMatch(/momentum/);
    expect(await visit.getByRole('alert').count()).toBe(0);

    // The freezing sheet is a recent sheet that opens in safe mode; the banner offers the way back.
    await openRecent(visit, /^the freezing sheet.*stopped the engine; opens in safe mode$/);
    const safe = visit.getByRole('alert').filter({ hasText: 'safe mode' });
    await expect.poll(() => safe.count(), SLOW).toBe(1);
    expect(await cellText(visit, 'F2')).toBe('the freezing sheet');
    expect(await cellText(visit, 'B45')).toBe(FREEZING.B45);
    await openRecent(visit, /^my notes/, safe);
    await expectMineBack(visit);
    await expect.poll(() => safe.count(), SLOW).toBe(0);
    expect(errors).toEqual([]);
  });

  it('"Evaluate anyway" leaves safe mode and computes the sheet', async () => {
    const { page, errors } = await withMySheet();
    await page.goto('about:blank');
    await page.goto(linkTo(FREEZING));
    await freezeWhileComputing(page);
    const banner = page.getByRole('alert').filter({ hasText: 'safe mode' });
    await expect.poll(() => banner.count(), { timeout: 20_000 }).toBe(1);
    await banner.getByRole('button', { name: 'Evaluate anyway' }).click();
    await expect.poll(() => banner.count(), SLOW).toBe(0);
    await expect.poll(() => cellText(page, 'D16'), SLOW).toMatch(/momentum/);
    await expect.poll(() => cell(page, 'B45').getAttribute('aria-busy'), SLOW).toBe('true');
    expect(errors).toEqual([]);
  });
});

describe('a newer format', () => {
  const newer = JSON.stringify({ app: 'momentum-playground', v: 99, state: { rows: 1, cols: 1, cells: { A1: 'from the future' } } });

  it('a state file from a newer version says so and opens nothing', async () => {
    const { page, errors } = await withMySheet();
    await page.locator('input[type="file"]').setInputFiles({ name: 'new.momentum.json', mimeType: 'application/json', buffer: Buffer.from(newer) });
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent(), SLOW).toMatch(/saved by a newer version of the app and was not opened.*format version 99/);
    await expectMine(page);
    expect(errors).toEqual([]);
  });

  it('a link from a newer version says so plainly and opens nothing: the user’s own sheet stays shown and current', async () => {
    const { context, page, errors } = await withMySheet();
    await page.close();
    const tab = await openTab(context, `${e2e.baseUrl}#s=99.abc`, errors);
    await expect.poll(() => tab.getByRole('alert').textContent(), SLOW).toMatch(/saved by a newer version of the app and was not opened.*format version 99/);
    await expectMine(tab);
    await settled(tab);
    expect(await savedSheet(tab)).toContain('my notes');
    // The address bar shows the user's sheet, not the link that did not open.
    await expect.poll(() => appHash(tab), SLOW).not.toBe('#s=99.abc');
    expect(errors).toEqual([]);
  });

  it('a saved sheet from a newer version says so, opens the chapter instead, and is not overwritten', async () => {
    const { context, page, errors } = await e2e.newPage();
    await context.addInitScript((text) => {
      if (sessionStorage.getItem('seeded') === null) {
        localStorage.setItem('mp.sheet', text);
        sessionStorage.setItem('seeded', 'yes');
      }
    }, newer);
    await page.goto(e2e.baseUrl);
    await ready(page);
    await expect.poll(() => page.getByRole('alert').textContent(), SLOW).toMatch(/newer version of the app and was not opened/);
    await typeInto(page, 'F2', 'edited meanwhile');
    await settled(page);
    expect(await savedSheet(page)).toBe(newer);
    // The session's work is kept among the recent sheets, and in the address bar.
    expect((await recentItemsWith(page, /^edited meanwhile/))[0]).toMatch(/^edited meanwhile/);
    await expect.poll(() => appHash(page), SLOW).toMatch(/^#s=/);
    expect(errors).toEqual([]);
  });
});
