/**
 * Mouse and pen on the grid: click selects, Shift+click extends, drag selects a range, a header
 * selects its row or column, double-click edits (or opens a choice cell's list, as its dropdown
 * button does), Alt+drag on a number scrubs it, right click opens the context menu. Handlers are delegated from the grid element and find their target
 * through data attributes, so cells stay free of listeners.
 */
import { onCleanup, onMount } from 'solid-js';
import type { CellAddress } from '../../../sheet/types';
import { formatAddress, positionOf, rectContains } from './cellAddress';
import type { GridController } from './gridController';
import { trackScrub } from './pointerDrag';

type Hit =
  | { readonly kind: 'cell'; readonly address: CellAddress }
  | { readonly kind: 'row'; readonly index: number }
  | { readonly kind: 'col'; readonly index: number }
  | { readonly kind: 'corner' };

function hitOf(target: EventTarget | null): Hit | null {
  if (!(target instanceof Element) || target.closest('input, [data-resize-handle]')) return null;
  const cell = target.closest<HTMLElement>('[data-address]');
  if (cell?.dataset.address) return { kind: 'cell', address: cell.dataset.address };
  const row = target.closest<HTMLElement>('[data-row-header]');
  if (row) return { kind: 'row', index: Number(row.dataset.rowHeader) };
  const col = target.closest<HTMLElement>('[data-col-header]');
  if (col) return { kind: 'col', index: Number(col.dataset.colHeader) };
  return target.closest('[data-corner]') ? { kind: 'corner' } : null;
}

export function createGridPointer(ctl: GridController) {
  const { model } = ctl;
  let dragAnchor: CellAddress | null = null;
  const endDrag = () => (dragAnchor = null);
  onMount(() => window.addEventListener('pointerup', endDrag));
  onCleanup(() => window.removeEventListener('pointerup', endDrag));

  function selectHit(hit: Hit, extend: boolean): void {
    const anchor = positionOf(model.selection().anchor);
    const lastRow = model.rows() - 1;
    const lastCol = model.cols() - 1;
    switch (hit.kind) {
      case 'cell':
        return extend ? model.select(model.selection().anchor, hit.address) : model.select(hit.address);
      case 'row': {
        const from = extend ? anchor.row : hit.index;
        return model.select(formatAddress({ row: from, col: 0 }), formatAddress({ row: hit.index, col: lastCol }));
      }
      case 'col': {
        const from = extend ? anchor.col : hit.index;
        return model.select(formatAddress({ row: 0, col: from }), formatAddress({ row: lastRow, col: hit.index }));
      }
      case 'corner':
        return model.select(formatAddress({ row: 0, col: 0 }), formatAddress({ row: lastRow, col: lastCol }));
    }
  }

  function isInSelection(hit: Hit): boolean {
    const rect = ctl.rect();
    if (hit.kind === 'cell') {
      const { row, col } = positionOf(hit.address);
      return rectContains(rect, row, col);
    }
    if (hit.kind === 'row') return hit.index >= rect.top && hit.index <= rect.bottom;
    if (hit.kind === 'col') return hit.index >= rect.left && hit.index <= rect.right;
    return false;
  }

  return {
    // The grid manages focus itself: without this, pressing a header would blur the active cell.
    onMouseDown(event: MouseEvent) {
      if (hitOf(event.target)) event.preventDefault();
    },
    onPointerDown(event: PointerEvent) {
      const hit = hitOf(event.target);
      if (!hit || event.button !== 0) return;
      if (hit.kind === 'cell' && event.altKey && model.cellView(hit.address).kind === 'number') {
        model.select(hit.address);
        trackScrub(event, (steps) => model.scrub(hit.address, steps));
      } else if (hit.kind === 'cell' && (event.target as Element).closest('[data-choice-open]')) {
        model.select(hit.address);
        ctl.focusActive();
        ctl.openChoices();
        return;
      } else {
        selectHit(hit, event.shiftKey);
        if (hit.kind === 'cell') dragAnchor = model.selection().anchor;
      }
      ctl.focusActive();
    },
    onPointerOver(event: PointerEvent) {
      if (dragAnchor === null || (event.buttons & 1) === 0) return;
      const hit = hitOf(event.target);
      if (hit?.kind === 'cell' && model.selection().focus !== hit.address) model.select(dragAnchor, hit.address);
    },
    onDblClick(event: MouseEvent) {
      if (hitOf(event.target)?.kind !== 'cell') return;
      if (!ctl.openChoices()) ctl.startEdit();
    },
    onContextMenu(event: MouseEvent) {
      const hit = hitOf(event.target);
      if (!hit || hit.kind === 'corner') return; // The editor keeps the browser's own menu.
      event.preventDefault();
      if (ctl.menu()) return; // Already opened from the keyboard (ContextMenu key, Shift+F10).
      if (!isInSelection(hit)) selectHit(hit, false);
      ctl.openMenu(hit.kind, event.clientX, event.clientY);
    },
  };
}
