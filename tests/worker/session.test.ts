/**
 * The sheet session in-process, with the real compute API (tfjs on WASM in Node): the contract
 * the page and the CLI speak. Guarantees: a full snapshot first, then patches that carry only
 * what changed; large chart results travel once; pins are ordinary runs of the engine.
 */
import { describe, expect, it } from 'vitest';
import { createComputeApi } from '../../src/compute/computeApi';
import { initTfBackend } from '../../src/compute/tfBackend';
import { createSheetSession, type SheetSession } from '../../src/session/sheetSession';
import type { CellPatch, ChartPatch, Patch } from '../../src/session/contract';

function startSession(): { session: SheetSession; patches: Patch[] } {
  const session = createSheetSession({ compute: createComputeApi({ initTfBackend }) });
  const patches: Patch[] = [];
  void session.connect((patch) => patches.push(patch));
  void session.open({ linkText: null, savedText: null });
  return { session, patches };
}

/** The newest state of every cell and chart over a list of patches, as the client keeps it. */
function latest(patches: readonly Patch[]): { cells: Map<string, CellPatch>; charts: Map<string, ChartPatch> } {
  const cells = new Map<string, CellPatch>();
  const charts = new Map<string, ChartPatch>();
  for (const patch of patches) {
    if (patch.full) cells.clear();
    for (const cell of patch.cells ?? []) cells.set(cell.address, cell);
    for (const chart of patch.charts ?? []) charts.set(chart.id, chart);
  }
  return { cells, charts };
}

const textOf = (cell: CellPatch | undefined) => (cell?.text ?? []).map((part) => (typeof part === 'string' ? part : part.key)).join('');

describe('the sheet session', () => {
  it('starts with a full snapshot of the chapter and settles every run', async () => {
    const { session, patches } = startSession();
    await session.idle();
    expect(patches[0].full).toBe(true);
    expect(patches[0].meta?.names.eta).toBe('B16');
    const { cells, charts } = latest(patches);
    expect(textOf(cells.get('B3'))).toContain('x1');
    expect([...cells.values()].filter((cell) => cell.pending)).toEqual([]);
    expect(cells.get('D16')?.kind).toBe('run');
    expect(cells.get('D16')?.run?.inputs.gamma).toBe(0.2);
    const paths = charts.get('paths');
    expect(paths?.data.kind).toBe('trajectories');
    if (paths?.data.kind !== 'trajectories') return;
    expect(paths.data.runs.map((run) => run.id)).toEqual(['D13', 'D14', 'D16', 'D17', 'D18']);
    expect(paths.data.contours?.result?.contours.length).toBeGreaterThan(0);
    expect(patches.at(-1)?.idle).toBe(true);
  });

  it('an edit sends the edited cell, its dependents and the chart that shows them, but not the contours again', async () => {
    const { session, patches } = startSession();
    await session.idle();
    const seen = patches.length;
    await session.apply(1, { kind: 'setCells', entries: [['C16', '0.5']] });
    await session.idle();
    const after = patches.slice(seen);
    expect(after[0].rev).toBe(1);
    const changed = new Set(after.flatMap((patch) => patch.cells ?? []).map((cell) => cell.address));
    // γ, its run, the run's theory (rates per eigendirection, F16:I16) and the two EWMA cells that read γ.
    expect(changed).toEqual(new Set(['C16', 'D16', 'E16', 'F16', 'G16', 'H16', 'I16', 'B19', 'D19']));
    expect(textOf(latest(patches).cells.get('B19'))).toBe('2');
    const chartPatches = after.flatMap((patch) => patch.charts ?? []);
    expect(chartPatches.map((chart) => chart.id)).toContain('paths');
    const paths = chartPatches.filter((chart) => chart.id === 'paths').at(-1);
    if (paths?.data.kind !== 'trajectories') throw new Error('no trajectory patch');
    expect(paths.data.runs.find((run) => run.id === 'D16')?.request.gamma).toBe(0.5);
    // The region did not move, so the contours are named by key only.
    expect(paths.data.contours?.result).toBeUndefined();
    expect(chartPatches.map((chart) => chart.id)).not.toContain('loss');
  });

  it('a pinned run is computed by the engine and stays on the chart after its cell changes', async () => {
    const { session, patches } = startSession();
    await session.idle();
    expect(await session.apply(1, { kind: 'pin', address: 'D16' })).toEqual({ ok: true });
    await session.apply(2, { kind: 'setCells', entries: [['C16', '0.6']] });
    await session.idle();
    const paths = latest(patches).charts.get('paths');
    if (paths?.data.kind !== 'trajectories') throw new Error('no trajectory chart');
    const pinned = paths.data.runs.filter((run) => run.pinned);
    expect(pinned).toHaveLength(1);
    expect(pinned[0].request.gamma).toBe(0.2);
    expect(paths.data.runs.find((run) => run.id === 'D16')?.request.gamma).toBe(0.6);
  });

  it('a sweep, which a link cannot carry, is not pinned: the intent is refused and the pins stay as they were', async () => {
    const { session } = startSession();
    await session.idle();
    await session.apply(1, { kind: 'setCells', entries: [['H1', '=SWEEP(B3, -5, -2, LINSPACE(0.1, 0.6, 3), [0, 0.5], 10)']] });
    await session.idle();
    expect(session.engine.value('H1').kind).toBe('run');
    const pins = session.engine.pinned();
    expect(await session.apply(2, { kind: 'pin', address: 'H1' })).toEqual({ ok: false, error: { key: 'pin.notPinnable', args: { cell: 'H1' } } });
    expect(session.engine.pinned()).toEqual(pins);
  });

  it('a bad name is answered with a message key and changes nothing', async () => {
    const { session } = startSession();
    await session.idle();
    const reply = await session.apply(1, { kind: 'setName', address: 'F1', name: '1abc' });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.key).toMatch(/^error\./);
  });

  it('undo after a row insertion sends a full snapshot with every cell back in place', async () => {
    const { session, patches } = startSession();
    await session.idle();
    await session.apply(1, { kind: 'insert', axis: 'row', at: 0, count: 1 });
    await session.idle();
    expect(textOf(latest(patches).cells.get('B4'))).toContain('x1');
    await session.apply(2, { kind: 'undo' });
    await session.idle();
    const afterUndo = patches.slice(patches.findIndex((patch) => patch.rev === 2));
    expect(afterUndo[0].full).toBe(true);
    expect(textOf(latest(patches).cells.get('B3'))).toContain('x1');
  });
});

