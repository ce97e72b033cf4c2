import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Path2DResult, RegressionResult } from '../../../src/core/runTypes';
import { csvField, path2dRunsToCsv, regressionRunsToCsv } from '../../../src/share/exportCsv';

/** A plain RFC 4180 reader, written from the grammar, to read our output back. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i];
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i += 2;
    } else if (quoted && ch === '"') {
      quoted = false;
      i += 1;
    } else if (quoted) {
      field += ch;
      i += 1;
    } else if (ch === '"' && field === '') {
      quoted = true;
      i += 1;
    } else if (ch === ',') {
      record.push(field);
      field = '';
      i += 1;
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else {
      field += ch;
      i += 1;
    }
  }
  expect(field === '' && record.length === 0).toBe(true); // every record ends with CRLF
  return records;
}

function path2d(x1: number[], x2: number[]): Path2DResult {
  const f = x1.map((a, i) => 0.1 * a * a + 2 * x2[i] * x2[i]);
  const empty = new Float64Array(0);
  return {
    kind: 'path2d',
    x1: Float64Array.from(x1),
    x2: Float64Array.from(x2),
    f: Float64Array.from(f),
    step1: empty,
    step2: empty,
    velocity1: empty,
    velocity2: empty,
    divergedAt: null,
    gradientCheck: null,
    theory: null,
  };
}

function regression(stepsPerEpoch: number, ...losses: number[][]): RegressionResult {
  return {
    kind: 'regression',
    stepsPerEpoch,
    losses: losses.map((l) => Float64Array.from(l)),
    finalParams: losses.map(() => new Float64Array(3)),
    divergedAt: losses.map(() => null),
  };
}

describe('CSV export', () => {
  it('quotes fields with commas, quotes and line breaks as RFC 4180 says', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
  });

  it('reads back any text field exactly, except that a formula-like start is defused', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 40 }), { minLength: 1, maxLength: 5 }), (fields) => {
        const [record] = parseCsv(`${fields.map(csvField).join(',')}\r\n`);
        expect(record).toEqual(fields.map((f) => (/^[=+\-@\t\r]/.test(f) ? `'${f}` : f)));
      }),
    );
  });

  it('keeps a label that starts like a formula from running in a spreadsheet', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('writes numbers so that they read back as the same float64', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(Number(csvField(x))).toBe(x === 0 ? 0 : x);
      }),
    );
    expect([NaN, Infinity, -Infinity].map(csvField)).toEqual(['NaN', 'Infinity', '-Infinity']);
  });

  it('lists 2-D runs one iterate per row with run, step, x1, x2, f', () => {
    const gd = path2d([-5, -3], [-2, 1.2]);
    const momentum = path2d([-5], [-2]);
    const csv = path2dRunsToCsv([
      { label: 'GD, η=0.4', result: gd },
      { label: 'momentum', result: momentum },
    ]);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(['run', 'step', 'x1', 'x2', 'f']);
    expect(rows.slice(1).map((r) => [r[0], Number(r[1]), Number(r[2]), Number(r[3]), Number(r[4])])).toEqual([
      ['GD, η=0.4', 0, -5, -2, gd.f[0]],
      ['GD, η=0.4', 1, -3, 1.2, gd.f[1]],
      ['momentum', 0, -5, -2, momentum.f[0]],
    ]);
  });

  it('puts regression runs with the same steps per epoch side by side, epoch = step / stepsPerEpoch', () => {
    const rows = parseCsv(regressionRunsToCsv([
      { label: 'mom 0.9', result: regression(2, [4, 2, 1, 0.5, 0.25]) },
      { label: 'mom 0.5', result: regression(2, [4, 3, 2]) },
    ]));
    expect(rows[0]).toEqual(['step', 'epoch', 'mom 0.9', 'mom 0.5']);
    expect(rows[1]).toEqual(['0', '0', '4', '4']);
    expect(rows[3]).toEqual(['2', '1', '1', '2']);
    // The shorter run leaves its cells blank.
    expect(rows[5]).toEqual(['4', '2', '0.25', '']);
  });

  it('names the configs of a batched result and switches to a long table when epochs do not line up', () => {
    const wide = parseCsv(regressionRunsToCsv([{ label: 'sweep', result: regression(1, [1, 0.5], [1, 0.7]) }]));
    expect(wide[0]).toEqual(['step', 'epoch', 'sweep [1]', 'sweep [2]']);
    const long = parseCsv(regressionRunsToCsv([
      { label: 'B=10', result: regression(100, [1, 0.9]) },
      { label: 'B=100', result: regression(10, [1, 0.8]) },
    ]));
    expect(long).toEqual([
      ['run', 'step', 'epoch', 'loss'],
      ['B=10', '0', '0', '1'],
      ['B=10', '1', String(1 / 100), '0.9'],
      ['B=100', '0', '0', '1'],
      ['B=100', '1', String(1 / 10), '0.8'],
    ]);
  });

  it('writes a long run recorded every lossStride-th step at its steps, the last loss at the last step', () => {
    // T = 10 steps recorded every 4th: losses after steps 0, 4, 8 and 10.
    const strided: RegressionResult = { ...regression(5, [8, 4, 2, 1]), lossStride: 4 };
    const rows = parseCsv(regressionRunsToCsv([{ label: 'long', result: strided, totalSteps: 10 }]));
    expect(rows.map((row) => row.slice(0, 2))).toEqual([['step', 'epoch'], ['0', '0'], ['4', '0.8'], ['8', '1.6'], ['10', '2']]);
    expect(rows.map((row) => row[2])).toEqual(['long', '8', '4', '2', '1']);
  });

  it('puts runs whose recorded steps differ into the long table, each loss at its own step', () => {
    const everyStep = regression(5, [8, 6, 4]);
    const strided: RegressionResult = { ...regression(5, [8, 4, 2, 1]), lossStride: 4 };
    const rows = parseCsv(regressionRunsToCsv([
      { label: 'short', result: everyStep, totalSteps: 2 },
      { label: 'long', result: strided, totalSteps: 10 },
    ]));
    expect(rows[0]).toEqual(['run', 'step', 'epoch', 'loss']);
    expect(rows.slice(1).map((row) => [row[0], Number(row[1]), Number(row[3])])).toEqual([
      ['short', 0, 8],
      ['short', 1, 6],
      ['short', 2, 4],
      ['long', 0, 8],
      ['long', 4, 4],
      ['long', 8, 2],
      ['long', 10, 1],
    ]);
  });
});
