/**
 * The formula bar: the active cell's address, a name box, and its raw input at full precision
 * (a cell may show 0.9 while holding 0.8999999999999999). Enter commits, Esc reverts, leaving
 * the box commits. Renders and dispatches only.
 */
import { createSignal } from 'solid-js';
import { t } from '../../i18n/localeStore';
import type { CellAddress } from '../../sheet/types';
import type { GridModel } from '../stores/gridModel';
import { NameInput } from './grid/NameInput';
import './grid/grid.css';

export interface FormulaBarProps {
  readonly model: GridModel;
}

interface Draft {
  readonly address: CellAddress;
  readonly text: string;
}

export function FormulaBar(props: FormulaBarProps) {
  const active = () => props.model.selection().anchor;
  // The draft remembers its cell: if the selection moves while typing, the text still goes to
  // the cell it was typed for (on blur), and the bar shows the new cell meanwhile.
  const [draft, setDraft] = createSignal<Draft | null>(null);
  const shown = () => {
    const pending = draft();
    return pending && pending.address === active() ? pending.text : props.model.raw(active());
  };

  function commit() {
    const pending = draft();
    if (!pending) return;
    setDraft(null);
    if (pending.text !== props.model.raw(pending.address)) props.model.commit(pending.address, pending.text);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Enter') commit();
    else if (event.key === 'Escape') setDraft(null);
    else return;
    event.preventDefault();
  }

  return (
    <div class="mp-formula-bar">
      <span class="mp-formula-bar__address" title={t('formulaBar.activeCell')}>
        {active()}
      </span>
      <NameInput model={props.model} address={active()} label={t('formulaBar.nameBox', { address: active() })} />
      <span class="mp-formula-bar__fx" aria-hidden="true">
        fx
      </span>
      <input
        class="mp-formula-bar__input"
        aria-label={t('formulaBar.label')}
        value={shown()}
        spellcheck={false}
        autocomplete="off"
        onInput={(event) => setDraft({ address: active(), text: event.currentTarget.value })}
        onKeyDown={onKeyDown}
        onBlur={commit}
      />
    </div>
  );
}
