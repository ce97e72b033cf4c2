/**
 * A text box that names a cell through `model.setName`, showing the model's error sentence when
 * the name is refused. Used by the formula bar's name box and the grid's "Name cell…" dialog.
 */
import { createEffect, createSignal, createUniqueId, on, onMount, Show } from 'solid-js';
import { t } from '../../../i18n/localeStore';
import type { CellAddress } from '../../../sheet/types';
import type { GridModel } from '../../stores/gridModel';

export interface NameInputProps {
  readonly model: GridModel;
  readonly address: CellAddress;
  readonly label: string;
  readonly autofocus?: boolean;
  /** Called after a successful Enter and after Esc. */
  readonly onDone?: () => void;
}

interface NameDraft {
  readonly address: CellAddress;
  readonly text: string;
}

export function NameInput(props: NameInputProps) {
  let input!: HTMLInputElement;
  // A draft belongs to one address, so moving to another cell shows that cell's name again.
  const [draft, setDraft] = createSignal<NameDraft | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const errorId = createUniqueId();
  const currentName = () => props.model.nameOf(props.address) ?? '';
  const shown = () => {
    const pending = draft();
    return pending && pending.address === props.address ? pending.text : currentName();
  };

  createEffect(on(() => props.address, () => setError(null), { defer: true }));
  onMount(() => {
    if (!props.autofocus) return;
    input.focus();
    input.select();
  });

  async function submit() {
    const name = shown().trim();
    if (name !== currentName()) {
      const refusal = await props.model.setName(props.address, name === '' ? null : name);
      setError(refusal);
      if (refusal !== null) return;
    }
    setDraft(null);
    props.onDone?.();
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Enter') void submit();
    else if (event.key === 'Escape') {
      setDraft(null);
      setError(null);
      props.onDone?.();
    } else return;
    event.preventDefault();
    event.stopPropagation();
  }

  return (
    <span class="mp-name-input">
      <input
        ref={input}
        class="mp-name-input__field"
        aria-label={props.label}
        title={t('formulaBar.nameHint')}
        placeholder={t('formulaBar.namePlaceholder')}
        value={shown()}
        spellcheck={false}
        autocomplete="off"
        aria-invalid={error() ? 'true' : undefined}
        aria-describedby={error() ? errorId : undefined}
        onInput={(event) => setDraft({ address: props.address, text: event.currentTarget.value })}
        onKeyDown={onKeyDown}
      />
      <Show when={error()}>
        {(message) => (
          <span id={errorId} role="alert" class="mp-name-input__error">
            {message()}
          </span>
        )}
      </Show>
    </span>
  );
}
