/** The grid's "Name cell…" popover: a NameInput next to the cell, closed by Enter or Esc. */
import { t } from '../../../i18n/localeStore';
import type { CellAddress } from '../../../sheet/types';
import type { GridModel } from '../../stores/gridModel';
import { NameInput } from './NameInput';
import { closeOnOutsidePress } from './outsidePress';

export interface NameDialogProps {
  readonly model: GridModel;
  readonly address: CellAddress;
  /** Where to show it (viewport pixels), usually just below the cell. */
  readonly x: number;
  readonly y: number;
  readonly onClose: () => void;
}

export function NameDialog(props: NameDialogProps) {
  let dialog!: HTMLDivElement;
  // eslint-disable-next-line solid/reactivity -- the callback runs on a later press, where props are read fresh.
  closeOnOutsidePress(() => dialog, () => props.onClose());
  const label = () => t('grid.nameDialog', { address: props.address });
  return (
    <div
      ref={dialog}
      role="dialog"
      aria-label={label()}
      class="mp-name-dialog"
      style={{ left: `${props.x}px`, top: `${props.y}px` }}
    >
      <NameInput model={props.model} address={props.address} label={label()} autofocus onDone={props.onClose} />
    </div>
  );
}
