/**
 * Banners for what the user must know: a broken link (their own sheet stays), a link that
 * replaced their local sheet (restore it), storage trouble, a sheet too large for a link.
 */
import { For, Show, type JSX } from 'solid-js';
import type { Notice, Persistence } from '../stores/persistence';
import { t } from '../../i18n/localeStore';

function noticeText(notice: Notice): string {
  switch (notice.kind) {
    case 'brokenLink':
      return t(notice.kept ? 'banner.linkInvalidKept' : 'banner.linkInvalid', { reason: t(notice.key, notice.args) });
    case 'linkReplacedLocal':
      return t('banner.linkReplacedLocal');
    case 'savedUnreadable':
      return t('banner.savedUnreadable');
    case 'storage':
      return t(notice.key);
    case 'tooLongForLink':
      return t('banner.tooLongForLink', { length: notice.length });
    case 'restored':
      return t('banner.restored');
  }
}

export function Notices(props: { persistence: Persistence }): JSX.Element {
  return (
    <div class="notices">
      <For each={props.persistence.notices()}>
        {(notice) => (
          <div class={`notice notice-${notice.kind}`} role={notice.kind === 'brokenLink' ? 'alert' : 'status'}>
            <span>{noticeText(notice)}</span>
            <Show when={notice.kind === 'linkReplacedLocal'}>
              <button type="button" onClick={() => props.persistence.restorePrevious()}>
                {t('banner.restorePrevious')}
              </button>
            </Show>
            <button type="button" class="notice-dismiss" aria-label={t('banner.dismiss')} onClick={() => props.persistence.dismiss(notice)}>
              ×
            </button>
          </div>
        )}
      </For>
    </div>
  );
}
