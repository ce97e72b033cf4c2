import { describe, expect, it } from 'vitest';
import type { OpenReply, OpenRequest } from '../../../../src/session/contract';
import { currentDocumentText } from '../../../../src/share/currentDocument';
import { startDecision } from '../../../../src/ui/stores/persist/startDecision';

const MINE = '{"app":"momentum-playground","v":1,"state":{"mine":true}}';
const MY_ID = '1'.repeat(32);
const record = currentDocumentText(MY_ID, MINE, { title: 'my notes', cells: 3 });
let ids = 0;
const decide = (reply: Partial<OpenReply>, request: Partial<OpenRequest> = {}, safeMode = false) =>
  startDecision({
    reply: { source: 'saved', notices: [], replacedText: null, ...reply },
    request: { linkText: null, savedText: MINE, ...request },
    savedRecord: record,
    safeMode,
    newId: () => `new${++ids}`,
    now: 1000,
  });

describe('reading the start-up answer', () => {
  it('the saved sheet is the saved document, current already: nothing to keep or set aside', () => {
    expect(decide({ source: 'saved' })).toEqual({ doc: { id: MY_ID, proven: true }, current: { id: MY_ID, text: MINE }, keep: null, setAside: null, keepSavedAsIs: false });
  });

  it('a reload (a link of the saved sheet) is the same document', () => {
    expect(decide({ source: 'link' }, { linkText: '2.same' }).doc).toEqual({ id: MY_ID, proven: true });
  });

  it('a link that replaced the saved sheet is a new document, and the saved one is kept with its id and description', () => {
    const decided = decide({ source: 'link', replacedText: MINE, notices: [{ kind: 'linkReplacedLocal' }] }, { linkText: '2.other' });
    expect(decided.doc.proven).toBe(false);
    expect(decided.doc.id).not.toBe(MY_ID);
    expect(decided.current).toBeNull();
    expect(decided.keep).toMatchObject({ id: MY_ID, text: MINE, description: { title: 'my notes', cells: 3 }, savedAt: 1000 });
  });

  it('an unreadable saved sheet is set aside; one from a newer format is left as it is', () => {
    const damaged = decide({ source: 'default', notices: [{ kind: 'savedUnreadable', message: { key: 'share.error.badJson' } }] });
    expect(damaged).toMatchObject({ setAside: MINE, keepSavedAsIs: false, current: null, doc: { proven: false } });
    const newer = decide({ source: 'default', notices: [{ kind: 'newerFormat', message: { key: 'share.error.unknownVersion' } }] });
    expect(newer).toMatchObject({ setAside: null, keepSavedAsIs: true, current: null });
  });

  it('a newer-format link over a good saved sheet leaves the saved sheet alone and current', () => {
    const decided = decide({ source: 'saved', notices: [{ kind: 'newerFormat', message: { key: 'share.error.unknownVersion' } }] }, { linkText: '99.x' });
    expect(decided).toMatchObject({ doc: { id: MY_ID, proven: true }, keepSavedAsIs: false, setAside: null });
  });

  it('a valid link over a bad saved sheet: the saved sheet is dealt with, the link is new', () => {
    const decided = decide({ source: 'link', notices: [{ kind: 'newerFormat', message: { key: 'share.error.unknownVersion' } }] }, { linkText: '2.fine' });
    expect(decided.keepSavedAsIs).toBe(true);
    expect(decided.doc.proven).toBe(false);
  });

  it('the saved sheet in safe mode is its document but not current until it evaluates', () => {
    expect(decide({ source: 'saved' }, {}, true)).toMatchObject({ doc: { id: MY_ID, proven: false }, current: null });
  });
});
