import { describe, expect, it } from 'vitest';
import { ERROR_REASON_KEYS } from '../../../src/sheet/errorMessages';
import type { CellValue, ErrorCode } from '../../../src/sheet/types';
import { code, settle, sheet } from './helpers';

function expectError(value: CellValue, errorCode: ErrorCode, reason?: string): void {
  expect(value.kind).toBe('error');
  if (value.kind === 'error') {
    expect(value.code).toBe(errorCode);
    if (reason !== undefined) expect(value.reason).toBe(reason);
    // Every reason the engine produces is a declared key (tests/unit/i18n/engineKeys.test.ts gives each its sentences).
    expect(ERROR_REASON_KEYS).toContain(value.reason);
  }
}

describe('every error value', () => {
  it('#NAME? for an unknown name and for an unknown function', () => {
    const e = sheet({ A1: '=nosuchname+1', A2: '=NOSUCHFN(1)' });
    expectError(e.value('A1'), '#NAME?', 'error.unknownName');
    expectError(e.value('A2'), '#NAME?', 'error.unknownFunction');
  });

  it('#REF! for a reference outside the sheet and for a deleted reference', () => {
    const e = sheet({ A1: '=Z99', A2: '=#REF!+1', B1: '1', C1: '=B1' }, {}, { rows: 10, cols: 5 });
    expectError(e.value('A1'), '#REF!', 'error.outsideSheet');
    expectError(e.value('A2'), '#REF!', 'error.deletedReference');
    e.deleteCols(1, 1);
    expect(e.raw('B1')).toBe('=#REF!');
    expectError(e.value('B1'), '#REF!', 'error.deletedReference');
  });

  it('#CYCLE! for a cell that reads itself', () => {
    expectError(sheet({ A1: '=A1+1' }).value('A1'), '#CYCLE!', 'error.cycle');
  });

  it('#DIV/0! for division by zero and an average of nothing', () => {
    const e = sheet({ A1: '=1/0', A2: '=AVERAGE(B1:B3)', A3: '=5 mod 0' });
    expectError(e.value('A1'), '#DIV/0!', 'error.divideByZero');
    expectError(e.value('A2'), '#DIV/0!', 'error.emptyAverage');
    expectError(e.value('A3'), '#DIV/0!');
  });

  it('#VALUE! for wrong types, arity and unsupported syntax', () => {
    const e = sheet({
      B1: 'text',
      A1: '=B1*2',
      A2: '=SQRT(1, 2)',
      A3: '=GD(1, -5, -2, 0.9, 15)',
      A4: '={a: 1}',
      A5: '=x1 < 1',
      A6: '=[1, [2]]',
      A7: '=B1.f',
    });
    expectError(e.value('A1'), '#VALUE!', 'error.expectedNumber');
    expectError(e.value('A2'), '#VALUE!', 'error.wrongArgCount');
    expectError(e.value('A3'), '#VALUE!', 'error.expectedObjective');
    expectError(e.value('A4'), '#VALUE!', 'error.unsupportedSyntax');
    expectError(e.value('A5'), '#VALUE!');
    expectError(e.value('A6'), '#VALUE!');
    expectError(e.value('A7'), '#VALUE!', 'error.unknownField');
  });

  it('#NUM! for non-finite results and out-of-range arguments', () => {
    const e = sheet({ A1: '=SQRT(-1)', A2: '=10^400', A3: '=GD(x1^2, 1, 1, 0.1, -3)', A4: '=EWMA_WEIGHTS(0.9, 2.5)' });
    expectError(e.value('A1'), '#NUM!', 'error.notFinite');
    expectError(e.value('A2'), '#NUM!', 'error.notFinite');
    expectError(e.value('A3'), '#NUM!', 'error.outOfRange');
    expectError(e.value('A4'), '#NUM!', 'error.expectedInteger');
  });

  it('#DIVERGED for the final value of a run that diverged, with the step it became evident', () => {
    const e = sheet({ A1: '=GD(x1^2 + x2^2, 1, 1, 1.5, 100)', B1: '=A1.f' });
    settle(e);
    const value = e.value('B1');
    expectError(value, '#DIVERGED', 'error.diverged');
    // Along λ = 2 each step multiplies x by (1 − 1.5·2) = −2: the error grows from the first step.
    if (value.kind === 'error') expect(value.args?.step).toBe(1);
  });

  it('#N/A for a part that does not exist and for a failed run', () => {
    const e = sheet({ A1: '=GD(x1^2, 1, 1, 0.1, 5)', B1: '=A1.diverged_at', A2: '=GD(log(x1), -1, 1, 0.1, 5)' }); // f(x0) = log(-1) is not finite: the core refuses the run.
    settle(e);
    expectError(e.value('B1'), '#N/A', 'error.notDiverged');
    expectError(e.value('A2'), '#N/A', 'error.runFailed');
  });

  it('#ERROR! for a formula that cannot be parsed', () => {
    const e = sheet({ A1: '=1+*2', A2: '=', A3: '=SUM(1,' });
    expectError(e.value('A1'), '#ERROR!', 'error.parse');
    expectError(e.value('A2'), '#ERROR!', 'error.parse');
    expectError(e.value('A3'), '#ERROR!', 'error.parse');
  });
});

describe('propagation', () => {
  it('errors pass unchanged through dependents, the first one in argument order winning', () => {
    const e = sheet({ A1: '=1/0', A2: '=nosuch', B1: '=A1+1', B2: '=SUM(B1, 3)', B3: '=A2+A1', B4: '=MAX(A1:A2)' });
    expect(e.value('B2')).toEqual(e.value('A1'));
    expect(code(e, 'B3')).toBe('#NAME?');
    expect(code(e, 'B4')).toBe('#DIV/0!');
  });

  it('an error fixed upstream clears downstream', () => {
    const e = sheet({ A1: '0', B1: '=1/A1', C1: '=B1*2' });
    expect(code(e, 'C1')).toBe('#DIV/0!');
    e.setCell('A1', '4');
    expect(e.value('C1')).toEqual({ kind: 'number', value: 0.5 });
  });
});
