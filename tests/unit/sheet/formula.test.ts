import { describe, expect, it } from 'vitest';
import { num, sheet } from './helpers';

describe('raw input', () => {
  it('classifies numbers, booleans, text and forced text', () => {
    const e = sheet({ A1: '0.9', A2: '-1.5e-3', A3: 'true', A4: 'printed', A5: "'42", A6: '  7 ' });
    expect(e.value('A1')).toEqual({ kind: 'number', value: 0.9 });
    expect(e.value('A2')).toEqual({ kind: 'number', value: -0.0015 });
    expect(e.value('A3')).toEqual({ kind: 'boolean', value: true });
    expect(e.value('A4')).toEqual({ kind: 'text', value: 'printed' });
    expect(e.value('A5')).toEqual({ kind: 'text', value: '42' });
    expect(e.value('A6')).toEqual({ kind: 'number', value: 7 });
  });

  it('a formula that yields an empty cell shows 0, as in spreadsheets', () => {
    expect(num(sheet({ A1: '=B1' }), 'A1')).toBe(0);
  });
});

describe('arithmetic and precedence', () => {
  it('follows the usual precedence, with ^ above unary minus like mathjs', () => {
    const e = sheet({ A1: '2', A2: '=1+A1*3^2', A3: '=-A1^2', A4: '=(1+A1)*3', A5: '=7 mod 3', A6: '=2A1' });
    expect(num(e, 'A2')).toBe(19);
    expect(num(e, 'A3')).toBe(-4);
    expect(num(e, 'A4')).toBe(9);
    expect(num(e, 'A5')).toBe(1);
    expect(num(e, 'A6')).toBe(4);
  });

  it('accepts the typographic minus, times and division signs', () => {
    const e = sheet({ A1: '0.9', A2: '=1/(1−A1)', A3: '=3×4÷2' });
    expect(num(e, 'A2')).toBeCloseTo(10, 12);
    expect(num(e, 'A3')).toBe(6);
  });

  it('coerces booleans, empty cells and numeric text in arithmetic', () => {
    const e = sheet({ A1: 'TRUE', A2: "'2.5", A3: '=A1+A2+B9' });
    expect(num(e, 'A3')).toBe(3.5);
  });
});

describe('comparisons and logic', () => {
  it('reads a single = as equality and <> as not equal, never as assignment', () => {
    const e = sheet({ A1: '3', B1: '=A1=3', B2: '=A1<>3', B3: '=IF(A1=3, 10, 20)', B4: '=A1==3', B5: '=1<A1<=3' });
    expect(e.value('B1')).toEqual({ kind: 'boolean', value: true });
    expect(e.value('B2')).toEqual({ kind: 'boolean', value: false });
    expect(num(e, 'B3')).toBe(10);
    expect(e.value('B4')).toEqual({ kind: 'boolean', value: true });
    expect(e.value('B5')).toEqual({ kind: 'boolean', value: true });
  });

  it('compares text case-insensitively and joins text with &', () => {
    const e = sheet({ A1: 'Printed', B1: '=A1="printed"', B2: '=A1&"!"&2' });
    expect(e.value('B1')).toEqual({ kind: 'boolean', value: true });
    expect(e.value('B2')).toEqual({ kind: 'text', value: 'Printed!2' });
  });

  it('IF evaluates only the branch it takes', () => {
    const e = sheet({ B1: '=IF(TRUE, 1, 1/0)', B2: '=FALSE ? 1/0 : 2', B3: '=IF(0, 1)' });
    expect(num(e, 'B1')).toBe(1);
    expect(num(e, 'B2')).toBe(2);
    expect(e.value('B3')).toEqual({ kind: 'boolean', value: false });
  });

  it('AND, OR, NOT, xor behave as truth tables', () => {
    const e = sheet({ A1: '=AND(1, TRUE, 2)', A2: '=OR(0, FALSE)', A3: '=NOT(0)', A4: '=TRUE xor TRUE', A5: '=1 and 0' });
    expect(e.value('A1')).toEqual({ kind: 'boolean', value: true });
    expect(e.value('A2')).toEqual({ kind: 'boolean', value: false });
    expect(e.value('A3')).toEqual({ kind: 'boolean', value: true });
    expect(e.value('A4')).toEqual({ kind: 'boolean', value: false });
    expect(e.value('A5')).toEqual({ kind: 'boolean', value: false });
  });
});

