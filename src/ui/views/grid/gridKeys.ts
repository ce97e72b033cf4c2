/**
 * The grid's keyboard map as a pure function, so the whole map is testable without a DOM.
 * Spreadsheet conventions (Excel / Google Sheets); Cmd counts as Ctrl. Ctrl+C/X/V are left to
 * the browser on purpose: they fire the real copy/cut/paste events that gridClipboard.ts handles.
 */

export type GridAction =
  /** Move the active cell (or, with extend, the selection's far corner); ±Infinity = to the edge. */
  | { readonly type: 'move'; readonly rows: number; readonly cols: number; readonly extend: boolean }
  /** Edit the active cell starting from `text`, or from its raw input when text is undefined. */
  | { readonly type: 'edit'; readonly text?: string }
  /** Open the active choice cell's list of values. */
  | { readonly type: 'choose' }
  | { readonly type: 'commit'; readonly rows: number; readonly cols: number }
  | { readonly type: 'cancel' }
  | { readonly type: 'collapse' }
  | { readonly type: 'selectAll' }
  | { readonly type: 'clear' }
  | { readonly type: 'undo' }
  | { readonly type: 'redo' }
  | { readonly type: 'scrub'; readonly steps: number }
  | { readonly type: 'menu' };

export type KeyInput = Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'> & {
  readonly isComposing?: boolean;
};

/** Rows that PageUp / PageDown move. */
export const PAGE_ROWS = 20;
/** Alt+Shift+arrow scrubs this many steps at once. */
export const FAST_SCRUB_STEPS = 10;

const ARROWS: Readonly<Record<string, readonly [number, number]>> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

function isChoiceKey(e: KeyInput): boolean {
  return e.altKey ? e.key === 'ArrowDown' : e.key === 'Enter' || e.key === 'F2';
}

/** One user-perceived character (so "é" or "中" starts an edit, "Shift" or "F5" does not). */
function isPrintable(key: string): boolean {
  return [...key].length === 1;
}

function editingKey(e: KeyInput): GridAction | null {
  const back = e.shiftKey ? -1 : 1;
  if (e.key === 'Enter' && !e.altKey && !e.ctrlKey && !e.metaKey) return { type: 'commit', rows: back, cols: 0 };
  if (e.key === 'Tab') return { type: 'commit', rows: 0, cols: back };
  if (e.key === 'Escape') return { type: 'cancel' };
  return null; // Everything else (arrows, Ctrl+Z, text) belongs to the input.
}

function navigationKey(e: KeyInput, command: boolean): GridAction | null {
  const arrow = ARROWS[e.key];
  const extend = e.shiftKey;
  if (arrow) {
    const [rows, cols] = arrow;
    if (e.altKey) {
      // Alt+Left/Right is the browser's Back/Forward: leave it alone.
      if (rows === 0 || command) return null;
      return { type: 'scrub', steps: -rows * (e.shiftKey ? FAST_SCRUB_STEPS : 1) };
    }
    // Ctrl+arrow jumps to the edge; scale only the moving axis (0 × Infinity is NaN).
    const reach = (step: number) => (command && step !== 0 ? step * Infinity : step);
    return { type: 'move', rows: reach(rows), cols: reach(cols), extend };
  }
  switch (e.key) {
    case 'Tab':
      return { type: 'move', rows: 0, cols: e.shiftKey ? -1 : 1, extend: false };
    case 'Home':
      return { type: 'move', rows: command ? -Infinity : 0, cols: -Infinity, extend };
    case 'End':
      return { type: 'move', rows: command ? Infinity : 0, cols: Infinity, extend };
    case 'PageUp':
      return { type: 'move', rows: -PAGE_ROWS, cols: 0, extend };
    case 'PageDown':
      return { type: 'move', rows: PAGE_ROWS, cols: 0, extend };
    default:
      return null;
  }
}

/**
 * What a keydown on the grid means; null = not ours, let the browser have it. On a choice cell
 * (`choice`), Enter, F2 and Alt+Down open its list instead of the text editor, as a select does;
 * typing still edits the raw text.
 */
export function gridKeyAction(e: KeyInput, editing: boolean, choice = false): GridAction | null {
  if (editing) return editingKey(e);
  const command = e.ctrlKey || e.metaKey;
  if (choice && !command && !e.shiftKey && isChoiceKey(e)) return { type: 'choose' };
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (command && !e.altKey) {
    if (key === 'z') return { type: e.shiftKey ? 'redo' : 'undo' };
    if (key === 'y') return { type: 'redo' };
    if (key === 'a') return { type: 'selectAll' };
  }
  const move = navigationKey(e, command);
  if (move) return move;
  if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) return { type: 'menu' };
  if (command) return null;
  switch (e.key) {
    case 'Enter':
      return e.shiftKey ? { type: 'move', rows: -1, cols: 0, extend: false } : { type: 'edit' };
    case 'F2':
      return { type: 'edit' };
    case 'Escape':
      return { type: 'collapse' };
    case 'Delete':
    case 'Backspace':
      return { type: 'clear' };
    default:
      break;
  }
  // An IME composition cannot start on a non-editable cell: open an empty editor so the rest of
  // the input lands there.
  if (e.isComposing || e.key === 'Process') return { type: 'edit', text: '' };
  if (isPrintable(e.key)) return { type: 'edit', text: e.key };
  return null;
}
