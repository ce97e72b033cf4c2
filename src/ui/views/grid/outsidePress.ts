/** Popover helper: calls `onOutside` when a pointer goes down outside `element` (while mounted). */
import { onCleanup, onMount } from 'solid-js';

export function closeOnOutsidePress(element: () => HTMLElement, onOutside: () => void): void {
  const listener = (event: PointerEvent) => {
    if (!element().contains(event.target as Node)) onOutside();
  };
  // Capture phase: the grid's own pointer handlers must not see the press first and move focus.
  onMount(() => document.addEventListener('pointerdown', listener, true));
  onCleanup(() => document.removeEventListener('pointerdown', listener, true));
}
