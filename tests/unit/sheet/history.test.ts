import { describe, expect, it } from 'vitest';
import { defaultSheet } from '../../../src/sheet/defaultSheet';
import { createEngine } from '../../../src/sheet/engine';
import { num, sheet } from './helpers';

describe('undo and redo', () => {
  it('undoes and redoes 150 edits step by step', () => {
    const e = sheet({ A1: '0', B1: '=A1*2' });
    for (let i = 1; i <= 150; i += 1) e.setCell('A1', String(i));
    expect(num(e, 'B1')).toBe(300);
    for (let i = 149; i >= 0; i -= 1) {
      e.undo();
      expect(num(e, 'B1')).toBe(2 * i);
    }
    expect(e.canUndo()).toBe(false);
    for (let i = 1; i <= 150; i += 1) e.redo();
    expect(num(e, 'B1')).toBe(300);
    expect(e.canRedo()).toBe(false);
  });

  it('a paste of many cells is one step', () => {
    const e = sheet({ A1: 'keep' });
    e.pasteTsv('B2', '1\t2\t3\n4\t5\t6');
    expect(num(e, 'D3')).toBe(6);
    e.undo();
    expect(e.toState().cells).toEqual({ A1: 'keep' });
    e.redo();
    expect(num(e, 'D3')).toBe(6);
  });

  it('setCells is one step', () => {
    const e = sheet({});
    e.setCells([
      ['A1', '1'],
      ['A2', '=A1+1'],
    ]);
    expect(num(e, 'A2')).toBe(2);
    e.undo();
    expect(e.toState().cells).toEqual({});
  });

  it('structural edits, names, widths, charts and pins undo to the exact previous state', () => {
    const e = createEngine(defaultSheet());
    const before = e.toState();
    e.insertRows(3, 2);
    e.deleteCols(1, 1);
    e.setName('A1', 'title');
    e.setColWidth('B', 99);
    e.setCharts([]);
    e.setPins([]);
    e.loadState({ ...before, cells: {}, rows: 5 });
    for (let i = 0; i < 7; i += 1) e.undo();
    expect(e.toState()).toEqual(before);
    expect(e.canUndo()).toBe(false);
  });

  it('a new edit after undo clears the redo stack', () => {
    const e = sheet({ A1: '1' });
    e.setCell('A1', '2');
    e.undo();
    expect(e.canRedo()).toBe(true);
    e.setCell('A1', '3');
    expect(e.canRedo()).toBe(false);
    expect(e.redo().size).toBe(0);
  });

  it('an edit that changes nothing records no step', () => {
    const e = sheet({ A1: '1' });
    e.setCell('A1', '1');
    e.setCell('B1', '');
    expect(e.canUndo()).toBe(false);
  });

  it('keeps at least 100 steps and drops the oldest beyond its limit', () => {
    const e = sheet({ A1: '0' });
    for (let i = 1; i <= 250; i += 1) e.setCell('A1', String(i));
    let steps = 0;
    while (e.canUndo()) {
      e.undo();
      steps += 1;
    }
    expect(steps).toBeGreaterThanOrEqual(100);
    expect(steps).toBeLessThan(250);
    expect(num(e, 'A1')).toBe(250 - steps);
  });
});
