import { render } from 'solid-js/web';
import { App } from './components/App';
import { createAppState } from './state/appState';

const root = document.getElementById('root');
if (root) {
  // The app state is created inside render's root so its effects are owned and disposed with it.
  render(() => <App app={createAppState()} />, root);
}
