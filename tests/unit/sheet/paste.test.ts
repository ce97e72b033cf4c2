/**
 * Large pastes: the grid grows to take the block up to its limits, and what does not fit is
 * counted, never dropped silently. TSV parsing round-trips any fields.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnLetters } from '../../../src/sheet/address';
import { pastePatch } from '../../../src/sheet/edits';
import { LIMITS } from '../../../src/sheet/limits';
import { formatTsv, parseTsv } from '../../../src/sheet/tsv';
import { num, sheet } from './helpers';

const column = (n: number, value: (i: number) => string) => Array.from({ length: n }, (_, i) => value(i)).join('\n');

describe('pasting a block larger than the grid', () => {
  it('100,000 rows × 2 columns grow the grid and keep every row', () => {
    const e = sheet({ D1: '=SUM(A1:A100000)', D2: '=SUM(B1:B100000)', D3: '=COUNT(A1:B100000)' });
    const tsv = column(100_000, (i) => `${i + 1}\t${2 * (i + 1)}`);
    const outcome = e.pasteTsv('A1', tsv);
    expect(outcome.grew).toEqual({ rows: 100_000 - 50, cols: 0 });
    expect(outcome.dropped).toEqual({ rows: 0, cols: 0 });
    expect(e.rows).toBe(100_000);
    expect(e.raw('B100000')).toBe('200000');
    expect(num(e, 'D1')).toBe(5_000_050_000);
    expect(num(e, 'D2')).toBe(10_000_100_000);
    expect(num(e, 'D3')).toBe(200_000);
    expect(outcome.changes.has('A100000')).toBe(true);
    expect(outcome.changes.has('D1')).toBe(true);
  });

  it('a paste is one undo step, and undo shrinks the grid back', () => {
    const e = sheet({ A1: 'keep' }, {}, { rows: 5, cols: 3 });
    e.pasteTsv('B2', column(20, (i) => `${i}\t${i}\t${i}`));
    expect([e.rows, e.cols]).toEqual([21, 4]);
    e.undo();
    expect([e.rows, e.cols]).toEqual([5, 3]);
    expect(e.toState().cells).toEqual({ A1: 'keep' });
    e.redo();
    expect(e.raw('D21')).toBe('19');
  });

  it('rows past the last row of the sheet are counted, not lost silently', () => {
    const e = sheet({}, {}, { rows: 10, cols: 3 });
    const at = LIMITS.rows - 5;
    const outcome = e.pasteTsv(`A${at + 1}`, column(12, (i) => String(i)));
    expect(outcome.dropped).toEqual({ rows: 7, cols: 0 });
    expect(outcome.grew).toEqual({ rows: LIMITS.rows - 10, cols: 0 });
    expect(e.rows).toBe(LIMITS.rows);
    expect(e.raw(`A${LIMITS.rows}`)).toBe('4');
  });

  it('columns past the last column are counted', () => {
    const e = sheet({}, {}, { rows: 3, cols: 3 });
    const wide = Array.from({ length: LIMITS.cols + 9 }, (_, i) => String(i)).join('\t');
    const outcome = e.pasteTsv('B1', `${wide}\n1`);
    expect(outcome.dropped).toEqual({ rows: 0, cols: 10 });
    expect(e.cols).toBe(LIMITS.cols);
    expect(e.raw(`${columnLetters(LIMITS.cols - 1)}1`)).toBe(String(LIMITS.cols - 2));
  });

  it('a block fitting the grid reports no growth; an empty paste changes nothing', () => {
    const e = sheet({}, {}, { rows: 10, cols: 5 });
    expect(e.pasteTsv('A1', '1\t2\n3\t4')).toMatchObject({ grew: null, dropped: { rows: 0, cols: 0 } });
    expect(e.pasteTsv('A1', '').changes.size).toBe(0);
    expect(e.pasteTsv('not an address', '1')).toMatchObject({ grew: null, dropped: { rows: 0, cols: 0 } });
  });

  it('rows that would take the sheet past its cell limit are not pasted, and are counted', () => {
    // The sheet's parts as pastePatch reads them, holding all but 5 of the cells it may hold.
    class NearlyFull extends Map<string, string> {
      override get size(): number {
        return LIMITS.cells - 5;
      }
    }
    const parts = { rows: 10, cols: 5, cells: new NearlyFull(), names: {}, colWidths: {}, charts: [], pins: [], validations: {} };
    const block = parseTsv(column(4, (i) => `${i}\t${i}`));
    const plan = pastePatch(parts, { row: 0, col: 0 }, block);
    expect(plan.dropped).toEqual({ rows: 2, cols: 0 });
    expect([...plan.patch.cells.keys()]).toEqual(['A1', 'B1', 'A2', 'B2']);
  });
});

describe('TSV', () => {
  const field = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\t', '\n', '\r', '"', '=', '1', 'é') });
  it('formatTsv then parseTsv gives back any block of fields', () => {
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
        // A last row that is a single empty field prints as a trailing line break, which the clipboard convention ignores.
        const last = rows[rows.length - 1];
        fc.pre(!(last.length === 1 && last[0] === ''));
        expect(parseTsv(formatTsv(rows))).toEqual(rows);
      }),
      { numRuns: 2_000 },
    );
  });

  it('reads CR LF, LF and CR line breaks, and quoted fields with doubled quotes', () => {
    expect(parseTsv('a\tb\r\nc\rd\n')).toEqual([['a', 'b'], ['c'], ['d']]);
    expect(parseTsv('"x ""y""\tz"\t2')).toEqual([['x "y"\tz', '2']]);
  });

  it('a 10 MB paste parses into every row (one pass, no quadratic string building)', () => {
    const row = '0.123456789\t"quoted ""field"" with\ttab"\t12345';
    const rows = Math.ceil(10_000_000 / (row.length + 1));
    const parsed = parseTsv(Array(rows).fill(row).join('\n'));
    expect(parsed.length).toBe(rows);
    expect(parsed[rows - 1]).toEqual(['0.123456789', 'quoted "field" with\ttab', '12345']);
  });
});