describe('functions', () => {
  it('matches function names case-insensitively', () => {
    const e = sheet({ A1: '=sqrt(16)', A2: '=SQRT(16)', A3: '=Sqrt(16)' });
    expect([num(e, 'A1'), num(e, 'A2'), num(e, 'A3')]).toEqual([4, 4, 4]);
  });

  it('computes the ordinary functions', () => {
    const e = sheet({
      A1: '=exp(1)',
      A2: '=ln(e)',
      A3: '=log(100, 10)',
      A4: '=log10(1000)',
      A5: '=abs(-2)',
      A6: '=pow(2, 10)',
      A7: '=round(2.5)',
      A8: '=round(-1.2345, 2)',
      A9: '=pi() - pi',
      A10: '=min(3, -1, 2)',
      A11: '=max(3, -1, 2)',
      A12: '=log(e^2)',
    });
    expect(num(e, 'A1')).toBe(Math.E);
    expect(num(e, 'A2')).toBe(1);
    expect(num(e, 'A3')).toBeCloseTo(2, 14);
    expect(num(e, 'A4')).toBe(3);
    expect(num(e, 'A5')).toBe(2);
    expect(num(e, 'A6')).toBe(1024);
    expect(num(e, 'A7')).toBe(3);
    expect(num(e, 'A8')).toBe(-1.23);
    expect(num(e, 'A9')).toBe(0);
    expect(num(e, 'A10')).toBe(-1);
    expect(num(e, 'A11')).toBe(3);
    expect(num(e, 'A12')).toBeCloseTo(2, 14);
  });

  it('aggregates over ranges, skipping text and empty cells inside them', () => {
    const e = sheet({ B2: '1', C2: '2', D2: '3', B3: 'label', A5: '=SUM(B2:D2)', A6: '=AVERAGE(B2:D3)', A7: '=COUNT(B2:D3)', A8: '=MEAN(B2:D2, 10)' });
    expect(num(e, 'A5')).toBe(6);
    expect(num(e, 'A6')).toBe(2);
    expect(num(e, 'A7')).toBe(3);
    expect(num(e, 'A8')).toBe(4);
  });

  it('a range in a cell is a row-major array', () => {
    const e = sheet({ A1: '1', B1: '2', A2: '3', B2: '4', C1: '=A1:B2' });
    const value = e.value('C1');
    expect(value.kind).toBe('array');
    if (value.kind === 'array') {
      expect([value.rows, value.cols]).toEqual([2, 2]);
      expect(value.items.map((v) => (v.kind === 'number' ? v.value : NaN))).toEqual([1, 2, 3, 4]);
    }
  });

  it('indexes arrays from 1 and reads array literals', () => {
    const e = sheet({ A1: '=[10, 20, 30]', B1: '=A1[2]', C1: '=[[1,2],[3,4]][2, 1]', D1: '=SUM([1, 2, 3])' });
    expect(num(e, 'B1')).toBe(20);
    expect(num(e, 'C1')).toBe(3);
    expect(num(e, 'D1')).toBe(6);
  });

  it('IFERROR and ISERROR look at errors without propagating them', () => {
    const e = sheet({ A1: '=1/0', B1: '=IFERROR(A1, -1)', C1: '=ISERROR(A1)', D1: '=IFERROR(5, -1)' });
    expect(num(e, 'B1')).toBe(-1);
    expect(e.value('C1')).toEqual({ kind: 'boolean', value: true });
    expect(num(e, 'D1')).toBe(5);
  });

  it('NOTE gives a note value carrying its key', () => {
    expect(sheet({ A1: '=NOTE("note.gd")' }).value('A1')).toEqual({ kind: 'note', key: 'note.gd' });
    expect(sheet({ A1: "=note('note.gd')" }).value('A1')).toEqual({ kind: 'note', key: 'note.gd' });
  });
});

