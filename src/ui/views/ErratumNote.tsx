/**
 * The chapter's gradient erratum, said once at the top: the product reproduces the book exactly,
 * so it must also say plainly where the book's code is wrong. What it says follows the sheet's
 * gradient switch (the cell named grad_mode, wherever the session found it): how to run the true
 * gradient while the sheet runs the printed one, how to go back once it runs the true one, and,
 * in a sheet without the switch, where to find it. Dismissible for this visit.
 */
import { createSignal, Show, type JSX } from 'solid-js';
import type { GradientSwitch } from '../../session/contract';
import { t } from '../../i18n/localeStore';

function erratumText(gradient: GradientSwitch | null): string {
  if (gradient === null) return t('banner.erratumNoSwitch');
  return t(gradient.mode === 'corrected' ? 'banner.erratumCorrected' : 'banner.erratum', { cell: gradient.address });
}

/** `gradientSwitch` is undefined until the session has described the sheet: nothing is said before. */
export function ErratumNote(props: { gradientSwitch: GradientSwitch | null | undefined }): JSX.Element {
  const [open, setOpen] = createSignal(true);
  return (
    <Show when={open() && props.gradientSwitch !== undefined}>
      <aside class="notice notice-erratum" aria-label={t('banner.erratumLabel')}>
        <span>{erratumText(props.gradientSwitch ?? null)}</span>
        <button type="button" class="notice-dismiss" aria-label={t('banner.erratumHide')} onClick={() => setOpen(false)}>
          ×
        </button>
      </aside>
    </Show>
  );
}
