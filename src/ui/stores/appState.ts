/**
 * Builds the application's state once, outside any view: the session client (and its worker),
 * the sheet and chart stores fed by its patches, the link and autosave, and the edit → repaint
 * measurement. Views receive this object and only read accessors and call its intents.
 */
import type { OpenReply } from '../../session/contract';
import type { SessionClient } from '../client/sessionClient';
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

/** `opened` is the client's answer to the start-up open (boot.ts sent it before the app loaded). */
export function createAppState(client: SessionClient, opened: Promise<OpenReply>): AppState {
  // The grid colours a run cell like its line; the charts store is made just after the sheet store.
  const chartsRef: { current?: ChartsStore } = {};
  const sheet = createSheetStore({ client, colorOf: (address) => chartsRef.current?.colorOf(address) });
  const charts = createChartsStore(client, sheet);
  chartsRef.current = charts;
  const persistence = createPersistence(client);
  const latency = createEditLatency(client);
  void persistence.start(opened);
  // Every store has subscribed: the patches that arrived while the app loaded can be applied.
  client.release();
  return { client, sheet, charts, persistence, latency };
}
