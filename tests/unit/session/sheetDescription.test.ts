import { describe, expect, it } from 'vitest';
import { describeSheet, TITLE_CHARS } from '../../../src/session/sheetDescription';
import { defaultSheet } from '../../../src/sheet/defaultSheet';
import type { SheetState } from '../../../src/sheet/types';

const chapter = defaultSheet();
const withCells = (cells: Record<string, string>): SheetState => ({ ...chapter, cells: { ...chapter.cells, ...cells } });

describe('a sheet described for the recent sheets', () => {
  it('the chapter itself is named by its first note, with its cell count', () => {
    expect(describeSheet(chapter, chapter.cells)).toEqual({ title: { key: 'note.intro' }, cells: Object.keys(chapter.cells).length });
  });

  it('a text the user typed names the sheet, the first one in reading order', () => {
    const mine = withCells({ F2: 'my notes', B40: 'later text', A3: 'f =' });
    expect(describeSheet(mine, chapter.cells).title).toBe('my notes');
  });

  it('numbers, booleans and formulas are not titles; a long text is cut to one line', () => {
    expect(describeSheet(withCells({ F1: '0.5', F2: 'TRUE', F3: '=1+2' }), chapter.cells).title).toEqual({ key: 'note.intro' });
    const long = 'x'.repeat(200);
    const title = describeSheet(withCells({ F1: long }), chapter.cells).title;
    expect(typeof title === 'string' && title.length).toBe(TITLE_CHARS);
  });

  it('an empty sheet has no title and no cells', () => {
    expect(describeSheet({ ...chapter, cells: {} }, chapter.cells)).toEqual({ title: null, cells: 0 });
  });
});
