/**
 * One cell. It reads its own `model.cellView(address)` inside a memo, so an edit repaints only
 * the cells whose view changed. Cell text is always rendered as a text node, never as HTML.
 */
import { createMemo, onMount, Show } from 'solid-js';
import { t } from '../../../i18n/localeStore';
import type { CellAddress } from '../../../sheet/types';
import type { CellView } from '../../stores/gridModel';
import { rectContains } from './cellAddress';
import type { GridController } from './gridController';
import { gapStyle } from './GridHeaders';

export interface GridCellProps {
  readonly ctl: GridController;
  readonly address: CellAddress;
  readonly row: number;
  readonly col: number;
  readonly column: string;
  /** Space left for the unrendered columns before this one (see gridWindow.ts). */
  readonly gap: number;
  /** How far overflowing text may reach, in pixels (read only when the cell overflows). */
  readonly overflowRoom: number;
  /** Element id, so a choice list can be labelled by its cell. */
  readonly id: string;
}

function sameChoices(a: CellView['choices'], b: CellView['choices']): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((choice, index) => choice.value === b[index].value && choice.label === b[index].label);
}

function sameView(a: CellView, b: CellView): boolean {
  return (
    a.text === b.text &&
    a.kind === b.kind &&
    a.title === b.title &&
    a.stale === b.stale &&
    a.color === b.color &&
    a.highlighted === b.highlighted &&
    a.diverged === b.diverged &&
    a.overflows === b.overflows &&
    sameChoices(a.choices, b.choices)
  );
}

const hasChoices = (view: CellView): boolean => (view.choices?.length ?? 0) > 0;

function isPending(view: CellView): boolean {
  return view.kind === 'pending' || view.stale === true;
}

/** What a screen reader announces: always the address first, then the name and the shown text. */
function cellLabel(address: CellAddress, name: string | undefined, view: CellView): string {
  const shown = view.text === '' ? t('grid.cellEmpty') : view.text;
  const text = isPending(view) ? t('grid.cellPending', { text: shown }) : shown;
  return name ? t('grid.cellLabelNamed', { address, name, text }) : t('grid.cellLabel', { address, text });
}

export function GridCell(props: GridCellProps) {
  // eslint-disable-next-line solid/reactivity -- the controller is one object for the grid's lifetime, never replaced.
  const ctl = props.ctl;
  // Views are rebuilt on every change of the cell; equal ones must not touch the DOM.
  const view = createMemo(() => ctl.model.cellView(props.address), undefined, { equals: sameView });
  const selected = createMemo(() => rectContains(ctl.rect(), props.row, props.col));
  const editingHere = () => ctl.isEditing(props.address);
  const choice = () => hasChoices(view());
  // Its own memo: the element's attribute effect re-runs for any of its signals, the label only for its own.
  const label = createMemo(() => cellLabel(props.address, ctl.model.nameOf(props.address), view()));
  // A choice cell keeps its text inside, clear of the dropdown button.
  const overflows = () => view().overflows === true && !choice();

  return (
    <div
      role="gridcell"
      class="mp-cell"
      data-address={props.address}
      data-kind={view().kind}
      id={props.id}
      data-overflows={overflows() ? '' : undefined}
      aria-colindex={props.col + 2}
      aria-selected={selected() ? 'true' : 'false'}
      aria-label={label()}
      aria-description={view().title}
      aria-busy={isPending(view()) ? 'true' : undefined}
      aria-haspopup={choice() ? 'listbox' : undefined}
      aria-expanded={choice() ? (ctl.isChoosing(props.address) ? 'true' : 'false') : undefined}
      title={view().title}
      tabIndex={ctl.isActive(props.address) ? 0 : -1}
      classList={{
        'is-active': ctl.isActive(props.address),
        'is-selected': selected(),
        'is-pending': isPending(view()),
        'is-highlighted': view().highlighted === true,
        'is-diverged': view().diverged === true,
        'is-editing': editingHere(),
      }}
      style={{
        width: `var(--mp-col-${props.column})`,
        'margin-left': gapStyle(props.gap),
        '--mp-overflow-room': overflows() ? `${props.overflowRoom}px` : undefined,
      }}
    >
      <Show when={editingHere()} fallback={<CellContent view={view()} />}>
        <CellEditor ctl={ctl} address={props.address} />
      </Show>
    </div>
  );
}

function CellContent(props: { readonly view: CellView }) {
  return (
    <>
      <Show when={props.view.color}>
        {(color) => <span class="mp-cell__chip" style={{ 'background-color': color() }} aria-hidden="true" />}
      </Show>
      <span class="mp-cell__text">{props.view.text}</span>
      <Show when={isPending(props.view)}>
        <span class="mp-cell__spinner" aria-hidden="true" />
      </Show>
      {/* Pointer-only: keyboard users open the list with Enter, F2 or Alt+Down on the cell. */}
      <Show when={hasChoices(props.view)}>
        <span class="mp-cell__choice" data-choice-open aria-hidden="true" />
      </Show>
    </>
  );
}

/** The in-cell editor. Keys it does not consume (Enter, Tab, Esc) bubble to the grid's handler. */
function CellEditor(props: { readonly ctl: GridController; readonly address: CellAddress }) {
  let input!: HTMLInputElement;
  // eslint-disable-next-line solid/reactivity -- the editor opens with the text of the moment it opened.
  const initial = props.ctl.editing()?.initial ?? '';
  onMount(() => {
    input.focus();
    input.setSelectionRange(initial.length, initial.length);
  });
  return (
    <input
      ref={input}
      class="mp-cell__editor"
      aria-label={t('grid.editorLabel', { address: props.address })}
      value={initial}
      spellcheck={false}
      autocomplete="off"
      onInput={(event) => props.ctl.setDraft(event.currentTarget.value)}
      // Focus leaving the editor (a click elsewhere) commits, as in every spreadsheet.
      onBlur={() => {
        if (props.ctl.editing()?.address === props.address) props.ctl.commitEdit(false);
      }}
    />
  );
}
