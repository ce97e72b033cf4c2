import { describe, expect, it } from 'vitest';
import { entriesFor, JOURNAL_LIMITS, journalText, parseJournal, withEntry, withoutEntries, type JournalEntry } from '../../../src/share/journal';

type Edit = { readonly kind: 'setCells' | 'undo' };
const isEdit = (intent: { readonly kind: string }): intent is Edit => intent.kind === 'setCells' || intent.kind === 'undo';
const edit: Edit = { kind: 'undo' };
const entry = (tab: string, base: string, at: number, intents: Edit[] = [edit]): JournalEntry<Edit> => ({ tab, base, at, intents });

describe('the journal of unreflected edits', () => {
  it('round-trips through its slot text', () => {
    const list = [entry('t1', 'b1', 1), entry('t2', 'b2', 2)];
    expect(parseJournal(journalText(list), isEdit)).toEqual(list);
    expect(journalText([])).toBeNull();
  });

  it('reads anything damaged as no entry (a sequence with a damaged step is not replayed in part), and keeps only intents it may replay', () => {
    expect(parseJournal(null, isEdit)).toEqual([]);
    expect(parseJournal('{', isEdit)).toEqual([]);
    expect(parseJournal('{"tab":"t"}', isEdit)).toEqual([]);
    expect(parseJournal('[{"tab":"t","base":"b","at":"soon","intents":[]}, 7, null]', isEdit)).toEqual([]);
    const damaged = JSON.stringify([{ tab: 't', base: 'b', at: 1, intents: [{ kind: 'undo' }, 'x', { kind: 5 }] }]);
    expect(parseJournal(damaged, isEdit)).toEqual([]);
    const mixed = JSON.stringify([{ tab: 't', base: 'b', at: 1, intents: [{ kind: 'undo' }, { kind: 'evaluate' }] }]);
    expect(parseJournal(mixed, isEdit)).toEqual([entry('t', 'b', 1)]);
  });

  it('a tab replaces only its own entry; an empty entry removes it', () => {
    const list = [entry('t1', 'b', 1), entry('t2', 'b', 2)];
    expect(withEntry(list, 't1', entry('t1', 'c', 3), 3)).toEqual([entry('t2', 'b', 2), entry('t1', 'c', 3)]);
    expect(withEntry(list, 't1', entry('t1', 'c', 3, []), 3)).toEqual([entry('t2', 'b', 2)]);
    expect(withEntry(list, 't1', null, 3)).toEqual([entry('t2', 'b', 2)]);
  });

  it('forgets entries older than a week and keeps the newest few', () => {
    const old = entry('old', 'b', 0);
    expect(withEntry([old], 'me', entry('me', 'b', JOURNAL_LIMITS.ageMs + 1), JOURNAL_LIMITS.ageMs + 1)).toEqual([entry('me', 'b', JOURNAL_LIMITS.ageMs + 1)]);
    const many = Array.from({ length: 10 }, (_, index) => entry(`t${index}`, 'b', index));
    const kept = withEntry(many, 'me', entry('me', 'b', 100), 100);
    expect(kept).toHaveLength(JOURNAL_LIMITS.entries);
    expect(kept.at(-1)?.tab).toBe('me');
  });

  it('is replayed only on the sheet it was written over, oldest first', () => {
    const list = [entry('t2', 'mine', 5), entry('t1', 'other', 1), entry('t1b', 'mine', 2)];
    expect(entriesFor(list, 'mine').map((item) => item.tab)).toEqual(['t1b', 't2']);
    expect(entriesFor(list, 'nobody')).toEqual([]);
  });

  it('replayed entries can be removed (also when read back as copies)', () => {
    const list = [entry('t1', 'b', 1), entry('t2', 'b', 2)];
    const copies = parseJournal(journalText([list[0]]), isEdit);
    expect(withoutEntries(list, copies)).toEqual([entry('t2', 'b', 2)]);
  });
});
