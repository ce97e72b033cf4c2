/**
 * The spreadsheet grid: WAI-ARIA grid pattern (roving tabindex, row and column headers,
 * aria-selected), spreadsheet keyboard conventions (see gridKeys.ts), mouse selection, column
 * resizing, a context menu and the real clipboard. It renders the model and dispatches intents;
 * it never evaluates anything itself.
 */
import { createMemo, createSignal, createUniqueId, For, onCleanup, onMount, Show } from 'solid-js';
import { t } from '../../../i18n/localeStore';
import type { GridModel } from '../../stores/gridModel';
import { columnLetters, formatAddress, formatRange } from './cellAddress';
import { attachClipboard } from './gridClipboard';
import { createGridController } from './gridController';
import { ColumnHeader, RowHeader, type ColumnResize } from './GridHeaders';
import { GridCell } from './GridCell';
import { gridKeyAction } from './gridKeys';
import { createGridPointer } from './gridPointer';
import { ContextMenu } from './ContextMenu';
import { menuItems } from './menuItems';
import { NameDialog } from './NameDialog';
import './grid.css';

export interface GridProps {
  readonly model: GridModel;
  /** Extra class on the outer wrapper (size it from the layout). */
  readonly class?: string;
}

const indexes = (count: number) => Array.from({ length: count }, (_, index) => index);

export function Grid(props: GridProps) {
  const ctl = createGridController(props.model);
  const model = props.model;
  const pointer = createGridPointer(ctl);
  const helpId = createUniqueId();
  let grid!: HTMLDivElement;

  const rowIndexes = createMemo(() => indexes(model.rows()));
  const colIndexes = createMemo(() => indexes(model.cols()));
  const [resize, setResize] = createSignal<ColumnResize | null>(null);
  // Widths live in CSS variables on the grid, so resizing a column restyles one element, not
  // every cell of the column.
  const widthVariables = createMemo(() => {
    const variables: Record<string, string> = {};
    for (const col of colIndexes()) {
      const column = columnLetters(col);
      const live = resize();
      const width = live?.column === column ? live.width : model.colWidth(column);
      variables[`--mp-col-${column}`] = `${width}px`;
    }
    return variables;
  });
  const announcement = () => {
    const rect = ctl.rect();
    const many = rect.bottom > rect.top || rect.right > rect.left;
    return many ? t('grid.rangeSelected', { range: formatRange(rect) }) : '';
  };

  onMount(() => {
    ctl.setGridElement(grid);
    onCleanup(attachClipboard(grid, ctl));
  });

  function onKeyDown(event: KeyboardEvent) {
    if (event.defaultPrevented) return;
    const action = gridKeyAction(event, ctl.editing() !== null);
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
    <div class={`mp-grid-wrap ${props.class ?? ''}`}>
      <div
        ref={grid}
        role="grid"
        class="mp-grid"
        aria-label={t('grid.label')}
        aria-describedby={helpId}
        aria-multiselectable="true"
        aria-rowcount={model.rows() + 1}
        aria-colcount={model.cols() + 1}
        style={widthVariables()}
        onKeyDown={onKeyDown}
        onFocusIn={onFocusIn}
        onMouseDown={pointer.onMouseDown}
        onPointerDown={pointer.onPointerDown}
        onPointerOver={pointer.onPointerOver}
        onDblClick={pointer.onDblClick}
        onContextMenu={pointer.onContextMenu}
      >
        <div role="row" class="mp-grid__row mp-grid__row--head" aria-rowindex={1}>
          <div role="columnheader" class="mp-header mp-header--corner" data-corner title={t('grid.corner')} aria-colindex={1} />
          <For each={colIndexes()}>
            {(col) => <ColumnHeader ctl={ctl} col={col} column={columnLetters(col)} onResizePreview={setResize} />}
          </For>
        </div>
        <For each={rowIndexes()}>
          {(row) => (
            <div role="row" class="mp-grid__row" aria-rowindex={row + 2}>
              <RowHeader ctl={ctl} row={row} />
              <For each={colIndexes()}>
                {(col) => (
                  <GridCell
                    ctl={ctl}
                    row={row}
                    col={col}
                    column={columnLetters(col)}
                    address={formatAddress({ row, col })}
                  />
                )}
              </For>
            </div>
          )}
        </For>
      </div>
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
