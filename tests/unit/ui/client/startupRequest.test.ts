import { describe, expect, it } from 'vitest';
import { linkTextFromHash, startupRequest } from '../../../../src/ui/client/startupRequest';
import { writeSlot } from '../../../../src/share/textSlots';
import { textHash } from '../../../../src/share/textHash';
import { markTripped } from '../../../../src/share/trippedSheets';
import { FakeStorage } from '../../share/fakeStorage';
import { TAB_LINKS_KEY } from '../../../../src/ui/client/startupRequest';
import { withTabLink } from '../../../../src/share/tabLinks';

const noTab = { reload: false, store: null };

const SAVED = '{"v":2,"state":{"mine":true}}';

function storage(tripped: readonly string[] = []): FakeStorage {
  const store = new FakeStorage();
  writeSlot(store, 'current', SAVED);
  writeSlot(store, 'tripped', JSON.stringify(markTripped([], tripped.map(textHash), null, 1)));
  return store;
}

describe('the start-up request', () => {
  it('hands over the link and the autosave untouched', () => {
    expect(startupRequest('#s=2.abc+d', storage(), noTab)).toEqual({ linkText: '2.abc+d', savedText: SAVED });
    expect(startupRequest('', storage(), noTab)).toEqual({ linkText: null, savedText: SAVED });
    expect(startupRequest('#s=2.x', null, noTab)).toEqual({ linkText: '2.x', savedText: null });
  });

  it('a link that stopped the engine before opens in safe mode', () => {
    expect(startupRequest('#s=2.frozen', storage(['2.frozen']), noTab)).toEqual({ linkText: '2.frozen', savedText: SAVED, safeMode: true });
  });

  it('a saved sheet that stopped the engine opens in safe mode on a plain visit, but not under a link that opens instead', () => {
    expect(startupRequest('', storage([SAVED]), noTab).safeMode).toBe(true);
    expect(startupRequest('#s=2.other', storage([SAVED]), noTab).safeMode).toBeUndefined();
  });

  it('a reload of a link this tab wrote before its newest opens the newest (it was written while the reload began)', () => {
    const tab = new FakeStorage();
    tab.setItem(TAB_LINKS_KEY, JSON.stringify(withTabLink(withTabLink(null, '2.before'), '2.after')));
    expect(startupRequest('#s=2.before', storage(), { reload: true, store: tab }).linkText).toBe('2.after');
    // Not a reload: the user opened that link on purpose.
    expect(startupRequest('#s=2.before', storage(), { reload: false, store: tab }).linkText).toBe('2.before');
    expect(startupRequest('#s=2.elsewhere', storage(), { reload: true, store: tab }).linkText).toBe('2.elsewhere');
  });

  it('reads the `s` parameter without turning + into spaces', () => {
    expect(linkTextFromHash('#x=1&s=1.a+b')).toBe('1.a+b');
    expect(linkTextFromHash('#x=1')).toBeNull();
  });
});
