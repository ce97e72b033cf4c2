import { render } from 'solid-js/web';
import { App } from './ui/views/App';
import { createAppState } from './ui/stores/appState';

const root = document.getElementById('root');
if (root) {
  // The app state is created once inside render's root, so its effects are owned and disposed
  // with it. (Inline in JSX it would become a getter and be re-created on every prop read.)
  render(() => {
    const app = createAppState();
    return <App app={app} />;
  }, root);
}
