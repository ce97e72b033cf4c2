/**
 * The chapter's gradient erratum, said once at the top: the product reproduces the book exactly,
 * so it must also say plainly where the book's code is wrong. What it says follows the gradient
 * switch of the chapter's layout (B6, named grad_mode): how to run the true gradient while the
 * sheet runs the printed one, and how to go back once it runs the true one. Dismissible for this visit.
 */
import { createSignal, Show, type JSX } from 'solid-js';
import type { GridModel } from '../stores/gridModel';
import { t } from '../../i18n/localeStore';

/** Where the chapter's layout keeps its gradient switch (the note's own text names it). */
const GRADIENT_SWITCH = 'B6';

export function ErratumNote(props: { model: GridModel }): JSX.Element {
  const [open, setOpen] = createSignal(true);
  const corrected = () =>
    props.model.nameOf(GRADIENT_SWITCH)?.toLowerCase() === 'grad_mode' && props.model.cellView(GRADIENT_SWITCH).text.trim() === 'corrected';
  return (
    <Show when={open()}>
      <aside class="notice notice-erratum" aria-label={t('banner.erratumLabel')}>
        <span>{t(corrected() ? 'banner.erratumCorrected' : 'banner.erratum')}</span>
        <button type="button" class="notice-dismiss" aria-label={t('banner.erratumHide')} onClick={() => setOpen(false)}>
          ×
        </button>
      </aside>
    </Show>
  );
}
