/**
 * Row and column headers. Clicking one selects its whole row or column (handled by the grid's
 * pointer handler through the data attributes); a column header's right edge resizes it.
 */
import { t } from '../../../i18n/localeStore';
import type { GridController } from './gridController';
import type { ColumnResize } from './gridWindow';
import { trackHorizontalDrag } from './pointerDrag';

/** Narrowest and widest a column may be dragged to, in CSS pixels. */
export const MIN_COLUMN_WIDTH = 32;
export const MAX_COLUMN_WIDTH = 640;

export interface ColumnHeaderProps {
  readonly ctl: GridController;
  readonly col: number;
  readonly column: string;
  /** Space left for the unrendered columns before this one (see gridWindow.ts). */
  readonly gap: number;
  /** Live width while dragging (null when the drag ends); the model is told once, at the end. */
  readonly onResizePreview: (resize: ColumnResize | null) => void;
}

export function ColumnHeader(props: ColumnHeaderProps) {
  const inSelection = () => props.col >= props.ctl.rect().left && props.col <= props.ctl.rect().right;

  function startResize(event: PointerEvent) {
    if (event.button !== 0) return;
    event.preventDefault();
    const startWidth = props.ctl.model.colWidth(props.column);
    const widthAfter = (dx: number) =>
      Math.round(Math.min(Math.max(startWidth + dx, MIN_COLUMN_WIDTH), MAX_COLUMN_WIDTH));
    trackHorizontalDrag(event, {
      onMove: (dx) => props.onResizePreview({ column: props.column, width: widthAfter(dx) }),
      // Tell the model before dropping the preview, so the grid re-reads the new width even
      // from a model whose colWidth is not reactive.
      onEnd: (dx) => {
        if (widthAfter(dx) !== startWidth) props.ctl.model.setColWidth(props.column, widthAfter(dx));
        props.onResizePreview(null);
      },
    });
  }

  return (
    <div
      role="columnheader"
      class="mp-header mp-header--col"
      classList={{ 'is-in-selection': inSelection() }}
      data-col-header={props.col}
      aria-colindex={props.col + 2}
      style={{ width: `var(--mp-col-${props.column})`, 'margin-left': gapStyle(props.gap) }}
    >
      {props.column}
      <div
        class="mp-header__resize"
        data-resize-handle
        role="separator"
        aria-orientation="vertical"
        aria-label={t('grid.resizeColumn', { column: props.column })}
        onPointerDown={startResize}
      />
    </div>
  );
}

/** A margin standing in for skipped rows or columns; none when nothing was skipped. */
export const gapStyle = (pixels: number): string | undefined => (pixels > 0 ? `${pixels}px` : undefined);

export function RowHeader(props: { readonly ctl: GridController; readonly row: number }) {
  const inSelection = () => props.row >= props.ctl.rect().top && props.row <= props.ctl.rect().bottom;
  return (
    <div
      role="rowheader"
      class="mp-header mp-header--row"
      classList={{ 'is-in-selection': inSelection() }}
      data-row-header={props.row}
      aria-colindex={1}
    >
      {props.row + 1}
    </div>
  );
}
