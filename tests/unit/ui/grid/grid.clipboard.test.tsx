// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { cellAt, cleanup, press, renderGrid } from './gridHarness';

afterEach(cleanup);

/** A clipboard event as the browser fires it on Ctrl/Cmd+C, X or V: at the focused element. */
function clipboardEvent(type: 'copy' | 'cut' | 'paste', text = '') {
  const clipboardData = new DataTransfer();
  if (text !== '') clipboardData.setData('text/plain', text);
  const event = new ClipboardEvent(type, { bubbles: true, cancelable: true, clipboardData });
  (document.activeElement ?? document.body).dispatchEvent(event);
  return event;
}

describe('clipboard', () => {
  test('copy puts the selection as TSV of raw inputs on the clipboard', () => {
    const { host, model } = renderGrid({ cells: { A1: '0.9', B1: '=A1*2', A2: 'text' } });
    model.select('A1', 'B2');
    cellAt(host, 'A1').focus();
    const event = clipboardEvent('copy');
    expect(event.defaultPrevented).toBe(true);
    expect(event.clipboardData?.getData('text/plain')).toBe('0.9\t=A1*2\ntext\t');
  });

  test('cut copies, then clears the selection', () => {
    const { host, model, callsOf } = renderGrid({ cells: { C3: '5' } });
    model.select('C3');
    cellAt(host, 'C3').focus();
    const event = clipboardEvent('cut');
    expect(event.clipboardData?.getData('text/plain')).toBe('5');
    expect(callsOf('clear')).toEqual([['C3']]);
    expect(cellAt(host, 'C3').textContent).toBe('');
  });

  test("paste hands the clipboard's text to the model at the selection's top-left cell", () => {
    const { host, model, callsOf } = renderGrid();
    model.select('C4', 'B2');
    cellAt(host, 'C4').focus();
    const event = clipboardEvent('paste', '1\t2\r\n3\t4\r\n');
    expect(event.defaultPrevented).toBe(true);
    expect(callsOf('paste')).toEqual([['B2', '1\t2\r\n3\t4\r\n']]);
  });

  test('inside the cell editor, copy and paste are the browser\'s own text operations', () => {
    const { host, callsOf } = renderGrid({ cells: { A1: 'abc' } });
    cellAt(host, 'A1').focus();
    press('F2');
    expect(clipboardEvent('copy').defaultPrevented).toBe(false);
    expect(clipboardEvent('paste', 'xyz').defaultPrevented).toBe(false);
    expect(callsOf('copy')).toEqual([]);
    expect(callsOf('paste')).toEqual([]);
  });

  test('clipboard events elsewhere on the page are left alone', () => {
    const { callsOf } = renderGrid();
    const outside = document.createElement('input');
    document.body.append(outside);
    outside.focus();
    expect(clipboardEvent('paste', 'hello').defaultPrevented).toBe(false);
    expect(callsOf('paste')).toEqual([]);
    outside.remove();
  });
});
