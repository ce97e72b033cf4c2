/**
 * The page's first script: it starts the session worker and opens the sheet at once, then loads
 * the app. The worker fetches, parses and evaluates while the page's own code is still arriving,
 * so the sheet is usually computed by the time the grid can show it.
 */
import { createSessionClient, spawnSessionWorker } from './ui/client/sessionClient';
import { startupRequest } from './ui/client/startupRequest';

// Patches are held until the stores have subscribed (see createAppState).
const client = createSessionClient({ spawn: spawnSessionWorker, held: true });
const opened = client.start(startupRequest());
void import('./main').then(({ mount }) => mount(client, opened));
