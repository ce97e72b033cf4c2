/**
 * Horizontal pointer drags (column resize, Alt+drag scrubbing). Listening on the window rather
 * than capturing the pointer keeps working when the pointer leaves the element mid-drag.
 */
import { FAST_SCRUB_STEPS } from './gridKeys';

export interface DragHandlers {
  /** Horizontal distance in CSS pixels since the drag began. */
  onMove(dx: number, event: PointerEvent): void;
  onEnd?(dx: number): void;
}

export function trackHorizontalDrag(start: PointerEvent, handlers: DragHandlers): void {
  const startX = start.clientX;
  const move = (event: PointerEvent) => handlers.onMove(event.clientX - startX, event);
  const end = (event: PointerEvent) => {
    window.removeEventListener('pointermove', move);
    window.removeEventListener('pointerup', end);
    window.removeEventListener('pointercancel', end);
    handlers.onEnd?.(event.clientX - startX);
  };
  window.addEventListener('pointermove', move);
  window.addEventListener('pointerup', end);
  window.addEventListener('pointercancel', end);
}

/** Pixels of Alt+drag per scrub step: small enough to feel direct, large enough to aim. */
export const SCRUB_PIXELS_PER_STEP = 8;

/** Alt+drag on a number: every SCRUB_PIXELS_PER_STEP pixels nudges it one step (ten with Shift, as the keyboard). */
export function trackScrub(start: PointerEvent, scrub: (steps: number) => void): void {
  let applied = 0;
  trackHorizontalDrag(start, {
    onMove(dx, event) {
      const reached = Math.trunc(dx / SCRUB_PIXELS_PER_STEP);
      if (reached === applied) return;
      scrub((reached - applied) * (event.shiftKey ? FAST_SCRUB_STEPS : 1));
      applied = reached;
    },
  });
}
