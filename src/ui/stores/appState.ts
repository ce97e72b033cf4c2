/**
 * Builds the application's state once, outside any view: the worker, the sheet store, the link
 * and autosave. Views receive this object and only read accessors and call its intents.
 */
import type { SheetState } from '../../sheet/types';
import { createEngine } from '../../sheet/engine';
import { defaultSheet } from '../../sheet/defaultSheet';
import { createWorkerCompute } from '../../../workers/client';
import type { ComputeService } from '../../compute/computeService';
import { createSheetStore, type SheetStore } from './sheetStore';
import { createPersistence, startUp, type Persistence } from './persistence';
import { createChartsState, type ChartsState } from './chartsState';

export interface AppState {
  readonly sheet: SheetStore;
  readonly persistence: Persistence;
  readonly charts: ChartsState;
  readonly compute: ComputeService;
  /** Load a preset or an imported file as a new document. */
  loadDocument(state: SheetState): void;
}

export function createAppState(): AppState {
  const startup = startUp(location.hash, defaultSheet());
  const compute = createWorkerCompute();
  let charts: ChartsState | undefined;
  const sheet = createSheetStore({
    initial: startup.state,
    createEngine,
    compute,
    colorOf: (address) => charts?.colorOf(address),
  });
  charts = createChartsState(sheet, compute);
  const persistence = createPersistence({ startup, state: sheet.state, load: sheet.load });
  return { sheet, persistence, charts, compute, loadDocument: sheet.load };
}
