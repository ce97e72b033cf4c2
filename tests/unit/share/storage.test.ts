import { describe, expect, it } from 'vitest';
import { encodeState } from '../../../src/share/codec';
import {
  clearSlot,
  copySlot,
  loadState,
  openBrowserStorage,
  saveState,
  STORAGE_KEYS,
} from '../../../src/share/storage';
import { FakeStorage } from './fakeStorage';
import { chapterSheetFixture } from './sheetArbitraries';

describe('autosave storage', () => {
  it('loads what it saved, slot by slot', () => {
    const store = new FakeStorage();
    const state = chapterSheetFixture();
    const other = { ...state, cells: { A1: 'other' } };
    expect(saveState(store, state)).toEqual({ ok: true });
    expect(saveState(store, other, 'previous')).toEqual({ ok: true });
    expect(loadState(store)).toEqual({ ok: true, state });
    expect(loadState(store, 'previous')).toEqual({ ok: true, state: other });
    expect(store.items.has(STORAGE_KEYS.current) && store.items.has(STORAGE_KEYS.previous)).toBe(true);
  });

  it('reports an empty slot as no state rather than an error', () => {
    expect(loadState(new FakeStorage())).toEqual({ ok: true, state: null });
  });

  it('reports a full storage as quotaExceeded without throwing', () => {
    expect(saveState(new FakeStorage('quota'), chapterSheetFixture())).toMatchObject({
      ok: false,
      error: { kind: 'storageError', code: 'quotaExceeded', key: 'share.storage.quotaExceeded' },
    });
  });

  it('reports blocked storage as unavailable on every operation', () => {
    const store = new FakeStorage('blocked');
    const unavailable = { ok: false, error: { code: 'unavailable' } };
    expect(saveState(store, chapterSheetFixture())).toMatchObject(unavailable);
    expect(loadState(store)).toMatchObject(unavailable);
    expect(clearSlot(store, 'previous')).toMatchObject(unavailable);
    expect(copySlot(store, 'current', 'unreadable')).toMatchObject(unavailable);
  });

  it('reports storage whose very property access throws as unavailable', () => {
    const blocked = () => {
      throw new DOMException('Access is denied for this document.', 'SecurityError');
    };
    expect(openBrowserStorage(blocked)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(openBrowserStorage(() => undefined)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    const store = new FakeStorage();
    expect(openBrowserStorage(() => store)).toEqual({ ok: true, store });
  });

  it('reports a damaged saved value as corrupted, with the reason, and leaves it in place', () => {
    for (const damaged of ['{"v":1,"state":', '{"v":1,"state":{"rows":-3}}', '{"__proto__":{},"v":1}', encodeState(chapterSheetFixture())]) {
      const store = new FakeStorage();
      store.items.set(STORAGE_KEYS.current, damaged);
      const loaded = loadState(store);
      expect(loaded).toMatchObject({ ok: false, error: { code: 'corrupted', cause: { kind: 'shareError' } } });
      expect(store.items.get(STORAGE_KEYS.current)).toBe(damaged);
    }
  });

  it('clears a slot and copies one verbatim', () => {
    const store = new FakeStorage();
    store.items.set(STORAGE_KEYS.current, 'not even JSON');
    expect(copySlot(store, 'current', 'unreadable')).toEqual({ ok: true });
    expect(store.items.get(STORAGE_KEYS.unreadable)).toBe('not even JSON');
    expect(clearSlot(store, 'current')).toEqual({ ok: true });
    expect(store.items.has(STORAGE_KEYS.current)).toBe(false);
  });
});
