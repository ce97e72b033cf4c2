/** The user's colour scheme (prefers-color-scheme), as a signal that follows system changes. */
import { createSignal, type Accessor } from 'solid-js';
import type { ColorScheme } from '../../charts/option';

export function createColorScheme(): Accessor<ColorScheme> {
  const query = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
  const [scheme, setScheme] = createSignal<ColorScheme>(query?.matches ? 'dark' : 'light');
  query?.addEventListener('change', (event) => setScheme(event.matches ? 'dark' : 'light'));
  return scheme;
}