describe('references and names', () => {
  it('reads $-absolute and lower-case references like plain ones', () => {
    const e = sheet({ B2: '5', A1: '=$B$2+B$2+$B2+b2' });
    expect(num(e, 'A1')).toBe(20);
  });

  it('reads named cells, case-insensitively', () => {
    const e = sheet({ B1: '0.2', B2: '=lr*2', B3: '=LR+1' }, { lr: 'B1' });
    expect(num(e, 'B2')).toBe(0.4);
    expect(num(e, 'B3')).toBe(1.2);
  });

  it('a name defined later reaches the formulas already using it', () => {
    const e = sheet({ B1: '0.2', B2: '=lr*2' });
    expect(e.value('B2')).toMatchObject({ kind: 'error', code: '#NAME?' });
    e.setName('B1', 'lr');
    expect(num(e, 'B2')).toBe(0.4);
    e.setName('B1', null);
    expect(e.value('B2')).toMatchObject({ kind: 'error', code: '#NAME?', reason: 'error.unknownName', args: { name: 'lr' } });
  });

  it('renaming a cell rewrites the formulas that used the old name', () => {
    const e = sheet({ B1: '0.2', B2: '=lr*2+LR' }, { lr: 'B1' });
    e.setName('B1', 'eta');
    expect(e.raw('B2')).toBe('=eta*2+eta');
    expect(num(e, 'B2')).toBeCloseTo(0.6, 15);
    expect(e.nameOf('B1')).toBe('eta');
  });

  it('refuses names that are addresses, reserved words, functions or taken', () => {
    const e = sheet({ B1: '1', B2: '2' }, { lr: 'B1' });
    for (const bad of ['A1', 'x1', 'x2', 'pi', 'true', 'sum', 'GD', '1abc', 'a.b', 'and']) {
      expect(e.setName('B2', bad)).toMatchObject({ kind: 'error', reason: 'error.invalidName' });
    }
    expect(e.setName('B2', 'LR')).toMatchObject({ kind: 'error', reason: 'error.nameTaken', args: { cell: 'B1' } });
  });
});

describe('objectives and gradients', () => {
  it('a formula in x1, x2 becomes an objective with referenced cells substituted', () => {
    const e = sheet({ B2: '0.1', A1: '=B2*x1^2 + 2*x2^2' });
    expect(e.value('A1')).toEqual({ kind: 'objective', expr: '0.1 * x1 ^ 2 + 2 * x2 ^ 2' });
  });

  it('objectives compose through references and smooth functions, negatives included', () => {
    const e = sheet({ A1: '=x1^2', B1: '-3', A2: '=A1 + B1*exp(x2)', A3: '=-A1' });
    expect(e.value('A2')).toEqual({ kind: 'objective', expr: 'x1 ^ 2 + -3 * exp(x2)' });
    expect(e.value('A3')).toEqual({ kind: 'objective', expr: '-x1 ^ 2' });
  });

  it('the same objective written two ways prints the same', () => {
    const e = sheet({ A1: '=(0.1*(x1^2))+(2*x2^2)', A2: '=0.1*x1^2+2*x2^2' });
    expect(e.value('A1')).toEqual(e.value('A2'));
  });

  it('an array literal of two formulas in x1, x2 is a typed gradient', () => {
    const e = sheet({ A1: '=[0.2*x1, 2*x2]', A2: '=[0, x2]' });
    expect(e.value('A1')).toEqual({ kind: 'gradient', exprs: ['0.2 * x1', '2 * x2'], derived: false });
    expect(e.value('A2')).toEqual({ kind: 'gradient', exprs: ['0', 'x2'], derived: false });
  });

  it('GRAD derives the true gradient symbolically (4·x2, not the printed 2·x2)', () => {
    const e = sheet({ A1: '=0.1*x1^2 + 2*x2^2', A2: '=GRAD(A1)', A3: '=A2[2]' });
    expect(e.value('A2')).toEqual({ kind: 'gradient', exprs: ['0.2 * x1', '4 * x2'], derived: true });
    expect(e.value('A3')).toEqual({ kind: 'objective', expr: '4 * x2' });
  });

  it('objectives cannot be compared or summed as numbers', () => {
    const e = sheet({ A1: '=x1 > 0', A2: '=SUM(x1, 1)' });
    expect(e.value('A1')).toMatchObject({ code: '#VALUE!' });
    expect(e.value('A2')).toMatchObject({ code: '#VALUE!', reason: 'error.objectiveHere' });
  });
});
