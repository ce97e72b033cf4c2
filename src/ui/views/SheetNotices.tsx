/** Notices the sheet raises about itself (e.g. a gradient that no longer fits f), with the fix as a button. */
import { createMemo, For, Show, type JSX } from 'solid-js';
import type { SheetStore } from '../stores/sheetStore';
import { tm } from '../../i18n/localeStore';

export function SheetNotices(props: { sheet: SheetStore }): JSX.Element {
  // Equal notices keep their banners (and the focus on their buttons) across edits.
  const notices = createMemo(() => props.sheet.meta()?.notices ?? [], [], { equals: (a, b) => JSON.stringify(a) === JSON.stringify(b) });
  return (
    <div class="notices">
      <For each={notices()}>
        {(notice) => (
          <div class={`notice notice-sheet notice-${notice.id}`} role="alert">
            <span>{tm(notice.message)}</span>
            <Show when={notice.action}>
              {(action) => (
                <button type="button" onClick={() => props.sheet.send(action().intent)}>
                  {tm(action().label)}
                </button>
              )}
            </Show>
          </div>
        )}
      </For>
    </div>
  );
}
