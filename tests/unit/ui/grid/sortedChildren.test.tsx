// @vitest-environment happy-dom
import { createRoot, createSignal } from 'solid-js';
import { describe, expect, test } from 'vitest';
import { placeSorted, sortedChildren } from '../../../../src/ui/views/grid/sortedChildren';

/** Deterministic pseudo-random numbers (a tiny LCG), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const ascendingSubset = (next: () => number, size: number) =>
  Array.from({ length: size }, (_, index) => index).filter(() => next() < 0.4);

/** Nodes that were taken out of `parent` (a move shows up as a removal too). */
function watchRemovals(parent: Node): () => Set<Node> {
  const observer = new MutationObserver(() => undefined);
  observer.observe(parent, { childList: true });
  return () => new Set(observer.takeRecords().flatMap((record) => [...record.removedNodes]));
}

describe('sortedChildren', () => {
  test('renders the keys in order, and a key that stays keeps its node, never detached', () => {
    const parent = document.createElement('div');
    const [keys, setKeys] = createSignal<readonly number[]>([2, 1500, 1501, 1502]);
    const dispose = createRoot((done) => {
       
      sortedChildren(parent, keys, (key) => Object.assign(document.createElement('span'), { textContent: String(key) }));
      return done;
    });
    const kept = parent.children[0];
    expect(kept.textContent).toBe('2');
    const removals = watchRemovals(parent);
    // The window scrolls back to the top: the pinned row 2 is now inside it.
    setKeys(Array.from({ length: 60 }, (_, index) => index));
    // eslint-disable-next-line solid/reactivity -- the test reads the keys it just set.
    expect([...parent.children].map((child) => Number(child.textContent))).toEqual(keys());
    expect(parent.children[2]).toBe(kept);
    expect(removals().has(kept)).toBe(false);
    dispose();
  });

  test('for any two ascending key lists, the kept nodes are never removed and the result is in order', () => {
    const next = random(7);
    for (let trial = 0; trial < 200; trial += 1) {
      const parent = document.createElement('div');
      const nodes = new Map<number, Node>();
      const nodeOf = (key: number) => nodes.get(key) ?? nodes.set(key, document.createTextNode(`${key},`)).get(key)!;
      const before = ascendingSubset(next, 30).map(nodeOf);
      before.forEach((node) => parent.appendChild(node));
      const after = ascendingSubset(next, 30).map(nodeOf);
      const removals = watchRemovals(parent);
      placeSorted(parent, before, after);
      expect([...parent.childNodes]).toEqual(after);
      for (const node of before) if (after.includes(node)) expect(removals().has(node)).toBe(false);
    }
  });

  test('keys out of order still give the right children (kept nodes may then move)', () => {
    const next = random(11);
    for (let trial = 0; trial < 200; trial += 1) {
      const parent = document.createElement('div');
      const nodes = Array.from({ length: 12 }, (_, key) => document.createTextNode(`${key},`));
      const before = nodes.filter(() => next() < 0.5);
      before.forEach((node) => parent.appendChild(node));
      const after = nodes.filter(() => next() < 0.5).sort(() => next() - 0.5);
      placeSorted(parent, before, after);
      expect([...parent.childNodes]).toEqual(after);
    }
  });
});
