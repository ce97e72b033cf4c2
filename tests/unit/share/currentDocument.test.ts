import { describe, expect, it } from 'vitest';
import { currentDocumentDescription, currentDocumentText, documentAtStart, newDocumentId, readCurrentDocument } from '../../../src/share/currentDocument';

const SAVED = '{"app":"momentum-playground","v":2,"state":{}}';
const ID = 'a'.repeat(32);
const record = currentDocumentText(ID, SAVED);
const base = { savedText: SAVED, savedRecord: record, replacedSaved: false, savedUnreadable: false, safeMode: false } as const;

describe('document ids', () => {
  it('are 32 hex digits and differ from one another', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newDocumentId()));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('a record names its document only beside the text it was written with', () => {
    expect(readCurrentDocument(record, SAVED)).toBe(ID);
    // Another tab wrote the text since: the id is not this text's.
    expect(readCurrentDocument(record, `${SAVED} `)).toBeNull();
    expect(readCurrentDocument('not json', SAVED)).toBeNull();
    expect(readCurrentDocument('{"id":"<script>","hash":"x"}', SAVED)).toBeNull();
    expect(readCurrentDocument(null, SAVED)).toBeNull();
  });

  it('a record can carry the sheet’s description', () => {
    const described = currentDocumentText(ID, SAVED, { title: 'my notes', cells: 3 });
    expect(readCurrentDocument(described, SAVED)).toBe(ID);
    expect(currentDocumentDescription(described)).toEqual({ title: 'my notes', cells: 3 });
    expect(currentDocumentDescription(record)).toBeNull();
    expect(currentDocumentDescription('{')).toBeNull();
  });
});

describe('the document shown after start-up', () => {
  it('the saved sheet is the saved document, and it is current already', () => {
    expect(documentAtStart({ ...base, source: 'saved' })).toEqual({ id: ID, proven: true });
  });

  it('a reload (a link of the same sheet as the saved one) keeps the document', () => {
    expect(documentAtStart({ ...base, source: 'link' })).toEqual({ id: ID, proven: true });
  });

  it('a link that replaced the saved sheet, the default sheet, or no saved sheet is a new document that must evaluate first', () => {
    expect(documentAtStart({ ...base, source: 'link', replacedSaved: true })).toEqual({ id: null, proven: false });
    expect(documentAtStart({ ...base, source: 'default' })).toEqual({ id: null, proven: false });
    expect(documentAtStart({ ...base, source: 'link', savedText: null, savedRecord: null })).toEqual({ id: null, proven: false });
  });

  it('a link over an unreadable saved sheet is a new document', () => {
    expect(documentAtStart({ ...base, source: 'link', savedUnreadable: true })).toEqual({ id: null, proven: false });
  });

  it('the saved sheet opened in safe mode keeps its document but is not current until it evaluates', () => {
    expect(documentAtStart({ ...base, source: 'saved', safeMode: true })).toEqual({ id: ID, proven: false });
  });
});
