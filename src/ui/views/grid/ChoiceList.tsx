/**
 * The list of values of a choice cell (e.g. grad_mode), as a WAI-ARIA listbox below the cell.
 * Keyboard first: focus starts on the cell's current value; Up/Down/Home/End move, a letter
 * jumps to the next value starting with it, Enter, Space, Tab or Alt+Up choose, Esc cancels.
 * A click chooses; a press outside closes it without choosing.
 */
import { createSignal, For, onMount } from 'solid-js';
import type { CellChoice as Choice } from '../../stores/gridModel';
import { ROW_HEIGHT } from './gridGeometry';
import { closeOnOutsidePress } from './outsidePress';

export interface ChoiceListProps {
  readonly choices: readonly Choice[];
  /** The cell's raw input: the value it matches starts focused. */
  readonly current: string;
  /** Id of the cell, which names the list ("B6 grad_mode, printed"). */
  readonly labelledBy: string;
  readonly x: number;
  readonly y: number;
  /** null: closed without choosing. refocus: give focus back to the cell. */
  readonly onClose: (value: string | null, refocus: boolean) => void;
}

/** The option to start on: the current value, else one equal up to case and spaces, else the first. */
export function initialChoice(choices: readonly Choice[], current: string): number {
  const exact = choices.findIndex((choice) => choice.value === current);
  if (exact >= 0) return exact;
  const loose = current.trim().toLowerCase();
  return Math.max(0, choices.findIndex((choice) => choice.value.toLowerCase() === loose));
}

/** The next option after `from` whose label or value starts with `letter`, wrapping; -1 if none. */
export function typeAhead(choices: readonly Choice[], from: number, letter: string): number {
  const wanted = letter.toLowerCase();
  for (let step = 1; step <= choices.length; step += 1) {
    const index = (from + step) % choices.length;
    const { label, value } = choices[index];
    if (label.toLowerCase().startsWith(wanted) || value.toLowerCase().startsWith(wanted)) return index;
  }
  return -1;
}

export function ChoiceList(props: ChoiceListProps) {
  let list!: HTMLDivElement;
  // eslint-disable-next-line solid/reactivity -- the list opens on the value the cell had when it opened.
  const [focused, setFocused] = createSignal(initialChoice(props.choices, props.current));
  // Its size is known once rendered: then it is kept inside the window (a cell at the right
  // edge of a narrow screen, or near the bottom, opens its list leftwards or upwards).
  const [size, setSize] = createSignal({ width: 0, height: 0 });
  const left = () => Math.max(0, Math.min(props.x, window.innerWidth - size().width));
  const top = () => (props.y + size().height > window.innerHeight ? Math.max(0, props.y - size().height - ROW_HEIGHT) : props.y);
  const options = () => [...list.querySelectorAll<HTMLElement>('[role="option"]')];

  function focusOption(index: number) {
    const clamped = Math.min(Math.max(index, 0), props.choices.length - 1);
    setFocused(clamped);
    options()[clamped]?.focus();
  }

  // eslint-disable-next-line solid/reactivity -- the callback runs on a later press, where props are read fresh.
  closeOnOutsidePress(() => list, () => props.onClose(null, false));
  onMount(() => {
    setSize({ width: list.offsetWidth, height: list.offsetHeight });
    focusOption(focused());
  });

  function onKeyDown(event: KeyboardEvent) {
    const index = focused();
    const chosen = () => props.onClose(props.choices[index]?.value ?? null, true);
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: props.choices.length - 1 };
    if (event.key === 'ArrowUp' && event.altKey) chosen();
    else if (event.key in moves) focusOption(moves[event.key]);
    else if (event.key === 'Enter' || event.key === ' ' || event.key === 'Tab') chosen();
    else if (event.key === 'Escape') props.onClose(null, true);
    else if ([...event.key].length === 1 && !event.ctrlKey && !event.metaKey) {
      const next = typeAhead(props.choices, index, event.key);
      if (next >= 0) focusOption(next);
    } else return;
    event.preventDefault();
    event.stopPropagation();
  }

  return (
    <div
      ref={list}
      role="listbox"
      class="mp-listbox"
      aria-labelledby={props.labelledBy}
      style={{ left: `${left()}px`, top: `${top()}px` }}
      onKeyDown={onKeyDown}
    >
      <For each={props.choices}>
        {(choice, index) => (
          <div
            role="option"
            class="mp-listbox__option"
            tabIndex={-1}
            data-value={choice.value}
            aria-selected={index() === focused() ? 'true' : 'false'}
            // The grid manages focus; a press on an option must not blur the list first.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => props.onClose(choice.value, true)}
          >
            {choice.label}
          </div>
        )}
      </For>
    </div>
  );
}
