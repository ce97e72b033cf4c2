import { describe, expect, it } from 'vitest';
import { SHEET_LIMITS, sheetStateSchema } from '../../../src/share/schema';
import { readStateFile } from '../../../src/share/stateFile';
import { chapterRegression, chapterSheetFixture } from './sheetArbitraries';

const sheet = (state: Record<string, unknown>) => JSON.stringify({ v: 1, state: { rows: 20, cols: 10, cells: {}, ...state } });
const read = (state: Record<string, unknown>) => readStateFile(sheet(state));
const failsAt = (state: Record<string, unknown>, path: string) =>
  expect(read(state)).toMatchObject({ ok: false, error: { code: 'badSchema', args: { path } } });

describe('sheet schema', () => {
  it('accepts the chapter sheet with the chapter runs pinned', () => {
    const pins = [0.5, 0.9].map((m, i) => ({ id: `p${i}`, label: `mom ${m}`, cell: 'C25', request: chapterRegression(m) }));
    expect(sheetStateSchema.safeParse({ ...chapterSheetFixture(), pins }).success).toBe(true);
  });

  it('bounds rows and columns to whole numbers from 1 to 10,000', () => {
    expect(read({ rows: SHEET_LIMITS.maxRows, cols: SHEET_LIMITS.maxCols }).ok).toBe(true);
    failsAt({ rows: SHEET_LIMITS.maxRows + 1 }, 'state.rows');
    failsAt({ cols: 0 }, 'state.cols');
    failsAt({ rows: 2.5 }, 'state.rows');
    failsAt({ rows: '20' }, 'state.rows');
  });

  it('accepts only upper-case A1 addresses inside the grid', () => {
    expect(read({ cells: { J20: 'x' } }).ok).toBe(true);
    failsAt({ cells: { K1: 'x' } }, 'state.cells.K1');
    failsAt({ cells: { A21: 'x' } }, 'state.cells.A21');
    for (const bad of ['a1', 'A0', 'A01', '$A$1', 'A1:B2', 'ABCD1', ' A1']) {
      expect(read({ cells: { [bad]: 'x' } }), bad).toMatchObject({ ok: false, error: { code: 'badSchema' } });
    }
  });

  it('caps a raw input at 10,000 characters and a sheet at 20,000 cells', () => {
    expect(read({ cells: { A1: 'x'.repeat(SHEET_LIMITS.maxRawChars) } }).ok).toBe(true);
    failsAt({ cells: { A1: 'x'.repeat(SHEET_LIMITS.maxRawChars + 1) } }, 'state.cells.A1');
    const cells: Record<string, string> = {};
    for (let row = 1; row <= 10_000; row += 1) cells[`A${row}`] = cells[`B${row}`] = '1';
    expect(Object.keys(cells)).toHaveLength(SHEET_LIMITS.maxCells);
    expect(read({ rows: 10_000, cols: 3, cells }).ok).toBe(true);
    failsAt({ rows: 10_000, cols: 3, cells: { ...cells, C1: '1' } }, 'state.cells');
  });

  it('requires names to be identifiers bound to addresses in the grid', () => {
    expect(read({ names: { eta: 'B2', 学习率: 'C3' } }).ok).toBe(true);
    failsAt({ names: { '1eta': 'B2' } }, 'state.names.1eta');
    failsAt({ names: { eta: 'Z99' } }, 'state.names.eta');
  });

  it('validates pinned requests field by field', () => {
    const pin = (request: unknown) => ({ pins: [{ id: 'p', label: 'l', cell: 'A1', request }] });
    failsAt(pin({ ...chapterRegression(0.5), batchSize: 2000 }), 'state.pins.0.request.batchSize');
    failsAt(pin({ ...chapterRegression(0.5), configs: [] }), 'state.pins.0.request.configs');
    failsAt(pin({ ...chapterRegression(0.5), epochs: 1e9 }), 'state.pins.0.request.epochs');
    failsAt(pin({ kind: 'path2d', method: 'adam', objective: 'x1', gradient: null, start: [0, 0], eta: 1, gamma: 0, steps: 1 }), 'state.pins.0.request.method');
    failsAt(pin({ kind: 'quantum' }), 'state.pins.0.request.kind');
  });

  it('fills empty defaults for omitted names, widths, charts and pins', () => {
    expect(read({})).toEqual({ ok: true, state: { rows: 20, cols: 10, cells: {}, names: {}, colWidths: {}, charts: [], pins: [] } });
  });

  it('accepts choice cells inside the grid with one to 64 short texts each, and nothing else', () => {
    expect(read({ cells: { B6: 'printed' }, validations: { B6: ['printed', 'corrected'] } })).toMatchObject({ ok: true, state: { validations: { B6: ['printed', 'corrected'] } } });
    expect(read({})).toMatchObject({ ok: true });
    expect((read({}) as { state: object }).state).not.toHaveProperty('validations');
    failsAt({ validations: { K1: ['a'] } }, 'state.validations.K1');
    failsAt({ validations: { B6: [] } }, 'state.validations.B6');
    failsAt({ validations: { B6: [1] } }, 'state.validations.B6.0');
    failsAt({ validations: { B6: ['x'.repeat(SHEET_LIMITS.maxChoiceChars + 1)] } }, 'state.validations.B6.0');
    failsAt({ validations: { B6: Array.from({ length: SHEET_LIMITS.maxChoices + 1 }, (_, i) => `v${i}`) } }, 'state.validations.B6');
    failsAt({ validations: { b6: ['a'] } }, 'state.validations.b6');
  });
});
