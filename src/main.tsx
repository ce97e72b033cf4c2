/** Mounts the app on a session client that boot.ts has already started. */
import { render } from 'solid-js/web';
import type { OpenReply } from './session/contract';
import type { SessionClient } from './ui/client/sessionClient';
import { App } from './ui/views/App';
import { createAppState } from './ui/stores/appState';
import { preloadCharts } from './ui/views/charts/ChartCard';

export function mount(client: SessionClient, opened: Promise<OpenReply>): void {
  const root = document.getElementById('root');
  if (!root) return;
  // The app state is created once inside render's root, so its effects are owned and disposed
  // with it. (Inline in JSX it would become a getter and be re-created on every prop read.)
  render(() => {
    const app = createAppState(client, opened);
    return <App app={app} />;
  }, root);
  // After the frame that paints the grid's first state (a timer, so it runs after that paint).
  requestAnimationFrame(() => setTimeout(preloadCharts, 0));
}
