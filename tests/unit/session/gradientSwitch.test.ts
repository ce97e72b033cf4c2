import { describe, expect, it } from 'vitest';
import { gradientSwitch } from '../../../src/session/sheetNotices';
import { defaultSheet } from '../../../src/sheet/defaultSheet';
import { createEngine } from '../../../src/sheet/engine';
import { settle } from '../sheet/helpers';

describe('the gradient switch the erratum note speaks of', () => {
  it('is the chapter’s B6, and follows what it selects', () => {
    const engine = createEngine(defaultSheet());
    settle(engine);
    expect(gradientSwitch(engine)).toEqual({ address: 'B6', mode: 'printed' });
    engine.setCell('B6', 'corrected');
    settle(engine);
    expect(gradientSwitch(engine)).toEqual({ address: 'B6', mode: 'corrected' });
  });

  it('is found by its name wherever it is, and a value that is neither choice selects neither', () => {
    const chapter = defaultSheet();
    const moved = createEngine({ ...chapter, cells: { ...chapter.cells, F6: 'corrected' }, names: { ...chapter.names, grad_mode: 'F6' } });
    settle(moved);
    expect(gradientSwitch(moved)).toEqual({ address: 'F6', mode: 'corrected' });
    moved.setCell('F6', 'print');
    settle(moved);
    expect(gradientSwitch(moved)).toEqual({ address: 'F6', mode: null });
  });

  it('a sheet without one has none', () => {
    const { grad_mode: _dropped, ...names } = defaultSheet().names;
    const engine = createEngine({ ...defaultSheet(), names });
    expect(gradientSwitch(engine)).toBeNull();
  });
});
