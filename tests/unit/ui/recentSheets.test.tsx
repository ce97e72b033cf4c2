// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { createSignal } from 'solid-js';
import { RecentSheets } from '../../../src/ui/views/RecentSheets';
import type { RecentView } from '../../../src/ui/stores/persistence';
import { recentSheet } from '../../../src/share/recentSheets';
import { cleanup, mount, press } from './grid/gridHarness';

afterEach(cleanup);

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Entries as the persistence lists them: fresh objects on every refresh. */
function views(titles: readonly string[], savedAt: number): RecentView[] {
  return titles.map((title, index) => ({
    ...recentSheet(`doc-${title}`, `{"title":"${title}"}`, savedAt - index * 1000, { title, cells: 3 }),
    tripped: false,
    current: index === 0,
  }));
}

function renderMenu(titles: readonly string[]) {
  const [recents, setRecents] = createSignal<readonly RecentView[]>(views(titles, Date.now()));
  const restored: string[] = [];
  const host = mount(() => (
    <RecentSheets
      persistence={{
        recents,
        refreshRecents: () => Promise.resolve(),
        restoreRecent: (id) => {
          restored.push(id);
          return Promise.resolve();
        },
      }}
    />
  ));
  const button = host.querySelector<HTMLButtonElement>('button[aria-haspopup="menu"]')!;
  const menu = () => host.querySelector<HTMLElement>('[role="menu"]');
  const items = () => [...host.querySelectorAll<HTMLElement>('[role="menuitem"]')];
  return { setRecents, restored, button, menu, items };
}

describe('Recent sheets menu', () => {
  test('the focused item keeps focus when the list is refreshed while the menu is open', async () => {
    const { setRecents, button, menu, items } = renderMenu(['third', 'second', 'first']);
    button.focus();
    press('ArrowDown');
    await settle();
    expect(document.activeElement).toBe(items()[0]);
    press('ArrowDown');
    const focused = items()[1];
    expect(document.activeElement).toBe(focused);

    // Another save lands: the same documents, as new objects, one of them newer.
    setRecents(views(['third', 'second', 'first'], Date.now() + 5000));
    expect(items()[1]).toBe(focused);
    expect(document.activeElement).toBe(focused);

    press('Escape');
    expect(menu()).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  test('Escape closes the menu even when focus has left it, and gives focus back to its button', async () => {
    const { button, menu } = renderMenu(['only']);
    button.focus();
    press('ArrowDown');
    await settle();
    expect(menu()).not.toBeNull();
    (document.activeElement as HTMLElement).blur();
    press('Escape', {}, document.body);
    expect(menu()).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  test('choosing an item opens that sheet; the one shown now is not opened again', async () => {
    const { restored, button, items } = renderMenu(['shown', 'older']);
    button.focus();
    press('ArrowDown');
    await settle();
    items()[0].click();
    expect(restored).toEqual([]);
    press('ArrowDown', {}, button);
    await settle();
    items()[1].click();
    expect(restored).toEqual(['doc-older']);
  });
});
