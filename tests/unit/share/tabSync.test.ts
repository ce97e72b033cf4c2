import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asSavedMessage, newTabId, syncAction, type SavedMessage, type TabView } from '../../../src/share/tabSync';

const view = (overrides: Partial<TabView> = {}): TabView => ({ tab: 'b', doc: 'd', known: 'h0', shown: 'h0', busy: false, ...overrides });
const saved = (overrides: Partial<SavedMessage> = {}): SavedMessage => ({ kind: 'saved', tab: 'a', doc: 'd', hash: 'h1', base: 'h0', text: 'T1', ...overrides });

describe('what a tab does with another tab’s save', () => {
  it('takes a continuation of what it shows when it has nothing of its own in flight', () => {
    expect(syncAction(view(), saved())).toBe('adopt');
  });

  it('ignores its own saves, other documents and what it already shows', () => {
    expect(syncAction(view(), saved({ tab: 'b' }))).toBe('ignore');
    expect(syncAction(view(), saved({ doc: 'other' }))).toBe('ignore');
    expect(syncAction(view(), saved({ hash: 'h0' }))).toBe('same');
  });

  it('never takes a version over an edit of its own: concurrent versions split, the newer tab forks', () => {
    // This tab changed the sheet since the version the other one started from...
    expect(syncAction(view({ tab: 'b', known: 'h2', shown: 'h2' }), saved({ tab: 'a' }))).toBe('fork');
    expect(syncAction(view({ tab: 'a', known: 'h2', shown: 'h2' }), saved({ tab: 'b' }))).toBe('keep');
    // ...or has an edit in flight, or shows something it has not announced yet.
    expect(syncAction(view({ busy: true }), saved())).toBe('fork');
    expect(syncAction(view({ shown: 'h5' }), saved())).toBe('fork');
    // A sender that had nothing in common with this tab (a document new to it) is no continuation either.
    expect(syncAction(view(), saved({ base: null }))).toBe('fork');
  });

  it('tab ids sort by the time their tab opened', () => {
    const older = newTabId(1_700_000_000_000, () => 0.99);
    const newer = newTabId(1_700_000_000_001, () => 0);
    expect(older < newer).toBe(true);
  });

  it('reads only its own messages off the channel', () => {
    expect(asSavedMessage(saved())).toEqual(saved());
    expect(asSavedMessage({ ...saved(), base: 3 })).toBeNull();
    expect(asSavedMessage({ kind: 'other' })).toBeNull();
    expect(asSavedMessage('saved')).toBeNull();
  });
});

/**
 * Two tabs on one document, each editing and receiving the other's saves in any interleaving (a
 * BroadcastChannel keeps each sender's order). A version's `ancestors` are the versions it was
 * made on top of. Nothing may be lost: every version ever made ends up included in what a tab
 * shows or in a recent sheet, a tab never takes a version that does not include what it showed,
 * and two tabs left on one document show the same version.
 */
describe('two tabs editing one document', () => {
  type Op = { kind: 'edit' | 'deliver'; tab: 0 | 1 };
  interface Tab {
    id: string;
    doc: string;
    shown: string;
    known: string | null;
    inbox: SavedMessage[];
  }

  function simulate(ops: readonly Op[]) {
    const ancestors = new Map<string, Set<string>>([['v0', new Set()]]);
    const recents = new Map<string, string>([['d', 'v0']]);
    const tabs: Tab[] = [
      { id: 'tab-old', doc: 'd', shown: 'v0', known: 'v0', inbox: [] },
      { id: 'tab-new', doc: 'd', shown: 'v0', known: 'v0', inbox: [] },
    ];
    let versions = 0;
    let docs = 0;
    const includes = (version: string, other: string) => version === other || ancestors.get(version)!.has(other);
    const post = (from: number, message: SavedMessage) => tabs[1 - from].inbox.push(message);
    const announce = (index: number) => {
      const tab = tabs[index];
      post(index, { kind: 'saved', tab: tab.id, doc: tab.doc, hash: tab.shown, base: tab.known, text: tab.shown });
      tab.known = tab.shown;
    };
    const deliver = (index: number) => {
      const tab = tabs[index];
      const message = tab.inbox.shift();
      if (message === undefined) return;
      const action = syncAction({ tab: tab.id, doc: tab.doc, known: tab.known, shown: tab.shown, busy: false }, message);
      if (action === 'same') tab.known = message.hash;
      if (action === 'adopt') {
        expect(includes(message.text, tab.shown)).toBe(true);
        tab.shown = message.text;
        tab.known = message.hash;
      }
      if (action === 'fork') {
        tab.doc = `fork${++docs}`;
        tab.known = tab.shown;
        recents.set(tab.doc, tab.shown);
      }
      if (action === 'keep') {
        post(index, { kind: 'saved', tab: tab.id, doc: tab.doc, hash: tab.shown, base: tab.known, text: tab.shown });
        recents.set(tab.doc, tab.shown);
      }
    };
    const made: string[] = [];
    for (const op of ops) {
      if (op.kind === 'deliver') {
        deliver(op.tab);
        continue;
      }
      const tab = tabs[op.tab];
      const version = `v${++versions}`;
      ancestors.set(version, new Set([...ancestors.get(tab.shown)!, tab.shown]));
      made.push(version);
      tab.shown = version;
      recents.set(tab.doc, version);
      announce(op.tab);
    }
    while (tabs.some((tab) => tab.inbox.length > 0)) tabs.forEach((_, index) => deliver(index));
    return { tabs, recents, made, includes };
  }

  const ops = fc.array(fc.record({ kind: fc.constantFrom<'edit' | 'deliver'>('edit', 'deliver'), tab: fc.constantFrom<0 | 1>(0, 1) }), { maxLength: 40 });

  it('loses nothing and never leaves two tabs on one document showing different versions', () => {
    fc.assert(
      fc.property(ops, (sequence) => {
        const { tabs, recents, made, includes } = simulate(sequence);
        if (tabs[0].doc === tabs[1].doc) expect(tabs[0].shown).toBe(tabs[1].shown);
        for (const tab of tabs) expect(recents.get(tab.doc)).toBe(tab.shown);
        const kept = [...tabs.map((tab) => tab.shown), ...recents.values()];
        for (const version of made) expect(kept.some((final) => includes(final, version)), version).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('edits taken in turns (each seen before the next) stay one document in both tabs', () => {
    const turns: Op[] = [];
    for (let round = 0; round < 6; round++) turns.push({ kind: 'edit', tab: (round % 2) as 0 | 1 }, { kind: 'deliver', tab: ((round + 1) % 2) as 0 | 1 });
    const { tabs } = simulate(turns);
    expect(tabs[0].doc).toBe('d');
    expect(tabs[1].doc).toBe('d');
    expect(tabs[0].shown).toBe('v6');
  });
});
