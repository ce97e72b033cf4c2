/**
 * Banners for what the user must know: a broken link (their own sheet stays), a link that
 * replaced their local sheet (restore it), storage trouble, a sheet too large for a link, a
 * worker that had to be restarted.
 */
import { For, Show, type JSX } from 'solid-js';
import type { Notice, Persistence } from '../stores/persistence';
import { t, tm } from '../../i18n/localeStore';

function noticeText(notice: Notice): string {
  switch (notice.kind) {
    case 'brokenLink':
      return t(notice.kept ? 'banner.linkInvalidKept' : 'banner.linkInvalid', { reason: tm(notice.message) });
    case 'linkReplacedLocal':
      return t('banner.linkReplacedLocal');
    case 'savedUnreadable':
      return t('banner.savedUnreadable');
    case 'newerFormat':
      return t('banner.newerFormat', { reason: tm(notice.message) });
    case 'migrated':
      return t('banner.linkMigrated');
    case 'storage':
      return t(notice.key);
    case 'tooLongForLink':
      return t('banner.tooLongForLink', { length: notice.length });
    case 'restored':
      return t('banner.restored');
    case 'fileRefused':
      return t('banner.fileRefused', { reason: tm(notice.message) });
    case 'workerRestarted':
      if (notice.safeMode) return t('banner.workerSafeMode');
      return t(notice.dropped > 0 ? 'banner.workerRestartedDropped' : 'banner.workerRestarted', { count: notice.dropped });
  }
}

const ALERTS: ReadonlySet<Notice['kind']> = new Set(['brokenLink', 'newerFormat', 'fileRefused', 'workerRestarted']);

export function Notices(props: { persistence: Persistence }): JSX.Element {
  return (
    <div class="notices">
      <For each={props.persistence.notices()}>
        {(notice) => (
          <div class={`notice notice-${notice.kind}`} role={ALERTS.has(notice.kind) ? 'alert' : 'status'}>
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
