import { describe, expect, it } from 'vitest';
import { createRecentSheetStore, MAX_RECENT_SHEETS, planRecents, recentSheet, sortedRecents, type AsyncKeyValue } from '../../../src/share/recentSheets';

type Description = { readonly title: string; readonly cells: number };
const isDescription = (value: unknown): value is Description => typeof (value as Description | null)?.title === 'string';
const sheet = (id: string, text: string, savedAt: number, title: string | null = null) =>
  recentSheet<Description>(id, text, savedAt, title === null ? null : { title, cells: 1 });

/** IndexedDB's behaviour as idb-keyval shows it, in memory: values are stored as structured clones. */
function memoryKeyValue(fail: 'none' | 'quota' | 'blocked' = 'none'): AsyncKeyValue & { readonly data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  const refuse = () => {
    if (fail === 'blocked') throw new DOMException('The operation is insecure.', 'SecurityError');
    if (fail === 'quota') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  // As IndexedDB does, a refusal arrives as a rejected promise, never as a throw.
  const settle = <T>(work: () => T): Promise<T> => {
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };
  return {
    data,
    entries: () =>
      settle(() => {
        if (fail === 'blocked') refuse();
        return [...data].map(([key, value]): [IDBValidKey, unknown] => [key, structuredClone(value)]);
      }),
    set: (key, value) =>
      settle(() => {
        refuse();
        data.set(key, structuredClone(value));
      }),
    delMany: (keys) =>
      settle(() => {
        refuse();
        keys.forEach((key) => data.delete(key));
      }),
  };
}

describe('planning the recent sheets', () => {
  it('a document’s new version replaces its entry, keeping a description it lacks', () => {
    const existing = [sheet('d1', 'old text', 1, 'mine')];
    const plan = planRecents(existing, sheet('d1', 'new text', 2));
    expect(plan.put).toEqual({ ...sheet('d1', 'new text', 2), description: { title: 'mine', cells: 1 } });
    expect(plan.remove).toEqual([]);
  });

  it('the same text under another document is one recent sheet, not two', () => {
    const plan = planRecents([sheet('d1', 'same', 1), sheet('d2', 'other', 2)], sheet('d3', 'same', 3));
    expect(plan.remove).toEqual(['d1']);
  });

  it(`keeps the newest ${MAX_RECENT_SHEETS} and never drops the one being stored`, () => {
    const existing = Array.from({ length: MAX_RECENT_SHEETS }, (_, index) => sheet(`d${index}`, `t${index}`, 100 + index));
    const plan = planRecents(existing, sheet('new', 'fresh', 1));
    expect(plan.put?.id).toBe('new');
    expect(plan.remove).toEqual(['d0']);
  });

  it('"if absent" keeps a sheet only when neither its document nor its text is listed', () => {
    const existing = [sheet('d1', 'text', 1, 'described')];
    expect(planRecents(existing, sheet('d1', 'changed', 2), { ifAbsent: true })).toEqual({ put: null, remove: [] });
    expect(planRecents(existing, sheet('d2', 'text', 2), { ifAbsent: true })).toEqual({ put: null, remove: [] });
    expect(planRecents(existing, sheet('d2', 'other', 2), { ifAbsent: true }).put?.id).toBe('d2');
  });

  it('lists newest first and leaves out what is not a recent sheet', () => {
    const listed = sortedRecents([sheet('a', 'x', 1), { id: 'broken' }, 'text', sheet('b', 'y', 5, 'b'), { ...sheet('c', 'z', 3), description: 7 }], isDescription);
    expect(listed.map((entry) => entry.id)).toEqual(['b', 'a']);
  });
});

describe('the recent sheets store', () => {
  it('keeps the last distinct sheets through many quick writes', async () => {
    const kv = memoryKeyValue();
    const store = createRecentSheetStore(kv, isDescription, 3);
    await Promise.all(Array.from({ length: 10 }, (_, index) => store.put(sheet(`d${index % 5}`, `text ${index}`, index))));
    const listed = await store.list();
    expect(listed.ok && listed.value.map((entry) => [entry.id, entry.text])).toEqual([
      ['d4', 'text 9'],
      ['d3', 'text 8'],
      ['d2', 'text 7'],
    ]);
  });

  it('a full or blocked storage is a typed result, never an exception', async () => {
    const full = createRecentSheetStore(memoryKeyValue('quota'), isDescription);
    expect(await full.put(sheet('d', 't', 1))).toEqual({ ok: false, error: 'quotaExceeded' });
    const blocked = createRecentSheetStore(memoryKeyValue('blocked'), isDescription);
    expect(await blocked.list()).toEqual({ ok: false, error: 'unavailable' });
    expect(await blocked.put(sheet('d', 't', 1))).toEqual({ ok: false, error: 'unavailable' });
    const none = createRecentSheetStore(null, isDescription);
    expect(await none.list()).toEqual({ ok: false, error: 'unavailable' });
    // A failed write does not stop the next one.
    const kv = memoryKeyValue();
    const store = createRecentSheetStore(kv, isDescription);
    expect(await store.put(sheet('d', 't', 1))).toEqual({ ok: true, value: undefined });
  });
});
