/**
 * A WAI-ARIA menu at a screen position: focus starts on the first item, arrows/Home/End move,
 * Enter or Space runs an item, Esc or Tab closes it and returns focus to the grid. A press
 * outside closes it too.
 */
import { For, onMount } from 'solid-js';
import { t } from '../../../i18n/localeStore';
import type { MenuItem } from './menuItems';
import { closeOnOutsidePress } from './outsidePress';

export interface ContextMenuProps {
  readonly label: string;
  readonly items: readonly MenuItem[];
  readonly x: number;
  readonly y: number;
  /** refocus: give focus back to the grid's active cell. */
  readonly onClose: (refocus: boolean) => void;
}

/** Keeps the menu inside the window; its size is not known before it renders, so estimate. */
const MENU_WIDTH_ESTIMATE = 240;
const MENU_HEIGHT_ESTIMATE = 320;

export function ContextMenu(props: ContextMenuProps) {
  let menu!: HTMLDivElement;
  const itemElements = () => [...menu.querySelectorAll<HTMLElement>('[role="menuitem"]')];

  function focusItem(index: number) {
    const items = itemElements();
    items[(index + items.length) % items.length]?.focus();
  }

  // eslint-disable-next-line solid/reactivity -- the callback runs on a later press, where props are read fresh.
  closeOnOutsidePress(() => menu, () => props.onClose(false));
  onMount(() => focusItem(0));

  function onKeyDown(event: KeyboardEvent) {
    const current = itemElements().indexOf(document.activeElement as HTMLElement);
    const moves: Record<string, number> = { ArrowDown: current + 1, ArrowUp: current - 1, Home: 0, End: -1 };
    if (event.key in moves) focusItem(moves[event.key]);
    else if (event.key === 'Escape' || event.key === 'Tab') props.onClose(true);
    else return;
    event.preventDefault();
    event.stopPropagation();
  }

  const left = () => Math.max(0, Math.min(props.x, window.innerWidth - MENU_WIDTH_ESTIMATE));
  const top = () => Math.max(0, Math.min(props.y, window.innerHeight - MENU_HEIGHT_ESTIMATE));

  return (
    <div
      ref={menu}
      role="menu"
      aria-label={props.label}
      class="mp-menu"
      style={{ left: `${left()}px`, top: `${top()}px` }}
      onKeyDown={onKeyDown}
      // The ContextMenu key pressed while the menu is open must not open the browser's menu.
      onContextMenu={(event) => event.preventDefault()}
    >
      <For each={props.items}>
        {(item) => (
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            class="mp-menu__item"
            data-action={item.id}
            onClick={() => {
              // Close first: an item that opens a dialog must keep the focus it moves there.
              props.onClose(true);
              item.run();
            }}
          >
            {t(item.label)}
          </button>
        )}
      </For>
    </div>
  );
}
