/**
 * Copy, cut and paste through the browser's own clipboard events, so Ctrl/Cmd+C/X/V (and the
 * Edit menu) exchange 'text/plain' TSV with Excel, Google Sheets and text editors. The events
 * are handled on the document because a focused non-editable cell is not always their target.
 */
import { formatRange, topLeftOf } from './cellAddress';
import type { GridController } from './gridController';

/** Listens while the grid is mounted; returns the function that stops listening. */
export function attachClipboard(grid: HTMLElement, ctl: GridController): () => void {
  // Only when a cell has focus: inside the cell editor or any other input, the browser's own
  // text copy and paste apply.
  const gridHasFocus = (): boolean => {
    const focused = document.activeElement;
    return focused !== null && grid.contains(focused) && !focused.matches('input, textarea');
  };

  function copySelection(event: ClipboardEvent): boolean {
    if (!gridHasFocus() || !event.clipboardData) return false;
    event.clipboardData.setData('text/plain', ctl.model.copy(formatRange(ctl.rect())));
    event.preventDefault();
    return true;
  }

  const onCopy = (event: ClipboardEvent) => void copySelection(event);
  const onCut = (event: ClipboardEvent) => {
    if (copySelection(event)) ctl.model.clear(formatRange(ctl.rect()));
  };
  const onPaste = (event: ClipboardEvent) => {
    if (!gridHasFocus() || !event.clipboardData) return;
    event.preventDefault();
    const text = event.clipboardData.getData('text/plain');
    if (text !== '') ctl.model.paste(topLeftOf(ctl.rect()), text);
  };

  document.addEventListener('copy', onCopy);
  document.addEventListener('cut', onCut);
  document.addEventListener('paste', onPaste);
  return () => {
    document.removeEventListener('copy', onCopy);
    document.removeEventListener('cut', onCut);
    document.removeEventListener('paste', onPaste);
  };
}
