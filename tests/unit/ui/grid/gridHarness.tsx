/**
 * Rendering and input helpers for the grid's DOM tests (happy-dom). Everything mounted is
 * unmounted by `cleanup`, which each test file runs after every test.
 */
import type { JSX } from 'solid-js';
import { render } from 'solid-js/web';
import { Grid } from '../../../../src/ui/views/grid/Grid';
import { setLocale } from '../../../../src/i18n/localeStore';
import type { CellAddress } from '../../../../src/sheet/types';
import { createFakeGridModel, type FakeOptions } from './fakeGridModel';

const mounted: Array<() => void> = [];

/** Unmounts everything and returns to English. */
export function cleanup(): void {
  while (mounted.length > 0) mounted.pop()!();
  setLocale('en');
}

/** Renders into a fresh element on document.body (removed again by `cleanup`). */
export function mount(ui: () => JSX.Element) {
  const host = document.createElement('div');
  document.body.append(host);
  const dispose = render(ui, host);
  mounted.push(() => {
    dispose();
    host.remove();
  });
  return host;
}

/** A grid over a fresh fake model. */
export function renderGrid(options: FakeOptions = {}) {
  const fake = createFakeGridModel(options);
  const host = mount(() => <Grid model={fake.model} />);
  return {
    ...fake,
    host,
    grid: host.querySelector<HTMLElement>('[role="grid"]')!,
    /** The grid's scroll container. */
    scroller: host.querySelector<HTMLElement>('.mp-grid-wrap')!,
    /** The in-cell editor, when one is open. */
    editor: () => host.querySelector<HTMLInputElement>('[role="gridcell"] input'),
  };
}

export function cellAt(host: ParentNode, address: CellAddress): HTMLElement {
  const cell = host.querySelector<HTMLElement>(`[role="gridcell"][data-address="${address}"]`);
  if (!cell) throw new Error(`no cell ${address}`);
  return cell;
}

/** Dispatches a keydown on the focused element (or `target`), as a keyboard would. */
export function press(key: string, init: KeyboardEventInit = {}, target?: Element): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  (target ?? document.activeElement ?? document.body).dispatchEvent(event);
  return event;
}

/** Types into an input as a user would: sets the value, then fires `input`. */
export function typeInto(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * Gives the scroll container a size (a DOM emulation has no layout, so it reports 0 × 0) and
 * tells the grid, as a resize would.
 */
export function setViewport(scroller: HTMLElement, width: number, height: number): void {
  Object.defineProperty(scroller, 'clientWidth', { configurable: true, value: width });
  Object.defineProperty(scroller, 'clientHeight', { configurable: true, value: height });
  scroller.dispatchEvent(new Event('scroll'));
}

/** Scrolls the container as a wheel or scrollbar would: position first, then the event. */
export function scrollTo(scroller: HTMLElement, top: number, left = scroller.scrollLeft): void {
  scroller.scrollTop = top;
  scroller.scrollLeft = left;
  scroller.dispatchEvent(new Event('scroll'));
}

/** Addresses of the rendered cells, in document order. */
export const renderedAddresses = (host: ParentNode): string[] =>
  [...host.querySelectorAll<HTMLElement>('[role="gridcell"]')].map((cell) => cell.dataset.address ?? '');
