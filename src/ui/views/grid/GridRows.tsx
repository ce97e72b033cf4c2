/**
 * The grid's rows as the window renders them (see gridWindow.ts): the header row, then the
 * rendered data rows, each with its row header and the rendered cells. Lists go through
 * sortedChildren, so the active cell is never detached while the window moves around it.
 * Key -1 stands for the header row in the grid and for the header cell in a row.
 */
import { createMemo, type JSX } from 'solid-js';
import { t } from '../../../i18n/localeStore';
import { columnLetters, formatAddress } from './cellAddress';
import type { GridController } from './gridController';
import { GridCell } from './GridCell';
import { ColumnHeader, gapStyle, RowHeader } from './GridHeaders';
import type { GridWindow } from './gridWindow';
import { sortedChildren } from './sortedChildren';

export interface GridRowsProps {
  readonly ctl: GridController;
  readonly win: GridWindow;
  /** Element id of a cell, so a popup can be labelled by it. */
  readonly cellId: (address: string) => string;
}

const HEADER = -1;

/** Fills the grid element: call from its `ref`. */
export function renderRows(grid: HTMLElement, props: GridRowsProps): void {
  const { ctl, win } = props;
  const rows = createMemo(() => [HEADER, ...win.rows()]);
  const cols = createMemo(() => [HEADER, ...win.cols()]);

  const headerRow = (): JSX.Element => (
    <div role="row" class="mp-grid__row mp-grid__row--head" aria-rowindex={1} ref={(row) => sortedChildren(row, cols, headerCell)} />
  );
  const headerCell = (col: number): JSX.Element => {
    if (col === HEADER) {
      return <div role="columnheader" class="mp-header mp-header--corner" data-corner title={t('grid.corner')} aria-colindex={1} />;
    }
    return <ColumnHeader ctl={ctl} col={col} column={columnLetters(col)} gap={win.colGap(col)} onResizePreview={win.setResizePreview} />;
  };

  const dataRow = (row: number): JSX.Element => (
    <div
      role="row"
      class="mp-grid__row"
      aria-rowindex={row + 2}
      style={{ 'margin-top': gapStyle(win.rowGap(row)) }}
      ref={(element) => sortedChildren(element, cols, (col) => dataCell(row, col))}
    />
  );
  const dataCell = (row: number, col: number): JSX.Element => {
    if (col === HEADER) return <RowHeader ctl={ctl} row={row} />;
    const address = formatAddress({ row, col });
    return (
      <GridCell
        ctl={ctl}
        row={row}
        col={col}
        column={columnLetters(col)}
        address={address}
        id={props.cellId(address)}
        gap={win.colGap(col)}
        overflowRoom={win.overflowRoom(row, col)}
      />
    );
  };

  // eslint-disable-next-line solid/reactivity -- sortedChildren reads the accessor inside its own effect.
  sortedChildren(grid, rows, (row) => {
    if (row === HEADER) return headerRow();
    return dataRow(row);
  });
}
