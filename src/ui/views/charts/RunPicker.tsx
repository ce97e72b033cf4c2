/**
 * A chart's run picker: a button that opens a list of every run cell of the sheet the chart can
 * show (wherever it was typed), each with a checkbox; ticking one shows it, unticking hides it.
 * The choice is part of the chart's binding, so it travels with the link.
 */
import { createMemo, createSignal, For, onMount, Show, type JSX } from 'solid-js';
import type { RunSummary } from '../../../session/contract';
import type { ChartsStore } from '../../stores/chartsStore';
import { closeOnOutsidePress } from '../grid/outsidePress';
import { t } from '../../../i18n/localeStore';

export function RunPicker(props: { charts: ChartsStore; bindingId: string; kind: RunSummary['kind']; title: string }): JSX.Element {
  const [open, setOpen] = createSignal(false);
  let button!: HTMLButtonElement;
  // Closing gives the focus back to the button, so the keyboard user stays where they were.
  const close = () => {
    setOpen(false);
    button.focus();
  };
  return (
    // Escape closes from anywhere in the picker, the button included (focus may not have moved yet).
    <span class="run-picker" onKeyDown={(event) => event.key === 'Escape' && open() && close()}>
      <button ref={button} type="button" aria-expanded={open()} aria-haspopup="true" title={t('picker.hint')} onClick={() => setOpen(!open())}>
        {t('picker.button')}
      </button>
      <Show when={open()}>
        <RunList {...props} close={close} />
      </Show>
    </span>
  );
}

function RunList(props: { charts: ChartsStore; bindingId: string; kind: RunSummary['kind']; title: string; close: () => void }): JSX.Element {
  let panel!: HTMLDivElement;
  // eslint-disable-next-line solid/reactivity -- called from a pointer event handler, which reads the current prop.
  closeOnOutsidePress(() => panel.parentElement ?? panel, () => props.close());
  const shown = () => new Set(props.charts.shownRuns(props.bindingId));
  // Keyed by address: a patch that relabels runs keeps the checkboxes (and the focus on one).
  const candidates = createMemo(() => new Map(props.charts.runCandidates(props.kind).map((run) => [run.address, run.label])));
  const addresses = createMemo(() => [...candidates().keys()], [], { equals: (a, b) => a.join(' ') === b.join(' ') });
  // The list opens over the chart: the focus goes into it, so Tab and Escape act on it at once.
  onMount(() => panel.querySelector<HTMLElement>('input, button')?.focus());
  return (
    <div ref={panel} class="run-picker__list" role="group" aria-label={t('picker.label', { title: props.title })}>
      <For each={addresses()} fallback={<p class="chart-note">{t('picker.none')}</p>}>
        {(address) => (
          <label>
            <input
              type="checkbox"
              checked={shown().has(address)}
              onChange={(event) => props.charts.setRunShown(props.bindingId, address, event.currentTarget.checked)}
            />{' '}
            {candidates().get(address)}
          </label>
        )}
      </For>
      <button type="button" class="run-picker__done" onClick={() => props.close()}>
        {t('picker.done')}
      </button>
    </div>
  );
}

/** The trajectory chart's choice of the one run whose arrows are drawn (or every run's). */
export function ArrowsFor(props: { charts: ChartsStore; bindingId: string; value: string | undefined }): JSX.Element {
  return (
    <select
      aria-label={t('picker.arrowsFor')}
      onChange={(event) => props.charts.setArrowsFor(props.bindingId, event.currentTarget.value === '' ? null : event.currentTarget.value)}
    >
      {/* `selected` on the options: a select's value set before its options exist does not stick. */}
      <option value="" selected={props.value === undefined}>
        {t('picker.arrowsAll')}
      </option>
      <For each={props.charts.shownRuns(props.bindingId)}>
        {(address) => (
          <option value={address} selected={props.value === address}>
            {address}
          </option>
        )}
      </For>
    </select>
  );
}
