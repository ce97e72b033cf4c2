/**
 * Banners for what the user must know about their work: a broken or newer-format link (their own
 * sheet stays), a link that replaced their sheet (restore it), a sheet in safe mode (why, the
 * recent sheets, "Evaluate anyway"), another tab's edits, storage trouble, a sheet too large for a
 * link, a worker that had to be restarted.
 */
import { For, Show, type JSX } from 'solid-js';
import type { Notice, Persistence } from '../stores/persistence';
import { t, tm } from '../../i18n/localeStore';
import { RecentSheets } from './RecentSheets';

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
    case 'recentsStorage':
      return t(notice.error === 'quotaExceeded' ? 'banner.recentsFull' : 'banner.recentsUnavailable');
    case 'tooLongForLink':
      return t('banner.tooLongForLink', { length: notice.length });
    case 'restored':
      return t('banner.restored');
    case 'fileRefused':
      return t('banner.fileRefused', { reason: tm(notice.message) });
    case 'workerRestarted':
      if (notice.safeMode) return t('banner.workerSafeMode');
      return t(notice.dropped > 0 ? 'banner.workerRestartedDropped' : 'banner.workerRestarted', { count: notice.dropped });
    case 'safeMode':
      return `${t(notice.reason === 'tripped' ? 'banner.safeModeTripped' : 'banner.workerSafeMode')} ${t('banner.safeModeHint')}`;
    case 'tabMerged':
      return t('banner.tabMerged');
    case 'tabForked':
      return t('banner.tabForked');
    case 'tabKept':
      return t('banner.tabKept');
  }
}

const ALERTS: ReadonlySet<Notice['kind']> = new Set(['brokenLink', 'newerFormat', 'fileRefused', 'workerRestarted', 'safeMode', 'tabForked']);

export function Notices(props: { persistence: Persistence }): JSX.Element {
  const persistence = () => props.persistence;
  return (
    <div class="notices">
      <For each={persistence().notices()}>
        {(notice) => (
          <div class={`notice notice-${notice.kind}`} role={ALERTS.has(notice.kind) ? 'alert' : 'status'}>
            <span>{noticeText(notice)}</span>
            <Show when={notice.kind === 'linkReplacedLocal'}>
              <button type="button" onClick={() => void persistence().restorePrevious()}>
                {t('banner.restorePrevious')}
              </button>
            </Show>
            <Show when={notice.kind === 'safeMode'}>
              <RecentSheets persistence={persistence()} />
              <button type="button" onClick={() => persistence().evaluateAnyway()}>
                {t('banner.evaluateAnyway')}
              </button>
            </Show>
            <Show when={notice.kind === 'tabForked'}>
              <button type="button" onClick={() => void persistence().loadOtherTab()}>
                {t('banner.loadOtherTab')}
              </button>
              <button type="button" onClick={() => persistence().dismiss(notice)}>
                {t('banner.keepMine')}
              </button>
            </Show>
            {/* Safe mode lasts until the sheet is evaluated or replaced: its banner holds the way out. */}
            <Show when={notice.kind !== 'safeMode'}>
              <button type="button" class="notice-dismiss" aria-label={t('banner.dismiss')} onClick={() => persistence().dismiss(notice)}>
                ×
              </button>
            </Show>
          </div>
        )}
      </For>
    </div>
  );
}
