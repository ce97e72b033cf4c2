import { describe, expect, it } from 'vitest';
import { forgive, isTripped, markTripped, MAX_TRIPPED, parseTripped } from '../../../src/share/trippedSheets';

describe('sheets that stopped the engine', () => {
  it('are recognised by any of their fingerprints until forgiven', () => {
    const list = markTripped([], ['link', 'file'], 'doc', 1);
    expect(isTripped(list, 'link')).toBe(true);
    expect(isTripped(list, 'file')).toBe(true);
    expect(isTripped(list, 'other')).toBe(false);
    expect(isTripped(list, null)).toBe(false);
    // The document evaluated after all: every fingerprint it left goes.
    expect(forgive(list, 'doc')).toEqual([]);
    expect(forgive(list, null, ['link'])).toEqual([{ hash: 'file', doc: 'doc', at: 1 }]);
  });

  it('round-trip through their slot text, damaged text reads as none', () => {
    const list = markTripped(markTripped([], ['a'], null, 1), ['b'], 'd', 2);
    expect(parseTripped(JSON.stringify(list))).toEqual(list);
    expect(parseTripped('[{"hash":1}]')).toEqual([]);
    expect(parseTripped('garbage')).toEqual([]);
    expect(parseTripped(null)).toEqual([]);
  });

  it('marking a fingerprint again moves it to the newest, and only the newest are kept', () => {
    const list = markTripped(markTripped([], ['a', 'b'], null, 1), ['a'], null, 2);
    expect(list.map((item) => item.hash)).toEqual(['b', 'a']);
    const many = markTripped([], Array.from({ length: MAX_TRIPPED + 5 }, (_, index) => `h${index}`), null, 1);
    expect(many).toHaveLength(MAX_TRIPPED);
    expect(isTripped(many, `h${MAX_TRIPPED + 4}`)).toBe(true);
    expect(isTripped(many, 'h0')).toBe(false);
  });
});
