/**
 * Safe mode: a sheet held as raw text only, with nothing parsed, evaluated or computed. A sheet
 * that brought the worker down opens this way, so the user can read it, fix the cell that did
 * it, or open another sheet, and nothing of it is lost. Leaving safe mode evaluates it.
 */
import { parseAddress, parseRange, rangeAddresses } from '../sheet/address';
import type { SheetState } from '../sheet/types';
import type { CellPatch, Intent, Message, SheetMeta } from './contract';

export type SafeOutcome =
  | { readonly ok: true; readonly changed: readonly string[] }
  /** The intent needs an evaluated sheet: leave safe mode first. */
  | { readonly ok: false; readonly error: Message };

export class SafeSheet {
  private cells: Record<string, string>;

  constructor(private state: SheetState) {
    this.cells = { ...state.cells };
  }

  /** The sheet as it stands, with the edits made in safe mode. */
  toState(): SheetState {
    return { ...this.state, cells: { ...this.cells } };
  }

  addresses(): string[] {
    return Object.keys(this.cells);
  }

  cellPatch(address: string, version: number): CellPatch {
    const raw = this.cells[address] ?? '';
    const name = Object.entries(this.state.names).find(([, bound]) => bound === address)?.[0];
    return { address, version, raw, ...(name === undefined ? {} : { name }), kind: raw === '' ? 'empty' : 'text', text: [raw], pending: false };
  }

  meta(version: number, presets: SheetMeta['presets']): SheetMeta {
    return {
      version,
      rows: this.state.rows,
      cols: this.state.cols,
      names: { ...this.state.names },
      colWidths: { ...this.state.colWidths },
      charts: [],
      pins: [],
      canUndo: false,
      canRedo: false,
      notices: [],
      safeMode: true,
      presets,
      gradientSwitch: null,
    };
  }

  /** Edits of raw text are allowed; everything else waits until the sheet is evaluated. */
  apply(intent: Intent): SafeOutcome {
    switch (intent.kind) {
      case 'setCells': {
        const changed: string[] = [];
        for (const [address, raw] of intent.entries) {
          const position = parseAddress(address);
          if (position === null || position.row >= this.state.rows || position.col >= this.state.cols) continue;
          if (raw.trim() === '') delete this.cells[address];
          else this.cells[address] = raw;
          changed.push(address);
        }
        return { ok: true, changed };
      }
      case 'clear': {
        const range = parseRange(intent.range);
        const changed = range === null ? [] : rangeAddresses(range).filter((address) => address in this.cells);
        changed.forEach((address) => delete this.cells[address]);
        return { ok: true, changed };
      }
      default:
        return { ok: false, error: { key: 'safe.evaluateFirst' } };
    }
  }
}
