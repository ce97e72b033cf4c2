import { describe, expect, it } from 'vitest';
import { openTextStore, readSlot, removeSlot, SLOT_KEYS, writeSlot } from '../../../src/share/textSlots';
import { FakeStorage } from './fakeStorage';

describe('localStorage slots', () => {
  it('write, read and remove text as is', () => {
    const store = new FakeStorage();
    expect(writeSlot(store, 'current', '{"v":2}')).toEqual({ ok: true });
    expect(store.items.get(SLOT_KEYS.current)).toBe('{"v":2}');
    expect(readSlot(store, 'current')).toBe('{"v":2}');
    expect(removeSlot(store, 'current')).toEqual({ ok: true });
    expect(readSlot(store, 'current')).toBeNull();
  });

  it('a full storage and a blocked one are typed results with a message key', () => {
    expect(writeSlot(new FakeStorage('quota'), 'journal', 'x')).toEqual({ ok: false, error: 'quotaExceeded', key: 'share.storage.quotaExceeded' });
    const blocked = new FakeStorage('blocked');
    expect(writeSlot(blocked, 'current', 'x')).toEqual({ ok: false, error: 'unavailable', key: 'share.storage.unavailable' });
    expect(readSlot(blocked, 'current')).toBeNull();
    expect(removeSlot(blocked, 'journal').ok).toBe(false);
  });

  it('storage whose very property throws (sandboxed frames) is no storage', () => {
    expect(
      openTextStore(() => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      }),
    ).toBeNull();
    expect(openTextStore(() => undefined)).toBeNull();
  });

  it('every slot has its own key', () => {
    const keys = Object.values(SLOT_KEYS);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
