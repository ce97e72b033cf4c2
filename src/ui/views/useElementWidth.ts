/** The CSS width of an element as a signal (charts pick their wide or narrow layout from it). */
import { createSignal, onCleanup, type Accessor } from 'solid-js';

export function createElementWidth(initial = 640): [Accessor<number>, (element: HTMLElement) => void] {
  const [width, setWidth] = createSignal(initial);
  let observer: ResizeObserver | undefined;
  const ref = (element: HTMLElement) => {
    observer?.disconnect();
    observer = new ResizeObserver((entries) => {
      const measured = Math.round(entries[0]?.contentRect.width ?? 0);
      if (measured > 0) setWidth(measured);
    });
    observer.observe(element);
  };
  onCleanup(() => observer?.disconnect());
  return [width, ref];
}
