/**
 * The chapter's gradient erratum, said once at the top: the product reproduces the book exactly,
 * so it must also say plainly where the book's code is wrong. Dismissible for this visit.
 */
import { createSignal, Show, type JSX } from 'solid-js';
import { t } from '../../i18n/localeStore';

export function ErratumNote(): JSX.Element {
  const [open, setOpen] = createSignal(true);
  return (
    <Show when={open()}>
      <aside class="notice notice-erratum" aria-label={t('banner.erratumLabel')}>
        <span>{t('banner.erratum')}</span>
        <button type="button" class="notice-dismiss" aria-label={t('banner.erratumHide')} onClick={() => setOpen(false)}>
          ×
        </button>
      </aside>
    </Show>
  );
}
