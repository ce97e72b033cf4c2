import { describe, expect, it } from 'vitest';
import { shareError } from '../../../src/share/errors';
import { persistStartup, resolveStartup, swapWithPrevious } from '../../../src/share/startup';
import { loadState, saveState, STORAGE_KEYS } from '../../../src/share/storage';
import type { SheetState } from '../../../src/sheet/types';
import { FakeStorage } from './fakeStorage';
import { chapterSheetFixture } from './sheetArbitraries';

const defaultState = chapterSheetFixture();
const local: SheetState = { ...defaultState, cells: { A1: 'my own work' } };
const linked: SheetState = { ...defaultState, cells: { A1: 'from a colleague' } };
const brokenLink = { ok: false as const, error: shareError('notCompressed') };
const corrupted = { ok: false as const, error: { kind: 'storageError' as const, code: 'corrupted' as const, key: 'share.storage.corrupted' as const } };

describe('startup policy', () => {
  it('opens a link over a different local sheet, keeping the local one as previous', () => {
    const decision = resolveStartup({ hashState: { ok: true, state: linked }, savedState: { ok: true, state: local }, defaultState });
    expect(decision.state).toBe(linked);
    expect(decision.source).toBe('link');
    expect(decision.previousLocal).toBe(local);
    expect(decision.banner).toMatchObject({ kind: 'linkReplacedLocal', key: 'share.banner.linkReplacedLocal' });
  });

  it('keeps nothing aside when the local sheet is the linked one (e.g. a reload)', () => {
    const sameButReordered: SheetState = { ...linked, names: Object.fromEntries(Object.entries(linked.names).reverse()) };
    const decision = resolveStartup({ hashState: { ok: true, state: linked }, savedState: { ok: true, state: sameButReordered }, defaultState });
    expect(decision).toEqual({ state: linked, source: 'link' });
  });

  it('opens a link directly when nothing is saved or storage is missing', () => {
    for (const savedState of [{ ok: true as const, state: null }, null]) {
      expect(resolveStartup({ hashState: { ok: true, state: linked, migratedFrom: 0 }, savedState, defaultState })).toEqual({
        state: linked,
        source: 'link',
        migratedFrom: 0,
      });
    }
  });

  it('falls back to the saved sheet, untouched, when the link is broken', () => {
    const decision = resolveStartup({ hashState: brokenLink, savedState: { ok: true, state: local }, defaultState });
    expect(decision).toEqual({ state: local, source: 'saved', banner: { kind: 'brokenLink', error: brokenLink.error } });
  });

  it('falls back to the default sheet when the link is broken and nothing is saved', () => {
    const decision = resolveStartup({ hashState: brokenLink, savedState: null, defaultState });
    expect(decision).toMatchObject({ state: defaultState, source: 'default', banner: { kind: 'brokenLink' } });
  });

  it('restores the saved sheet without a link, and the default without either', () => {
    expect(resolveStartup({ hashState: null, savedState: { ok: true, state: local }, defaultState })).toEqual({ state: local, source: 'saved' });
    expect(resolveStartup({ hashState: null, savedState: { ok: true, state: null }, defaultState })).toEqual({ state: defaultState, source: 'default' });
  });

  it('flags an unreadable autosave so that it is copied aside before being overwritten', () => {
    const decision = resolveStartup({ hashState: null, savedState: corrupted, defaultState });
    expect(decision).toMatchObject({ state: defaultState, source: 'default', savedUnreadable: true, banner: { kind: 'savedUnreadable' } });
    const withLink = resolveStartup({ hashState: { ok: true, state: linked }, savedState: corrupted, defaultState });
    expect(withLink).toMatchObject({ state: linked, savedUnreadable: true, banner: { kind: 'savedUnreadable' } });
  });
});

describe('persisting the startup decision', () => {
  it('stores the replaced local sheet as previous and the link as current', () => {
    const store = new FakeStorage();
    saveState(store, local);
    const decision = resolveStartup({ hashState: { ok: true, state: linked }, savedState: loadState(store), defaultState });
    expect(persistStartup(store, decision)).toEqual({ ok: true });
    expect(loadState(store, 'previous')).toEqual({ ok: true, state: local });
    expect(loadState(store, 'current')).toEqual({ ok: true, state: linked });
  });

  it('does not overwrite the local sheet when it cannot first be kept aside', () => {
    const store = new FakeStorage();
    saveState(store, local);
    const before = store.items.get(STORAGE_KEYS.current);
    const decision = resolveStartup({ hashState: { ok: true, state: linked }, savedState: loadState(store), defaultState });
    // Storage fills up between loading and persisting: only the previous slot write is attempted.
    let writes = 0;
    const fullAfterLoad = {
      getItem: (key: string) => store.getItem(key),
      removeItem: (key: string) => store.removeItem(key),
      setItem: () => {
        writes += 1;
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    expect(persistStartup(fullAfterLoad, decision)).toMatchObject({ ok: false, error: { code: 'quotaExceeded' } });
    expect(writes).toBe(1);
    expect(store.items.get(STORAGE_KEYS.current)).toBe(before);
  });

  it('copies an unreadable autosave aside before writing the new current sheet', () => {
    const store = new FakeStorage();
    store.items.set(STORAGE_KEYS.current, '{"v":7,"state":"from a future version"}');
    const decision = resolveStartup({ hashState: null, savedState: loadState(store), defaultState });
    expect(persistStartup(store, decision)).toEqual({ ok: true });
    expect(store.items.get(STORAGE_KEYS.unreadable)).toBe('{"v":7,"state":"from a future version"}');
    expect(loadState(store)).toEqual({ ok: true, state: defaultState });
  });

  it('restore previous swaps the two sheets, so that it can itself be undone', () => {
    const store = new FakeStorage();
    saveState(store, linked);
    saveState(store, local, 'previous');
    expect(swapWithPrevious(store, linked)).toEqual({ ok: true, state: local });
    expect(loadState(store)).toEqual({ ok: true, state: local });
    expect(swapWithPrevious(store, local)).toEqual({ ok: true, state: linked });
    expect(loadState(store, 'previous')).toEqual({ ok: true, state: local });
  });

  it('restore previous with nothing kept changes nothing', () => {
    const store = new FakeStorage();
    saveState(store, linked);
    expect(swapWithPrevious(store, linked)).toEqual({ ok: true, state: null });
    expect(loadState(store)).toEqual({ ok: true, state: linked });
  });
});
