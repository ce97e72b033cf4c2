/**
 * The handle between the sheet and the charts: drag it, or focus it and use the arrow keys
 * (Home / End for the extremes), to give either side more room. It follows the WAI-ARIA window
 * splitter pattern; the share is remembered in this browser.
 */
import { createSignal, onCleanup, type Accessor, type JSX } from 'solid-js';
import { t } from '../../i18n/localeStore';

const STORAGE_KEY = 'mp.split';
const MIN = 25;
const MAX = 80;
/** About what the chapter's columns A–F need at 1400 px, leaving the charts a readable width. */
const DEFAULT = 65;

const clamp = (value: number) => Math.min(MAX, Math.max(MIN, Math.round(value)));

function storedShare(): number {
  try {
    const stored = Number(globalThis.localStorage?.getItem(STORAGE_KEY));
    return Number.isFinite(stored) && stored >= MIN && stored <= MAX ? stored : DEFAULT;
  } catch {
    return DEFAULT;
  }
}

/** The sheet's share of the workspace width, in percent, and the separator that changes it. */
export function createPaneSplit(): { share: Accessor<number>; Separator: (props: { container: () => HTMLElement | undefined }) => JSX.Element } {
  const [share, setShareSignal] = createSignal(storedShare());
  const setShare = (value: number) => {
    const next = clamp(value);
    setShareSignal(next);
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, String(next));
    } catch {
      // Remembering the split is a convenience; the split itself already changed.
    }
  };

  function Separator(props: { container: () => HTMLElement | undefined }): JSX.Element {
    let stop: (() => void) | null = null;
    onCleanup(() => stop?.());
    const onPointerDown = (event: PointerEvent) => {
      const box = props.container()?.getBoundingClientRect();
      if (!box || box.width === 0) return;
      event.preventDefault();
      const move = (next: PointerEvent) => setShare(((next.clientX - box.left) / box.width) * 100);
      const up = () => stop?.();
      window.addEventListener('pointermove', move);
      window.addEventListener('pointerup', up);
      stop = () => {
        window.removeEventListener('pointermove', move);
        window.removeEventListener('pointerup', up);
        stop = null;
      };
    };
    const onKeyDown = (event: KeyboardEvent) => {
      const step = event.shiftKey ? 10 : 2;
      const next = { ArrowLeft: share() - step, ArrowRight: share() + step, Home: MIN, End: MAX }[event.key];
      if (next === undefined) return;
      event.preventDefault();
      setShare(next);
    };
    return (
      <div
        class="pane-splitter"
        role="separator"
        tabIndex={0}
        aria-orientation="vertical"
        aria-label={t('layout.splitter')}
        aria-valuemin={MIN}
        aria-valuemax={MAX}
        aria-valuenow={share()}
        onPointerDown={onPointerDown}
        onKeyDown={onKeyDown}
      />
    );
  }

  return { share, Separator };
}
