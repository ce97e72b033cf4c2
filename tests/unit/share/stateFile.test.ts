import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_STATE_FILE_CHARS, readStateFile, stateFileName, stateFileText } from '../../../src/share/stateFile';
import { chapterSheetFixture, sheetStateArb } from './sheetArbitraries';

describe('state files', () => {
  it('read back every valid sheet identically', () => {
    fc.assert(
      fc.property(sheetStateArb, (state) => {
        expect(readStateFile(stateFileText(state))).toEqual({ ok: true, state });
      }),
      { numRuns: 200 },
    );
  });

  it('are pretty JSON in the versioned envelope, with every field spelled out', () => {
    const text = stateFileText({ ...chapterSheetFixture(), names: {}, pins: [] });
    const parsed = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['app', 'v', 'state']);
    expect(parsed.app).toBe('momentum-playground');
    expect(parsed.v).toBe(1);
    expect(Object.keys(parsed.state as object)).toEqual(['rows', 'cols', 'cells', 'names', 'colWidths', 'charts', 'pins']);
    expect(text).toContain('\n  "v": 1,\n');
  });

  it('list cells row by row, so that a diff of two files reads like the sheet', () => {
    const text = stateFileText({ ...chapterSheetFixture(), cells: { B10: 'c', A2: 'b', C1: 'a' } });
    const cells = (JSON.parse(text) as { state: { cells: object } }).state.cells;
    expect(Object.keys(cells)).toEqual(['C1', 'A2', 'B10']);
  });

  it('open with a byte-order mark in front', () => {
    const state = chapterSheetFixture();
    expect(readStateFile(`\uFEFF${stateFileText(state)}`)).toEqual({ ok: true, state });
  });

  it('refuse unrelated JSON and empty or oversized files with a reason', () => {
    expect(readStateFile('{"name":"package","version":"1.0.0"}')).toMatchObject({ ok: false, error: { code: 'badSchema' } });
    expect(readStateFile('   ')).toMatchObject({ ok: false, error: { code: 'empty' } });
    expect(readStateFile('{"v":1,')).toMatchObject({ ok: false, error: { code: 'badJson' } });
    expect(readStateFile(' '.repeat(MAX_STATE_FILE_CHARS + 1))).toMatchObject({ ok: false, error: { code: 'tooLarge' } });
  });

  it('suggest a dated file name', () => {
    expect(stateFileName(new Date(2024, 0, 31))).toBe('momentum-sheet-2024-01-31.momentum.json');
  });
});
