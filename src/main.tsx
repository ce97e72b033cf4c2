import { render } from 'solid-js/web';
import { App } from './components/App';

render(() => <App />, document.getElementById('root')!);
