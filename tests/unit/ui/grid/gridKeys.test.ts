import { describe, expect, test } from 'vitest';
import { gridKeyAction, type KeyInput } from '../../../../src/ui/views/grid/gridKeys';

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  key: k,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('grid keyboard map', () => {
  test('any single character starts an edit with it, Chinese and accented letters included', () => {
    for (const ch of ['a', 'Z', '=', ' ', '中', 'é', '😀']) expect(gridKeyAction(key(ch), false)).toEqual({ type: 'edit', text: ch });
  });

  test('named keys and shortcuts do not start an edit', () => {
    for (const k of ['Shift', 'F5', 'CapsLock', 'Dead']) expect(gridKeyAction(key(k), false)).toBeNull();
    expect(gridKeyAction(key('c', { ctrlKey: true }), false)).toBeNull();
    expect(gridKeyAction(key('s', { metaKey: true }), false)).toBeNull();
  });

  test('an IME composition opens an empty editor for the text to land in', () => {
    expect(gridKeyAction(key('Process'), false)).toEqual({ type: 'edit', text: '' });
  });

  test('Ctrl/Cmd+arrows and Ctrl+Home/End jump to the edges along one axis only', () => {
    expect(gridKeyAction(key('ArrowDown', { ctrlKey: true }), false)).toEqual({ type: 'move', rows: Infinity, cols: 0, extend: false });
    expect(gridKeyAction(key('ArrowLeft', { metaKey: true, shiftKey: true }), false)).toEqual({ type: 'move', rows: 0, cols: -Infinity, extend: true });
    expect(gridKeyAction(key('Home', { ctrlKey: true }), false)).toEqual({ type: 'move', rows: -Infinity, cols: -Infinity, extend: false });
  });

  test("Alt+Left/Right stay the browser's Back/Forward", () => {
    expect(gridKeyAction(key('ArrowLeft', { altKey: true }), false)).toBeNull();
    expect(gridKeyAction(key('ArrowRight', { altKey: true }), false)).toBeNull();
  });

  test('while editing, only Enter, Tab and Esc belong to the grid', () => {
    expect(gridKeyAction(key('Enter', { shiftKey: true }), true)).toEqual({ type: 'commit', rows: -1, cols: 0 });
    expect(gridKeyAction(key('Tab'), true)).toEqual({ type: 'commit', rows: 0, cols: 1 });
    expect(gridKeyAction(key('Escape'), true)).toEqual({ type: 'cancel' });
    for (const k of ['ArrowUp', 'Delete', 'F2', 'a', 'Home']) expect(gridKeyAction(key(k), true)).toBeNull();
    expect(gridKeyAction(key('z', { ctrlKey: true }), true)).toBeNull();
  });
});

describe('on a choice cell', () => {
  test('Enter, F2 and Alt+Down open the list of values instead of the editor', () => {
    for (const input of [key('Enter'), key('F2'), key('ArrowDown', { altKey: true })]) {
      expect(gridKeyAction(input, false, true)).toEqual({ type: 'choose' });
      expect(gridKeyAction(input, false, false)?.type).not.toBe('choose');
    }
  });

  test('typing still edits the text, and the other keys keep their meaning', () => {
    expect(gridKeyAction(key('c'), false, true)).toEqual({ type: 'edit', text: 'c' });
    expect(gridKeyAction(key('Enter', { shiftKey: true }), false, true)).toEqual({ type: 'move', rows: -1, cols: 0, extend: false });
    expect(gridKeyAction(key('ArrowDown'), false, true)).toEqual({ type: 'move', rows: 1, cols: 0, extend: false });
    expect(gridKeyAction(key('Enter'), true, true)).toEqual({ type: 'commit', rows: 1, cols: 0 });
  });
});
