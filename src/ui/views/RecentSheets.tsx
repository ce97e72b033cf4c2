/**
 * "Recent sheets": a menu button listing the last sheets of this browser (newest first, with
 * their description, size and age); choosing one opens it. WAI-ARIA menu button: Enter, Space or
 * ArrowDown opens it on the first item, ArrowUp on the last; arrows, Home and End move; Escape
 * closes it and gives focus back to the button; Tab or a press outside closes it.
 */
import { For, Show, createMemo, createSignal, createUniqueId, onCleanup, onMount, type JSX } from 'solid-js';
import type { Persistence, RecentView } from '../stores/persistence';
import { locale, t, tp } from '../../i18n/localeStore';
import { closeOnOutsidePress } from './grid/outsidePress';

/** "5 minutes ago" in the page's language. */
function age(savedAt: number, now: number): string {
  const seconds = Math.round((savedAt - now) / 1000);
  const format = new Intl.RelativeTimeFormat(locale() === 'zh' ? 'zh-CN' : 'en', { numeric: 'auto' });
  const steps: ReadonlyArray<readonly [Intl.RelativeTimeFormatUnit, number]> = [['second', 60], ['minute', 60], ['hour', 24], ['day', Infinity]];
  let value = seconds;
  for (const [unit, size] of steps) {
    if (Math.abs(value) < size) return format.format(value, unit);
    value = Math.round(value / size);
  }
  return format.format(value, 'day');
}

function itemText(entry: RecentView, now: number): string {
  const title = entry.description?.title;
  const parts = [
    title === null || title === undefined ? t('recent.untitled') : tp([title]),
    ...(entry.description ? [t('recent.cells', { count: entry.description.cells })] : []),
    age(entry.savedAt, now),
    ...(entry.current ? [t('recent.current')] : []),
    ...(entry.tripped ? [t('recent.tripped')] : []),
  ];
  return parts.join(' · ');
}

/** The part of the persistence the menu uses. */
export type RecentSheetsSource = Pick<Persistence, 'recents' | 'refreshRecents' | 'restoreRecent'>;

/** The menu hangs from its button's left edge; near the right edge of a narrow screen it moves left to stay whole. */
function keepOnScreen(menu: HTMLElement): void {
  const margin = 8;
  const overflow = menu.getBoundingClientRect().right - (document.documentElement.clientWidth - margin);
  if (overflow > 0) menu.style.left = `${-overflow}px`;
}

function RecentMenu(props: { id: string; persistence: RecentSheetsSource; focus: 'first' | 'last'; onClose: (refocus: boolean) => void }): JSX.Element {
  let menu!: HTMLDivElement;
  const now = Date.now();
  const items = () => [...menu.querySelectorAll<HTMLElement>('[role="menuitem"]')];
  const focusItem = (index: number) => {
    const all = items();
    all[(index + all.length) % all.length]?.focus();
  };
  // eslint-disable-next-line solid/reactivity -- the callback runs on a later press, where props are read fresh.
  closeOnOutsidePress(() => menu, () => props.onClose(false));
  onMount(() => {
    keepOnScreen(menu);
    focusItem(props.focus === 'first' ? 0 : -1);
  });
  // Escape closes the menu even when focus is not in it (a press on the page's background, say).
  const onDocumentKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || menu.contains(document.activeElement)) return;
    event.preventDefault();
    props.onClose(true);
  };
  onMount(() => document.addEventListener('keydown', onDocumentKeyDown));
  onCleanup(() => document.removeEventListener('keydown', onDocumentKeyDown));

  // The list is refreshed while the menu is open (another tab saves, a save lands): items are keyed
  // by the entry's id, so the item that has focus stays the same element and keeps it.
  const byId = createMemo(() => new Map(props.persistence.recents().map((entry) => [entry.id, entry])));
  const ids = createMemo(() => props.persistence.recents().map((entry) => entry.id), undefined, {
    equals: (before, after) => before.length === after.length && before.every((id, index) => id === after[index]),
  });

  const onKeyDown = (event: KeyboardEvent) => {
    const at = items().indexOf(document.activeElement as HTMLElement);
    const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: -1 };
    if (event.key in moves) focusItem(moves[event.key]);
    else if (event.key === 'Escape') props.onClose(true);
    else if (event.key === 'Tab') return props.onClose(false);
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <div ref={menu} id={props.id} role="menu" aria-label={t('recent.label')} class="mp-menu recent-menu" onKeyDown={onKeyDown}>
      <Show
        when={props.persistence.recents().length > 0}
        fallback={
          <div role="menuitem" tabIndex={-1} aria-disabled="true" class="mp-menu__item">
            {t('recent.empty')}
          </div>
        }
      >
        <For each={ids()}>
          {(entryId) => {
            const entry = () => byId().get(entryId);
            return (
              <Show when={entry()}>
                {(shown) => (
                  <button
                    type="button"
                    role="menuitem"
                    tabIndex={-1}
                    class="mp-menu__item"
                    classList={{ 'recent-item--tripped': shown().tripped }}
                    aria-disabled={shown().current ? 'true' : undefined}
                    title={new Date(shown().savedAt).toLocaleString(locale() === 'zh' ? 'zh-CN' : 'en')}
                    onClick={() => {
                      const chosen = shown();
                      props.onClose(true);
                      if (!chosen.current) void props.persistence.restoreRecent(chosen.id);
                    }}
                  >
                    {itemText(shown(), now)}
                  </button>
                )}
              </Show>
            );
          }}
        </For>
      </Show>
    </div>
  );
}

export function RecentSheets(props: { persistence: RecentSheetsSource }): JSX.Element {
  const [open, setOpen] = createSignal<'first' | 'last' | null>(null);
  const id = createUniqueId();
  let button!: HTMLButtonElement;

  const show = async (focus: 'first' | 'last') => {
    await props.persistence.refreshRecents();
    setOpen(focus);
  };
  const close = (refocus: boolean) => {
    setOpen(null);
    if (refocus) button.focus();
  };

  return (
    <span class="recent-sheets">
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open() !== null}
        aria-controls={open() !== null ? id : undefined}
        title={t('recent.hint')}
        onClick={() => (open() !== null ? close(false) : void show('first'))}
        onKeyDown={(event) => {
          if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
          event.preventDefault();
          void show(event.key === 'ArrowDown' ? 'first' : 'last');
        }}
      >
        {t('recent.label')}
      </button>
      <Show when={open()}>{(focus) => <RecentMenu id={id} persistence={props.persistence} focus={focus()} onClose={close} />}</Show>
    </span>
  );
}
