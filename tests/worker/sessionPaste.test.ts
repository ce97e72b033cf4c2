/**
 * A paste that does not simply fit, through the session as the page speaks to it: the grid grows
 * up to its limits, and whatever did not fit is counted and said, in the reply to the intent and
 * as a sheet notice in the patch (the page's banner above the grid), never dropped silently.
 */
import { describe, expect, it } from 'vitest';
import { createComputeApi } from '../../src/compute/computeApi';
import { initTfBackend } from '../../src/compute/tfBackend';
import { translateMessage } from '../../src/i18n/i18n';
import type { Patch, SheetNotice } from '../../src/session/contract';
import { createSheetSession } from '../../src/session/sheetSession';
import { columnLetters } from '../../src/sheet/address';
import { LIMITS } from '../../src/sheet/limits';

function startSession() {
  const initial = { rows: 20, cols: 5, cells: { A1: 'x', B1: '=SUM(A2:A100001)' }, names: {}, colWidths: {}, charts: [], pins: [] };
  const session = createSheetSession({ compute: createComputeApi({ initTfBackend }), initial });
  const patches: Patch[] = [];
  void session.connect((patch) => patches.push(patch));
  void session.open({ linkText: null, savedText: null });
  return { session, patches };
}

/** The sheet notices of the newest patch that carried meta data. */
const noticesOf = (patches: readonly Patch[]): readonly SheetNotice[] => patches.filter((patch) => patch.meta).at(-1)?.meta?.notices ?? [];

describe('a paste through the session', () => {
  it('a 100,000-row column grows the grid to hold it whole, says by how much, and a formula sums all of it', async () => {
    const { session, patches } = startSession();
    await session.idle();
    const tsv = Array.from({ length: 100_000 }, (_, i) => String(i + 1)).join('\n');
    const reply = await session.apply(1, { kind: 'paste', target: 'A2', tsv });
    await session.idle();
    // Rows 2…100,001 hold the block: the grid grew from 20 rows by 99,981.
    expect(reply).toEqual({ ok: true });
    const meta = patches.filter((patch) => patch.meta).at(-1)?.meta;
    expect(meta?.rows).toBe(100_001);
    expect(noticesOf(patches)).toEqual([{ id: 'edit', message: { key: 'notice.pasteGrew', args: { rows: 99_981, cols: 0 } } }]);
    expect(session.engine.value('B1')).toEqual({ kind: 'number', value: (100_000 * 100_001) / 2 });
    expect(session.engine.raw('A100001')).toBe('100000');
  });

  it('rows and columns past the grid’s limits are counted exactly and named with the limits', async () => {
    const { session, patches } = startSession();
    await session.idle();
    // 5 × 6 block whose top-left leaves room for 2 rows and 4 columns.
    const target = `${columnLetters(LIMITS.cols - 4)}${LIMITS.rows - 1}`;
    const tsv = Array.from({ length: 5 }, (_, r) => Array.from({ length: 6 }, (_, c) => String(r * 10 + c)).join('\t')).join('\n');
    const reply = await session.apply(1, { kind: 'paste', target, tsv });
    await session.idle();
    const message = { key: 'notice.pasteDropped', args: { rows: 3, cols: 2, maxRows: LIMITS.rows, maxCols: LIMITS.cols, maxCells: LIMITS.cells } };
    expect(reply).toEqual({ ok: true });
    expect(noticesOf(patches)).toEqual([{ id: 'edit', message }]);
    expect(session.engine.rows).toBe(LIMITS.rows);
    expect(session.engine.cols).toBe(LIMITS.cols);
    // What fitted is there: the block's first two rows and first four columns.
    expect(session.engine.raw(`${columnLetters(LIMITS.cols - 1)}${LIMITS.rows}`)).toBe('13');
    expect(translateMessage('en', message)).toBe(
      '3 row(s) and 2 column(s) of the paste were not pasted: a sheet holds at most 1048576 × 16384 cells, 1000000 of them filled.',
    );
    expect(translateMessage('zh', message)).toContain('3 行和 2 列未被粘贴');
  });

  it('a paste that fits says nothing, and a paste’s notice leaves with the next edit', async () => {
    const { session, patches } = startSession();
    await session.idle();
    expect(await session.apply(1, { kind: 'paste', target: 'A2', tsv: '1\t2\n3\t4' })).toEqual({ ok: true });
    await session.idle();
    expect(noticesOf(patches)).toEqual([]);
    await session.apply(2, { kind: 'paste', target: 'A20', tsv: '1\n2\n3' });
    await session.idle();
    expect(noticesOf(patches)).toEqual([{ id: 'edit', message: { key: 'notice.pasteGrew', args: { rows: 2, cols: 0 } } }]);
    expect(await session.apply(3, { kind: 'setCells', entries: [['C1', '5']] })).toEqual({ ok: true });
    await session.idle();
    expect(noticesOf(patches)).toEqual([]);
  });
});
