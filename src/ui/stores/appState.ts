/**
 * Builds the application's state once, outside any view: the session client (and its worker),
 * the sheet and chart stores fed by its patches, the link and autosave, and the edit → repaint
 * measurement. Views receive this object and only read accessors and call its intents.
 */
import { createSessionClient, spawnSessionWorker, type SessionClient } from '../client/sessionClient';
import { createSheetStore, type SheetStore } from './sheetStore';
import { createChartsStore, type ChartsStore } from './chartsStore';
import { createPersistence, type Persistence } from './persistence';
import { createEditLatency, type EditLatency } from './editLatency';

export interface AppState {
  readonly client: SessionClient;
  readonly sheet: SheetStore;
  readonly charts: ChartsStore;
  readonly persistence: Persistence;
  readonly latency: EditLatency;
}

export function createAppState(client: SessionClient = createSessionClient({ spawn: spawnSessionWorker })): AppState {
  let charts: ChartsStore | undefined;
  const sheet = createSheetStore({ client, colorOf: (address) => charts?.colorOf(address) });
  charts = createChartsStore(client, sheet);
  const persistence = createPersistence(client);
  const latency = createEditLatency(client);
  void persistence.start();
  return { client, sheet, charts, persistence, latency };
}
