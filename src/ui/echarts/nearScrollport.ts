/**
 * Whether an element is on screen or close to it, inside whatever scrolls it. The charts pane
 * scrolls on a wide screen and the page scrolls on a narrow one, so the scrolling ancestor is
 * looked up again when the window is resized, and the observer follows it: a margin on the
 * viewport alone would not reach past the pane's own clipping, and a chart would draw only once
 * it already showed at the pane's edge.
 */

export interface NearnessWatch {
  /** The last answer: true until the first observation says otherwise. */
  near(): boolean;
  disconnect(): void;
}

function scrollingAncestor(element: HTMLElement): HTMLElement | null {
  for (let node = element.parentElement; node !== null && node !== document.body; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if (overflowY === 'auto' || overflowY === 'scroll') return node;
  }
  return null;
}

/**
 * Calls `onChange` whenever the element comes within `margin` (CSS, e.g. '400px') of its
 * scrolling ancestor's visible box, or leaves it. Without IntersectionObserver (Node, old
 * browsers) the element counts as near, always.
 */
export function watchNearness(element: HTMLElement, margin: string, onChange: (near: boolean) => void): NearnessWatch {
  let near = true;
  if (typeof IntersectionObserver === 'undefined') return { near: () => true, disconnect: () => undefined };
  let root: HTMLElement | null = null;
  let observer: IntersectionObserver | null = null;
  const observe = () => {
    const next = scrollingAncestor(element);
    if (observer !== null && next === root) return;
    observer?.disconnect();
    root = next;
    observer = new IntersectionObserver(
      (entries) => {
        // The first report comes once the element is laid out: if it was not yet attached when
        // watched, its scrolling ancestor is known only now.
        if (scrollingAncestor(element) !== root) return observe();
        const latest = entries[entries.length - 1];
        if (latest === undefined || latest.isIntersecting === near) return;
        near = latest.isIntersecting;
        onChange(near);
      },
      { root, rootMargin: margin },
    );
    observer.observe(element);
  };
  observe();
  window.addEventListener('resize', observe);
  return {
    near: () => near,
    disconnect() {
      window.removeEventListener('resize', observe);
      observer?.disconnect();
    },
  };
}
