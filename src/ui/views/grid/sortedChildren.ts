/**
 * Renders a keyed list of ascending numbers (row or column indexes) as the children of `parent`,
 * like Solid's <For>, with one more guarantee: a child whose key stays is never detached or moved.
 *
 * Why: the grid keeps the active cell rendered while the window of rows scrolls past it. Solid's
 * general-purpose list diff may take such a node out and put it back elsewhere (replaceChild,
 * insertBefore), and a detached element loses focus: the keyboard would stop working after a
 * scroll, and an open cell editor would blur and commit. For two ascending key lists the kept
 * nodes are already in the right relative order, so inserting and removing the others is enough.
 */
import { children, createRenderEffect, mapArray, type Accessor, type JSX } from 'solid-js';

/** Call from a `ref` callback (the parent must exist; the list is disposed with the owner). */
export function sortedChildren(
  parent: HTMLElement,
  keys: Accessor<readonly number[]>,
  render: (key: number) => JSX.Element,
): void {
  // `children` resolves what render returns (an element, or a function giving one: a
  // conditional, a hot-reload proxy) as Solid's own insert does; each key gives one element.
  const nodes = mapArray(keys, (key) => children(() => render(key)));
  let current: Node[] = [];
  createRenderEffect(() => {
    const next = nodes().map((resolved) => resolved() as Node);
    placeSorted(parent, current, next);
    current = next;
  });
}

/**
 * Turns `current` (the parent's last children, in order) into `next` by removing the nodes that
 * left and inserting the new ones; nodes in both keep their place when they keep their order.
 */
export function placeSorted(parent: Node, current: readonly Node[], next: readonly Node[]): void {
  const staying = new Set(next);
  const kept = current.filter((node) => staying.has(node));
  for (const node of current) if (!staying.has(node)) parent.removeChild(node);
  // kept[cursor] is the first kept node not yet passed: everything placed so far goes before it.
  const placed = new Set<Node>();
  let cursor = 0;
  for (const node of next) {
    while (cursor < kept.length && placed.has(kept[cursor])) cursor += 1;
    placed.add(node);
    if (kept[cursor] === node) {
      cursor += 1;
      continue;
    }
    // A new node, or (only if the keys were not ascending) a kept one out of order: still correct.
    parent.insertBefore(node, kept[cursor] ?? null);
  }
}
