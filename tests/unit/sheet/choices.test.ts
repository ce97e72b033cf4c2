/**
 * The gradient switch cannot lie: grad_mode is a choice cell, and the printed gradient belongs to
 * the chapter's objective only.
 */
import { describe, expect, it } from 'vitest';
import { defaultSheet } from '../../../src/sheet/defaultSheet';
import { createEngine } from '../../../src/sheet/engine';
import { isChapterObjective, PRINTED_GRADIENT_MISMATCH, printedGradientNotice } from '../../../src/sheet/printedGradient';
import { code, settle, sheet } from './helpers';

const choiceSheet = (raw: string) =>
  createEngine({ rows: 10, cols: 5, cells: { A1: raw, B1: "=IF(A1='printed', 1, 2)" }, names: {}, colWidths: {}, charts: [], pins: [], validations: { A1: ['printed', 'corrected'] } });

describe('choice cells', () => {
  it.each(['printed', 'corrected'])('accept "%s" as the text it is', (raw) => {
    const engine = choiceSheet(raw);
    expect(engine.value('A1')).toEqual({ kind: 'text', value: raw });
    expect(engine.choicesAt('A1')).toEqual(['printed', 'corrected']);
  });

  it.each(['print', '印刷', 'printed ', 'Printed', 'corrected.', ''])('refuse %j with #VALUE! naming the allowed values, and dependents show it', (raw) => {
    const engine = choiceSheet('printed');
    engine.setCell('A1', raw);
    expect(engine.value('A1')).toEqual({ kind: 'error', code: '#VALUE!', reason: 'error.notAChoice', args: { got: raw.trim() === '' ? '' : raw, choices: 'printed / corrected' } });
    expect(code(engine, 'B1')).toBe('#VALUE!');
  });

  it('other cells are no choice cells, and a formula reading a choice gets plain text', () => {
    const engine = choiceSheet('printed');
    expect(engine.choicesAt('B1')).toBeUndefined();
    expect(engine.choicesAt('no address')).toBeUndefined();
    expect(engine.value('B1')).toEqual({ kind: 'number', value: 1 });
  });

  it('a choice moves with its cell when rows and columns are inserted, and goes when its cell is deleted', () => {
    const engine = choiceSheet('print');
    engine.insertRows(0, 2);
    engine.insertCols(0, 1);
    expect(engine.toState().validations).toEqual({ B3: ['printed', 'corrected'] });
    expect(code(engine, 'B3')).toBe('#VALUE!');
    engine.deleteRows(2, 1);
    expect(engine.toState().validations).toBeUndefined();
    engine.undo();
    expect(engine.toState().validations).toEqual({ B3: ['printed', 'corrected'] });
    expect(code(engine, 'B3')).toBe('#VALUE!');
  });

  it('loading a state brings its choices, undo takes them back; malformed lists are dropped', () => {
    const engine = sheet({ A1: 'x' });
    engine.loadState({ ...engine.toState(), validations: { A1: ['a', 'b'], B2: [] as string[], Z99999: ['a'] } });
    expect(engine.toState().validations).toEqual({ A1: ['a', 'b'] });
    expect(code(engine, 'A1')).toBe('#VALUE!');
    engine.undo();
    expect(engine.value('A1')).toEqual({ kind: 'text', value: 'x' });
    expect(engine.choicesAt('A1')).toBeUndefined();
  });

  it('in the default sheet B6 is the choice and a typo there no longer silently means “corrected”', () => {
    const engine = createEngine(defaultSheet());
    expect(engine.choicesAt('B6')).toEqual(['printed', 'corrected']);
    engine.setCell('B6', 'print');
    settle(engine);
    for (const address of ['B6', 'B7', 'D13', 'E13', 'B18', 'B20']) expect(code(engine, address), address).toBe('#VALUE!');
    expect(engine.value('D16')).toMatchObject({ reason: 'error.notAChoice' });
  });
});

describe('the printed gradient belongs to the chapter’s objective', () => {
  it.each([
    ['0.1*x1^2+2*x2^2', true],
    ['2*x2^2 + 0.1*x1^2', true],
    ['0.1*x1^2 + 2*x2^2 + 7', true],
    ['(x1^2)/10 + 2*x2*x2', true],
    ['x1^2 + x2^2', false],
    ['0.1*(x1-1)^2 + 2*x2^2', false],
    ['0.1*x1^2 + 2*x2^2 + x1*x2', false],
    ['0.1*x1^4 + 2*x2^2', false],
  ])('%s is the chapter’s objective: %s', (objective, expected) => {
    expect(isChapterObjective(objective)).toBe(expected);
  });

  it('a new f with grad_mode “printed” turns the gradient cell into an error that every run, rate, Polyak value and the rate map show', () => {
    const engine = createEngine(defaultSheet());
    engine.setCell('B3', '=x1^2+x2^2');
    settle(engine);
    expect(engine.value('B7')).toEqual({ kind: 'error', code: '#VALUE!', reason: PRINTED_GRADIENT_MISMATCH, args: { objective: 'x1 ^ 2 + x2 ^ 2' } });
    const downstream = ['D13', 'D14', 'D16', 'D17', 'D18', 'D50', 'E13', 'E16', 'B18', 'C18', 'B20', 'F16', 'G16'];
    for (const address of downstream) expect(engine.value(address), address).toMatchObject({ reason: PRINTED_GRADIENT_MISMATCH });
    // The rate map's source is B20.
    expect(defaultSheet().charts.find((c) => c.kind === 'rateMap')?.source).toBe('B20');
    expect(engine.runNeeds().filter((need) => need.request.kind === 'path2d')).toEqual([]);
  });

  it('the page finds one notice, on the gradient cell, with the switch to offer; switching clears every error', () => {
    const engine = createEngine(defaultSheet());
    engine.setCell('B3', '=x1^2+x2^2');
    expect(printedGradientNotice(engine, 'B7')).toEqual({ cell: 'B7', objective: 'x1 ^ 2 + x2 ^ 2', switchCell: 'B6' });
    expect(printedGradientNotice(engine, 'D13')).toBeNull();
    engine.setCell('B6', 'corrected');
    settle(engine);
    expect(printedGradientNotice(engine, 'B7')).toBeNull();
    expect(engine.value('B7')).toEqual({ kind: 'gradient', exprs: ['2 * x1', '2 * x2'], derived: true });
    expect(Object.keys(engine.toState().cells).filter((a) => engine.value(a).kind === 'error')).toEqual([]);
  });

  it('for the chapter’s f it is the chapter’s (0.2·x1, 2·x2), as the runs have always used it', () => {
    const engine = sheet({ A1: '=0.1*x1^2+2*x2^2', B1: '=PRINTED_GRAD(A1)', C1: '=[0.2*x1,2*x2]' });
    expect(engine.value('B1')).toEqual(engine.value('C1'));
  });
});