describe('safe mode', () => {
  it('shows raw text, computes nothing, keeps edits, and evaluates on request', async () => {
    const session = createSheetSession({ compute: createComputeApi({ initTfBackend }) });
    const patches: Patch[] = [];
    await session.connect((patch) => patches.push(patch));
    await session.open({ linkText: null, savedText: null, safeMode: true });
    let view = latest(patches);
    expect(patches.at(-1)?.meta?.safeMode).toBe(true);
    expect(view.cells.get('D16')?.kind).toBe('text');
    expect(textOf(view.cells.get('D16'))).toMatch(/^=MOMENTUM\(/);
    expect(view.charts.size).toBe(0);
    expect((await session.apply(1, { kind: 'setCells', entries: [['C16', '0.5']] })).ok).toBe(true);
    expect((await session.apply(2, { kind: 'undo' })).ok).toBe(false);
    expect([...patches].reverse().find((patch) => patch.persisted)?.persisted?.fileText).toContain('"C16": "0.5"');
    await session.apply(3, { kind: 'evaluate' });
    await session.idle();
    view = latest(patches);
    expect([...patches].reverse().find((patch) => patch.meta)?.meta?.safeMode).toBe(false);
    expect(view.cells.get('D16')?.kind).toBe('run');
    expect(view.cells.get('D16')?.run?.inputs.gamma).toBe(0.5);
  });
});

describe('the eigendirection chart', () => {
  it('shows each direction’s error with the envelope theory predicts; for plain GD they coincide', async () => {
    const session = createSheetSession({ compute: createComputeApi({ initTfBackend }) });
    const patches: Patch[] = [];
    await session.connect((patch) => patches.push(patch));
    await session.open({ linkText: null, savedText: null });
    await session.idle();
    await session.apply(1, { kind: 'setCharts', charts: [{ id: 'eigen', kind: 'eigen', source: 'D13:D16' }] });
    await session.idle();
    const chart = latest(patches).charts.get('eigen');
    if (chart?.data.kind !== 'eigen') throw new Error('no eigen chart');
    const gd = chart.data.runs.find((run) => run.id === 'D13');
    const momentum = chart.data.runs.find((run) => run.id === 'D16');
    if (gd === undefined || momentum === undefined) throw new Error('runs missing');
    // The chapter's printed gradient: eigenvalues 0.2 and 2, from the start (−5, −2).
    expect(gd.directions.map((d) => d.lambda)).toEqual([0.2, 2]);
    expect([gd.directions[0].errors[0], gd.directions[1].errors[0]]).toEqual([5, 2]);
    // GD along an eigenvector multiplies the error by |1 − ηλ| every step: the envelope exactly.
    for (const direction of gd.directions) {
      expect(direction.rho).toBeCloseTo(Math.abs(1 - 0.9 * direction.lambda), 12);
      direction.errors.forEach((error, t) => expect(error).toBeCloseTo(direction.envelope[t], 9));
    }
    // Momentum speeds up the flat direction: a smaller rate than GD's there.
    expect(momentum.directions[0].rho).toBeLessThan(gd.directions[0].rho);
    expect(momentum.directions[0].measured).toBeLessThan(gd.directions[0].measured);
  });

  it('follows an edit of the run it shows: a new γ in C16 re-sends the chart with the new rates', async () => {
    const session = createSheetSession({ compute: createComputeApi({ initTfBackend }) });
    const patches: Patch[] = [];
    await session.connect((patch) => patches.push(patch));
    await session.open({ linkText: null, savedText: null });
    await session.idle();
    const before = latest(patches).charts.get('eigen');
    if (before?.data.kind !== 'eigen') throw new Error('no eigen chart in the default sheet');
    const rhoBefore = before.data.runs[0].directions.map((d) => d.rho);
    await session.apply(1, { kind: 'setCells', entries: [['C16', '0.5']] });
    await session.idle();
    const after = latest(patches).charts.get('eigen');
    if (after?.data.kind !== 'eigen') throw new Error('the eigen chart was not re-sent');
    expect(after.version).toBeGreaterThan(before.version);
    // Heavy ball with γ = 0.5 along the stiff direction (λ = 2, η = 0.9): complex roots, ρ = √γ.
    expect(after.data.runs[0].directions[1].rho).toBeCloseTo(Math.sqrt(0.5), 9);
    expect(after.data.runs[0].directions.map((d) => d.rho)).not.toEqual(rhoBefore);
  });
});
