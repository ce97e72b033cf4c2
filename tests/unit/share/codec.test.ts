import fc from 'fast-check';
import LZString from 'lz-string';
import { defaultSheet } from '../../../src/sheet/defaultSheet';
import { describe, expect, it } from 'vitest';
import { translate } from '../../../src/i18n/i18n';
import { decodeState, encodeState, LINK_LIMITS, linkForState, stateTextFromHash } from '../../../src/share/codec';
import type { SheetState } from '../../../src/sheet/types';
import { chapterRegression, chapterSheetFixture, sheetStateArb, XSS_TEXT } from './sheetArbitraries';

const BASE = 'https://example.org/momentum/';
const compress = (value: unknown) => `1.${LZString.compressToEncodedURIComponent(JSON.stringify(value))}`;

describe('link codec', () => {
  it('decodes every valid sheet to an identical state', () => {
    fc.assert(
      fc.property(sheetStateArb, (state) => {
        const decoded = decodeState(encodeState(state));
        expect(decoded).toEqual({ ok: true, state });
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same link for the same sheet whatever the key order', () => {
    fc.assert(
      fc.property(sheetStateArb, (state) => {
        const reversed: SheetState = {
          ...state,
          cells: Object.fromEntries(Object.entries(state.cells).reverse()),
          names: Object.fromEntries(Object.entries(state.names).reverse()),
        };
        expect(encodeState(reversed)).toBe(encodeState(state));
      }),
      { numRuns: 100 },
    );
  });

  it('keeps the link to the real default sheet (the chapter) within 2000 characters', () => {
    // A long, realistic host, so the margin holds wherever the app is deployed.
    const link = linkForState(defaultSheet(), 'https://momentum-playground.example.org/playground/');
    expect(link.ok).toBe(true);
    if (link.ok) expect(link.url.length).toBeLessThanOrEqual(2000);
  });

  it('keeps the chapter-shaped fixture link within 2000 characters', () => {
    const link = linkForState(chapterSheetFixture(), BASE);
    expect(link.ok).toBe(true);
    if (link.ok) expect(link.url.length).toBeLessThanOrEqual(2000);
  });

  it('still fits in a link with the chapter runs pinned', () => {
    const sheet = chapterSheetFixture();
    const pins = [0.99, 0.9, 0.5].map((mom, i) => ({ id: `p${i}`, label: `mom ${mom}`, cell: `C${25 + i}`, request: chapterRegression(mom) }));
    const link = linkForState({ ...sheet, pins }, BASE);
    expect(link.ok).toBe(true);
    if (link.ok) expect(link.url.length).toBeLessThanOrEqual(LINK_LIMITS.maxUrlChars);
  });

  it('reports a sheet too large for a link instead of handing out a link over the limit', () => {
    // Hardly compressible text: pseudo-random digits (Park–Miller), 16,000 in all.
    const cells: Record<string, string> = {};
    let seed = 12345;
    for (let row = 1; row <= 400; row += 1) {
      let raw = '';
      for (let i = 0; i < 40; i += 1) {
        seed = (seed * 16807) % 2147483647;
        raw += String(seed % 10);
      }
      cells[`A${row}`] = raw;
    }
    const link = linkForState({ ...chapterSheetFixture(), rows: 400, cells }, BASE);
    expect(link.ok).toBe(false);
    if (!link.ok && link.reason === 'tooLong') {
      expect(link.length).toBeGreaterThan(LINK_LIMITS.maxUrlChars);
      expect(link.limit).toBe(LINK_LIMITS.maxUrlChars);
    } else {
      expect.unreachable('expected reason tooLong');
    }
  });

  it('refuses to share a sheet whose link would not open again', () => {
    const outside = linkForState({ ...chapterSheetFixture(), cells: { Z999: '1' } }, BASE);
    expect(outside).toMatchObject({ ok: false, reason: 'notShareable', error: { code: 'badSchema' } });
    const reservedName = linkForState({ ...chapterSheetFixture(), names: { constructor: 'A1' } }, BASE);
    expect(reservedName).toMatchObject({ ok: false, reason: 'notShareable', error: { code: 'unsafeKey' } });
  });

  it('replaces an existing fragment of the base URL', () => {
    const link = linkForState(chapterSheetFixture(), `${BASE}#s=old`);
    expect(link.ok && link.url.startsWith(`${BASE}#s=2.`)).toBe(true);
    expect(link.ok && link.url.includes('old')).toBe(false);
  });

  it('carries markup in a cell as the very same inert text', () => {
    const state: SheetState = { ...chapterSheetFixture(), cells: { A1: XSS_TEXT, B2: '<script>alert(1)</script>' } };
    const decoded = decodeState(encodeState(state));
    expect(decoded.ok && decoded.state.cells.A1).toBe(XSS_TEXT);
    expect(decoded.ok && decoded.state.cells.B2).toBe('<script>alert(1)</script>');
  });

  it('strips fields it does not know, at every level', () => {
    const sheet = { rows: 5, cols: 5, cells: { A1: '1' }, extra: 1, charts: [{ id: 'c', kind: 'loss', source: 'A1', colour: 'red' }] };
    const decoded = decodeState(compress({ v: 1, state: sheet, note: 'x' }));
    expect(decoded).toEqual({
      ok: true,
      state: { rows: 5, cols: 5, cells: { A1: '1' }, names: {}, colWidths: {}, charts: [{ id: 'c', kind: 'loss', source: 'A1' }], pins: [] },
    });
  });

  it('reads links whose + became a space or whose $ was percent-encoded', () => {
    const state: SheetState = { ...chapterSheetFixture() };
    const text = encodeState(state);
    expect(decodeState(text.replace(/\+/g, ' '))).toEqual({ ok: true, state });
    expect(decodeState(text.replace(/\$/g, '%24'))).toEqual({ ok: true, state });
  });

  it('rejects a link longer than the limit before decompressing it', () => {
    const result = decodeState(`1.${'A'.repeat(LINK_LIMITS.maxPayloadChars)}`);
    expect(result).toMatchObject({ ok: false, error: { code: 'tooLarge', args: { limit: LINK_LIMITS.maxPayloadChars } } });
  });

  it('rejects a small link that decompresses to more than the limit', () => {
    // LZ compresses a run of one character quadratically: 600k characters fit in a short link.
    const bomb = `1.${LZString.compressToEncodedURIComponent('a'.repeat(LINK_LIMITS.maxJsonChars + 100_000))}`;
    expect(bomb.length).toBeLessThan(LINK_LIMITS.maxPayloadChars);
    expect(decodeState(bomb)).toMatchObject({ ok: false, error: { code: 'tooLarge', args: { limit: LINK_LIMITS.maxJsonChars } } });
  });

  it('names a link from a newer version as such, before decompressing', () => {
    expect(decodeState('3.whatever')).toMatchObject({ ok: false, error: { code: 'unknownVersion', args: { version: 3, current: 2 } } });
  });

  it('keeps opening links of link format 1 (lz-string), written by the first release', () => {
    // Made by the format-1 encoder: "1." + lz-string compressToEncodedURIComponent of the envelope.
    const formatOneLink =
      '1.N4IgbiBcCMA0IGcAuBDJBTKoBOB7A7glAEwAM8AxrgDZGQBsl61tWIAgtFCNdiPACEukEKQB0xfh0kiAtrllSBM0WICcSgMzcAvACUAogHFDAZVMBJAPIA5ABRDYygJRKALLoGax1XAiKCAKy60AD0dtAAtC4gAL7wAHYosuh0oLzcQnGUABYo2Eh0ANqgAJYAJty+-lIA1qUJlSLVAYi4AK7YFJgiXnEAurGxQA';
    const decoded = decodeState(formatOneLink);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.state.cells).toMatchObject({ B1: '0.2', B3: '=REGRESSION(B1,B2)', B5: '=1/(1-B2)' });
    expect(decoded.state.names).toEqual({ lr: 'B1' });
    expect(decoded.state.charts).toEqual([{ id: 'loss', kind: 'loss', source: 'B3' }]);
    // Re-sharing it writes the current, shorter format, which opens to the same sheet.
    const reshared = encodeState(decoded.state);
    expect(reshared.startsWith('2.')).toBe(true);
    expect(decodeState(reshared)).toEqual({ ok: true, state: decoded.state });
  });

  it('writes the chapter sheet shorter than lz-string would (the reason for format 2)', () => {
    const state = chapterSheetFixture();
    expect(encodeState(state).length).toBeLessThan(0.85 * compress({ v: 1, state }).length);
  });

  it('rejects a payload whose version disagrees with its prefix', () => {
    expect(decodeState(compress({ v: 0, c: { A1: '1' } }))).toMatchObject({ ok: false, error: { code: 'badSchema' } });
  });

  it('gives a catalogue key (and no sentence) with every error, which src/i18n words in full', () => {
    const result = decodeState('1.%%%');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.key).toBe(`share.error.${result.error.code}`);
      expect(result.error).not.toHaveProperty('message');
      expect(translate('en', result.error.key, result.error.args)).toMatch(/^[A-Z][^{}]*\.$/);
    }
  });
});

describe('stateTextFromHash', () => {
  it('finds the s parameter without turning + into a space', () => {
    expect(stateTextFromHash('#s=1.ab+c$d&x=2')).toBe('1.ab+c$d');
    expect(stateTextFromHash('#x=2&s=1.q')).toBe('1.q');
    expect(stateTextFromHash('#other')).toBeNull();
    expect(stateTextFromHash('')).toBeNull();
  });
});
