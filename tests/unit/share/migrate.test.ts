import { describe, expect, it } from 'vitest';
import { decodeState } from '../../../src/share/codec';
import { shareError } from '../../../src/share/errors';
import { encodeState } from '../../../src/share/codec';
import { FORMAT_VERSION, LEGACY_GRADIENT_FORMULA, migrateToCurrent, V0_GRID, versionOf, withChapterChoices, type MigrationStep } from '../../../src/share/migrate';
import { readStateFile, stateFileText } from '../../../src/share/stateFile';
import { defaultSheet, GRADIENT_FORMULA } from '../../../src/sheet/defaultSheet';
import type { SheetState } from '../../../src/sheet/types';

/** The chapter's sheet as builds before choice cells saved it: B6 free text, the old gradient formula. */
function legacyChapter(gradMode = 'printed'): SheetState {
  const { validations: _, ...state } = defaultSheet();
  return { ...state, cells: { ...state.cells, B6: gradMode, B7: LEGACY_GRADIENT_FORMULA } };
}

/**
 * Links as the pre-release build wrote them (format 0: bare lz payload of `{ c: cells }`, no
 * version prefix). Kept verbatim: they must keep opening in every later version.
 */
const V0_LINK = 'N4IgxiBcoIIIxRAXgHIHkAqBRAFAHRAHMATAOgEsA7AFwCcB7AgShABoQAhAZkQAZSAnGxABhAEy9ESbgCoxwgLIAWAKyIApsULqQAX11A';
const V0_LINK_SMALL = 'N4IgxiBcoEIExRABgHQEYBUAPNA9OABANQFzZz4gC+VQA';

describe('format migrations', () => {
  it('the current format is version 1, the first released one', () => {
    expect(FORMAT_VERSION).toBe(1);
  });

  it('opens a pre-release link and reports that it was upgraded', () => {
    expect(decodeState(V0_LINK)).toEqual({
      ok: true,
      migratedFrom: 0,
      state: {
        // The pre-release grid (40 × 12) grown to hold M45.
        rows: 45,
        cols: 13,
        cells: { A1: '=NOTE("gd.intro")', B3: '0.9', C20: '=B3*2', M45: 'edge' },
        names: {},
        colWidths: {},
        charts: [],
        pins: [],
      },
    });
  });

  it('gives a pre-release link whose cells fit the old grid that grid', () => {
    const decoded = decodeState(V0_LINK_SMALL);
    expect(decoded).toMatchObject({ ok: true, migratedFrom: 0, state: { rows: V0_GRID.rows, cols: V0_GRID.cols, cells: { B2: '0.1*x1^2 + 2*x2^2' } } });
  });

  it('opens a pre-release payload saved as a file too', () => {
    expect(readStateFile('{"c":{"A1":"1"}}')).toMatchObject({ ok: true, migratedFrom: 0, state: { cells: { A1: '1' } } });
  });

  it('rejects a pre-release payload whose cells are not cells', () => {
    expect(readStateFile('{"c":{"a1":"1"}}')).toMatchObject({ ok: false, error: { code: 'badSchema' } });
    expect(readStateFile('{"c":[1,2]}')).toMatchObject({ ok: false, error: { code: 'badSchema' } });
  });

  it('does not report a migration for a current payload', () => {
    const result = migrateToCurrent({ v: 1, state: {} });
    expect(result).toEqual({ ok: true, value: { v: 1, state: {} } });
  });

  it('refuses versions newer than the current one, negative ones and missing ones', () => {
    expect(migrateToCurrent({ v: 2, state: {} })).toMatchObject({ ok: false, error: { code: 'unknownVersion', args: { version: 2, current: 1 } } });
    expect(migrateToCurrent({ v: -1 })).toMatchObject({ ok: false, error: { code: 'unknownVersion' } });
    expect(migrateToCurrent({ state: {} })).toMatchObject({ ok: false, error: { code: 'badSchema' } });
    expect(versionOf({ v: 1.5 })).toBeNull();
    expect(versionOf([1])).toBeNull();
  });

  describe('the chain mechanism', () => {
    // A synthetic three-version history: each step records that it ran, in order.
    const steps: MigrationStep[] = [
      { from: 0, up: (p) => ({ ok: true, value: { v: 1, trail: [...((p as { trail?: number[] }).trail ?? []), 0] } }) },
      { from: 1, up: (p) => ({ ok: true, value: { v: 2, trail: [...(p as { trail: number[] }).trail, 1] } }) },
    ];

    it('applies every step from the declared version up, in order', () => {
      expect(migrateToCurrent({ c: {} }, steps, 2)).toEqual({ ok: true, value: { v: 2, trail: [0, 1] }, migratedFrom: 0 });
      expect(migrateToCurrent({ v: 1, trail: [9] }, steps, 2)).toEqual({ ok: true, value: { v: 2, trail: [9, 1] }, migratedFrom: 1 });
    });

    it('stops at a missing step instead of skipping it', () => {
      expect(migrateToCurrent({ c: {} }, [steps[1]], 2)).toMatchObject({ ok: false, error: { code: 'unknownVersion', args: { version: 0 } } });
    });

    it('passes on the error of a failing step', () => {
      const error = shareError('badSchema', { path: 'c', issue: 'synthetic' });
      const failing: MigrationStep = { from: 0, up: () => ({ ok: false, error }) };
      expect(migrateToCurrent({ c: {} }, [failing, steps[1]], 2)).toEqual({ ok: false, error });
    });
  });
});

describe('sheets saved before choice cells', () => {
  it('a chapter link from before opens with grad_mode as a choice and the gradient tied to f', () => {
    const decoded = decodeState(encodeState(legacyChapter()));
    expect(decoded).toMatchObject({ ok: true, state: { validations: { B6: ['printed', 'corrected'] } } });
    if (decoded.ok) {
      expect(decoded.state.cells.B7).toBe(GRADIENT_FORMULA);
      expect(decoded.state.cells.B6).toBe('printed');
      expect(decoded.state).toEqual(defaultSheet());
    }
  });

  it('a typo kept in an old sheet stays as typed (and now shows #VALUE!) instead of being corrected silently', () => {
    const read = readStateFile(stateFileText(legacyChapter('print')));
    expect(read).toMatchObject({ ok: true, state: { cells: { B6: 'print' }, validations: { B6: ['printed', 'corrected'] } } });
  });

  it('leaves sheets with choice cells, and sheets without a grad_mode, as they are', () => {
    const custom = { ...defaultSheet(), validations: { C9: ['a', 'b'] } };
    expect(withChapterChoices(custom)).toBe(custom);
    const plain: SheetState = { rows: 5, cols: 5, cells: { A1: LEGACY_GRADIENT_FORMULA }, names: { grad: 'A1' }, colWidths: {}, charts: [], pins: [] };
    expect(withChapterChoices(plain)).toBe(plain);
  });

  it('a gradient formula the user changed is not touched', () => {
    const edited = { ...legacyChapter(), cells: { ...legacyChapter().cells, B7: '=[0.2*x1, 4*x2]' } };
    expect(withChapterChoices(edited).cells.B7).toBe('=[0.2*x1, 4*x2]');
    expect(withChapterChoices(edited).validations).toEqual({ B6: ['printed', 'corrected'] });
  });
});
