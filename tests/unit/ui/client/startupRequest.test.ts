import { describe, expect, it } from 'vitest';
import { linkTextFromHash, startupRequest } from '../../../../src/ui/client/startupRequest';
import { writeSlot } from '../../../../src/share/textSlots';
import { textHash } from '../../../../src/share/textHash';
import { markTripped } from '../../../../src/share/trippedSheets';
import { FakeStorage } from '../../share/fakeStorage';

const SAVED = '{"v":2,"state":{"mine":true}}';

function storage(tripped: readonly string[] = []): FakeStorage {
  const store = new FakeStorage();
  writeSlot(store, 'current', SAVED);
  writeSlot(store, 'tripped', JSON.stringify(markTripped([], tripped.map(textHash), null, 1)));
  return store;
}

describe('the start-up request', () => {
  it('hands over the link and the autosave untouched', () => {
    expect(startupRequest('#s=2.abc+d', storage())).toEqual({ linkText: '2.abc+d', savedText: SAVED });
    expect(startupRequest('', storage())).toEqual({ linkText: null, savedText: SAVED });
    expect(startupRequest('#s=2.x', null)).toEqual({ linkText: '2.x', savedText: null });
  });

  it('a link that stopped the engine before opens in safe mode', () => {
    expect(startupRequest('#s=2.frozen', storage(['2.frozen']))).toEqual({ linkText: '2.frozen', savedText: SAVED, safeMode: true });
  });

  it('a saved sheet that stopped the engine opens in safe mode on a plain visit, but not under a link that opens instead', () => {
    expect(startupRequest('', storage([SAVED])).safeMode).toBe(true);
    expect(startupRequest('#s=2.other', storage([SAVED])).safeMode).toBeUndefined();
  });

  it('reads the `s` parameter without turning + into spaces', () => {
    expect(linkTextFromHash('#x=1&s=1.a+b')).toBe('1.a+b');
    expect(linkTextFromHash('#x=1')).toBeNull();
  });
});
