/**
 * The spreadsheet grid: WAI-ARIA grid pattern (roving tabindex, row and column headers,
 * aria-selected, aria-rowindex/colindex since only part of the sheet is rendered: see
 * gridWindow.ts), spreadsheet keyboard conventions (see gridKeys.ts), mouse selection, column
 * resizing, a context menu, choice lists and the real clipboard. It renders the model and
 * dispatches intents; it never evaluates anything itself.
 */
import { createUniqueId, onCleanup, onMount, Show } from 'solid-js';
import { t } from '../../../i18n/localeStore';
import type { GridModel } from '../../stores/gridModel';
import { formatRange, positionOf } from './cellAddress';
import { ChoiceList } from './ChoiceList';
import { attachClipboard } from './gridClipboard';
import { createGridController } from './gridController';
import { ROW_HEADER_WIDTH, ROW_HEIGHT } from './gridGeometry';
import { renderRows } from './GridRows';
import { gridKeyAction } from './gridKeys';
import { createGridPointer } from './gridPointer';
import { createGridWindow } from './gridWindow';
import { ContextMenu } from './ContextMenu';
import { menuItems } from './menuItems';
import { NameDialog } from './NameDialog';
import './grid.css';

export interface GridProps {
  readonly model: GridModel;
  /** Extra class on the outer wrapper (size it from the layout). */
  readonly class?: string;
}

// What the browser scrolls into view by itself (a screen reader's cursor) stays clear of the
// sticky headers.
const SCROLL_PADDING = `${ROW_HEIGHT}px 0 0 ${ROW_HEADER_WIDTH}px`;

export function Grid(props: GridProps) {
  // eslint-disable-next-line solid/reactivity -- the grid renders one model for its whole life.
  const model = props.model;
  const win = createGridWindow(model, () => positionOf(model.selection().anchor));
  const ctl = createGridController(model, win);
  const pointer = createGridPointer(ctl);
  const helpId = createUniqueId();
  const cellId = (address: string) => `${helpId}-${address}`;
  let grid!: HTMLDivElement;
  let wrap!: HTMLDivElement;

  const gridStyle = () => ({
    ...win.widthVariables(),
    '--mp-row-height': `${ROW_HEIGHT}px`,
    '--mp-row-header-width': `${ROW_HEADER_WIDTH}px`,
    width: `${win.totalWidth()}px`,
    height: `${win.totalHeight()}px`,
  });
  // Popups beside the active cell follow it when the grid scrolls.
  const besideActive = () => {
    win.scrollPosition();
    return ctl.belowActive();
  };
  const announcement = () => {
    const rect = ctl.rect();
    const many = rect.bottom > rect.top || rect.right > rect.left;
    return many ? t('grid.rangeSelected', { range: formatRange(rect) }) : '';
  };

  onMount(() => {
    ctl.setGridElement(grid);
    win.attach(wrap);
    onCleanup(attachClipboard(grid, ctl));
  });

  function onKeyDown(event: KeyboardEvent) {
    if (event.defaultPrevented) return;
    const action = gridKeyAction(event, ctl.editing() !== null, ctl.activeHasChoices());
    if (!action) return;
    const used = ctl.perform(action);
    // Tab at the grid's edge is left to the browser, so keyboard users can leave the grid.
    if (used || event.key !== 'Tab') event.preventDefault();
  }

  // A cell focused by other means than our keys (a screen reader's cursor, a script) becomes the
  // active cell, so typing goes where focus is.
  function onFocusIn(event: FocusEvent) {
    const target = event.target as HTMLElement | null;
    const address = target?.getAttribute('role') === 'gridcell' ? target.dataset.address : undefined;
    if (address && ctl.editing() === null && model.selection().anchor !== address) model.select(address);
  }

  return (
    <div ref={wrap} class={`mp-grid-wrap ${props.class ?? ''}`} style={{ 'scroll-padding': SCROLL_PADDING }}>
      <div
        ref={(element) => {
          grid = element;
          renderRows(element, { ctl, win, cellId });
        }}
        role="grid"
        class="mp-grid"
        aria-label={t('grid.label')}
        aria-describedby={helpId}
        aria-multiselectable="true"
        aria-rowcount={model.rows() + 1}
        aria-colcount={model.cols() + 1}
        style={gridStyle()}
        onKeyDown={onKeyDown}
        onFocusIn={onFocusIn}
        onMouseDown={(event) => pointer.onMouseDown(event)}
        onPointerDown={(event) => pointer.onPointerDown(event)}
        onPointerOver={(event) => pointer.onPointerOver(event)}
        onDblClick={(event) => pointer.onDblClick(event)}
        onContextMenu={(event) => pointer.onContextMenu(event)}
      />
      <p id={helpId} class="mp-visually-hidden">
        {t('grid.help')}
      </p>
      <div class="mp-visually-hidden" aria-live="polite">
        {announcement()}
      </div>
      <Show when={ctl.menu()}>
        {(menu) => (
          <ContextMenu
            label={t('grid.menuLabel', { target: formatRange(ctl.rect()) })}
            items={menuItems(menu().target, ctl)}
            x={menu().x}
            y={menu().y}
            onClose={ctl.closeMenu}
          />
        )}
      </Show>
      <Show when={ctl.choosing()}>
        {(address) => (
          <ChoiceList
            choices={ctl.choicesAt(address())}
            current={model.raw(address())}
            labelledBy={cellId(address())}
            {...besideActive()}
            onClose={ctl.choose}
          />
        )}
      </Show>
      <Show when={ctl.naming()}>
        {(address) => (
          <NameDialog
            model={model}
            address={address()}
            {...ctl.belowActive()}
            onClose={() => {
              ctl.setNaming(null);
              ctl.focusActive();
            }}
          />
        )}
      </Show>
    </div>
  );
}
