/**
 * The grid's view state (who is editing, which menu is open) and what each user intent does to
 * the model. No JSX here: Grid.tsx and its pieces render this and call into it. Create it inside
 * a component so its memos are disposed with the grid.
 */
import { createMemo, createSelector, createSignal, type Accessor } from 'solid-js';
import type { CellAddress } from '../../../sheet/types';
import type { GridModel } from '../../stores/gridModel';
import {
  formatAddress,
  offsetWithin,
  positionOf,
  formatRange,
  selectionRect,
  type CellPosition,
  type CellRange,
} from './cellAddress';
import type { GridAction } from './gridKeys';

/** What the controller needs from the rendering: scrolling a cell into view. */
export interface GridScroller {
  reveal(position: CellPosition): void;
}

export interface EditSession {
  readonly address: CellAddress;
  /** The text the editor opened with. */
  readonly initial: string;
}

/** Where a context menu opened: it decides which actions it offers. */
export type MenuTarget = 'cell' | 'row' | 'col';

export interface MenuState {
  readonly target: MenuTarget;
  readonly x: number;
  readonly y: number;
}

export type GridController = ReturnType<typeof createGridController>;

export function createGridController(model: GridModel, scroller: GridScroller = { reveal: () => undefined }) {
  let gridElement: HTMLElement | undefined;
  const size = () => ({ rows: model.rows(), cols: model.cols() });
  /** The active cell is the selection's anchor (as in Excel): it is edited and tabbable. */
  const active: Accessor<CellAddress> = () => model.selection().anchor;
  const rect: Accessor<CellRange> = createMemo(() => selectionRect(model.selection()), undefined, {
    equals: (a, b) => a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right,
  });
  const isActive = createSelector(active);
  // Selectors, so that starting or ending an edit re-renders two cells, not every rendered one.

  const [editing, setEditing] = createSignal<EditSession | null>(null);
  const [draft, setDraft] = createSignal('');
  const [menu, setMenu] = createSignal<MenuState | null>(null);
  const [naming, setNaming] = createSignal<CellAddress | null>(null);
  /** The choice cell whose list of values is open. */
  const [choosing, setChoosing] = createSignal<CellAddress | null>(null);
  // Selectors, so that starting or ending an edit (or a choice list) re-renders two cells, not every rendered one.
  const isEditing = createSelector(() => editing()?.address ?? null);
  const isChoosing = createSelector(choosing);

  function cellElement(address: CellAddress): HTMLElement | null {
    return gridElement?.querySelector<HTMLElement>(`[data-address="${address}"]`) ?? null;
  }

  /**
   * Scrolls `show` (by default the active cell) into view, then focuses the active cell. The
   * active cell is always rendered (see gridWindow.ts), so it can take focus even when a
   * selection is extended far away from it.
   */
  function focusActive(show: CellAddress = active()): void {
    scroller.reveal(positionOf(show));
    cellElement(active())?.focus({ preventScroll: true });
  }

  /** Returns false when nothing moved (so Tab at the last column can leave the grid). */
  function move(rows: number, cols: number, extend: boolean): boolean {
    const selection = model.selection();
    const from = positionOf(extend ? selection.focus : selection.anchor);
    const to = formatAddress(offsetWithin(from, rows, cols, size()));
    if (extend) {
      if (to === selection.focus) return false;
      model.select(selection.anchor, to);
    } else {
      if (to === selection.anchor && selection.anchor === selection.focus) return false;
      model.select(to);
    }
    focusActive(to);
    return true;
  }

  function startEdit(text?: string): void {
    const address = active();
    const initial = text ?? model.raw(address);
    setDraft(initial);
    setEditing({ address, initial });
  }

  /** Ends the edit first, so a blur fired by the editor's removal finds nothing left to commit. */
  function commitEdit(refocus: boolean): void {
    const session = editing();
    if (!session) return;
    setEditing(null);
    if (draft() !== model.raw(session.address)) model.commit(session.address, draft());
    if (refocus) focusActive();
  }

  const choicesAt = (address: CellAddress) => model.cellView(address).choices ?? [];
  const activeHasChoices = (): boolean => choicesAt(active()).length > 0;

  /** Opens the active cell's list of values; false when it has none. */
  function openChoices(): boolean {
    if (!activeHasChoices()) return false;
    setMenu(null);
    setChoosing(active());
    return true;
  }

  /** Closes the list; a value different from the cell's input is committed (null: cancelled). */
  function choose(value: string | null, refocus = true): void {
    const address = choosing();
    setChoosing(null);
    if (address !== null && value !== null && value !== model.raw(address)) model.commit(address, value);
    if (refocus) focusActive();
  }

  function cancelEdit(): void {
    setEditing(null);
    focusActive();
  }

  function selectAll(): void {
    const { rows, cols } = size();
    model.select(formatAddress({ row: 0, col: 0 }), formatAddress({ row: rows - 1, col: cols - 1 }));
    focusActive();
  }

  function openMenu(target: MenuTarget, x: number, y: number): void {
    setMenu({ target, x, y });
  }

  /** Viewport point just below the active cell's left corner: where keyboard-opened popups go. */
  function belowActive(): { x: number; y: number } {
    const box = cellElement(active())?.getBoundingClientRect();
    return { x: box?.left ?? 0, y: box?.bottom ?? 0 };
  }

  function closeMenu(refocus: boolean): void {
    setMenu(null);
    if (refocus) focusActive();
  }

  /** Performs a keyboard action; returns whether the key was used (and its default prevented). */
  function perform(action: GridAction): boolean {
    switch (action.type) {
      case 'move':
        return move(action.rows, action.cols, action.extend);
      case 'edit':
        startEdit(action.text);
        return true;
      case 'choose':
        return openChoices();
      case 'commit':
        commitEdit(true);
        move(action.rows, action.cols, false);
        return true;
      case 'cancel':
        cancelEdit();
        return true;
      case 'collapse':
        model.select(active());
        return true;
      case 'selectAll':
        selectAll();
        return true;
      case 'clear':
        model.clear(formatRange(rect()));
        return true;
      case 'undo':
        model.undo();
        return true;
      case 'redo':
        model.redo();
        return true;
      case 'scrub':
        model.scrub(active(), action.steps);
        return true;
      case 'menu': {
        const { x, y } = belowActive();
        openMenu('cell', x, y);
        return true;
      }
    }
  }

  return {
    model,
    setGridElement: (element: HTMLElement) => (gridElement = element),
    active,
    rect,
    isActive,
    isEditing,
    isChoosing,
    editing,
    draft,
    setDraft,
    menu,
    naming,
    setNaming,
    choosing,
    choicesAt,
    activeHasChoices,
    openChoices,
    choose,
    perform,
    startEdit,
    commitEdit,
    focusActive,
    belowActive,
    openMenu,
    closeMenu,
  };
}
