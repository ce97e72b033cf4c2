import { describe, expect, it } from 'vitest';
import { parseMath } from '../../../src/core/mathParser';
import { runPath2D } from '../../../src/core/optimize2d';
import type { Path2DRequest, Path2DResult } from '../../../src/core/runTypes';
import { pathRunsToPython, type LabelledPathRequest } from '../../../src/session/exportPython2d';
import { pythonFormula } from '../../../src/share/pythonFormula';
import { defaultSheet } from '../../../src/sheet/defaultSheet';
import { createEngine } from '../../../src/sheet/engine';
import { PRESETS } from '../../../src/sheet/presets';
import { parsesAsPython, runPython } from '../share/python';

interface ScriptPath {
  readonly label: string;
  readonly x1: (number | string)[];
  readonly x2: (number | string)[];
  readonly f: (number | string)[];
}

function script(runs: readonly LabelledPathRequest[]): string {
  const written = pathRunsToPython(runs);
  if (!written.ok) throw new Error(`not exportable: ${written.subject}`);
  return written.text;
}

const runScript = (runs: readonly LabelledPathRequest[]): ScriptPath[] => JSON.parse(runPython(script(runs), ['--json'])) as ScriptPath[];

function appRun(request: Path2DRequest): Path2DResult {
  const result = runPath2D(request);
  if (result.kind === 'failure') throw new Error(result.message);
  return result;
}

/** The 2-D runs a sheet asks for, labelled by their first cell. */
function sheetPaths(engine = createEngine(defaultSheet())): LabelledPathRequest[] {
  return engine.runNeeds().flatMap((need) => (need.request.kind === 'path2d' ? [{ label: need.cells[0], request: need.request }] : []));
}

function expectCloseSeries(actual: readonly (number | string)[], expected: Float64Array, relative: number): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, t) => {
    if (!(Math.abs((value as number) - expected[t]) <= relative * Math.max(1, Math.abs(expected[t])))) expect.fail(`t = ${t}: ${value} vs ${expected[t]}`);
  });
}

const request = (overrides: Partial<Path2DRequest>): Path2DRequest => ({
  kind: 'path2d',
  method: 'momentum',
  objective: '0.1 * x1 ^ 2 + 2 * x2 ^ 2',
  gradient: null,
  start: [-5, -2],
  eta: 0.4,
  gamma: 0.5,
  steps: 15,
  ...overrides,
});

describe('Python export of the 2-D runs', () => {
  it('reproduces every 2-D run of the default sheet: iterates bit for bit, f to rounding (printed gradient, GD, momentum, Polyak)', () => {
    const runs = sheetPaths();
    expect(runs.length).toBeGreaterThanOrEqual(6);
    const paths = runScript(runs);
    paths.forEach((path, i) => {
      const app = appRun(runs[i].request);
      expect(path.label).toBe(runs[i].label);
      expect(path.x1).toEqual(Array.from(app.x1));
      expect(path.x2).toEqual(Array.from(app.x2));
      expectCloseSeries(path.f, app.f, 1e-15);
    });
  }, 60_000);

  it('reproduces the corrected gradient (derived from f), Nesterov from the Polyak preset, and a run that stops at the bound', () => {
    const corrected = createEngine(defaultSheet());
    corrected.setCell('B6', 'corrected');
    const polyak = createEngine(PRESETS.find((p) => p.id === 'polyak')!.build());
    const runs = [
      ...sheetPaths(corrected),
      ...sheetPaths(polyak).filter((run) => run.request.method === 'nesterov'),
      { label: 'stops', request: request({ method: 'gd', eta: 1.1, steps: 60 }) },
    ];
    expect(runs.some((run) => run.request.method === 'nesterov')).toBe(true);
    const paths = runScript(runs);
    paths.forEach((path, i) => {
      const app = appRun(runs[i].request);
      expect(path.x1).toEqual(Array.from(app.x1));
      expect(path.x2).toEqual(Array.from(app.x2));
      expectCloseSeries(path.f, app.f, 1e-15);
    });
    expect(paths.at(-1)!.x1.length).toBeLessThan(61);
  }, 60_000);

  it('follows objectives with transcendental functions to rounding (NumPy’s and JavaScript’s libm may differ in the last bit)', () => {
    const objective = 'log(1 + x1^2, 2) + sqrt(1 + x2^2) + tanh(x1) * sin(x2) + exp(-x2^2) - cos(x1) / 10 + x1^4 / 4';
    const runs = [
      { label: 'wavy', request: request({ objective, method: 'nesterov', eta: 0.1, gamma: 0.8, steps: 40, start: [1.5, -0.7] }) },
      { label: 'clipped', request: request({ objective: 'x1^2 + x2^2', gradient: ['2*max(x1, -1, -2)', '2*min(x2, 1)'], method: 'gd', eta: 0.3, start: [-4, 3] }) },
    ];
    runScript(runs).forEach((path, i) => {
      const app = appRun(runs[i].request);
      expectCloseSeries(path.x1, app.x1, 1e-12);
      expectCloseSeries(path.x2, app.x2, 1e-12);
      expectCloseSeries(path.f, app.f, 1e-12);
    });
  }, 60_000);

  it('writes formulas from their trees only, and says which run cannot be written', () => {
    const tree = (text: string) => {
      const parsed = parseMath(text);
      if (!parsed.ok) throw new Error(parsed.message);
      return parsed.node;
    };
    const printed = pythonFormula(tree('0.1*x1^2 + 2*x2^2'));
    expect(printed).toEqual({ ok: true, code: '((F(0.1) * np.power(x1, F(2))) + (F(2) * np.power(x2, F(2))))' });
    expect(pythonFormula(tree('__import__("os")'))).toMatchObject({ ok: false });
    expect(pythonFormula(tree('y + 1'))).toEqual({ ok: false, subject: 'y' });
    expect(pathRunsToPython([{ label: 'bad', request: request({ objective: 'foo(x1)' }) }])).toMatchObject({ ok: false, reason: 'share.export.notExportable', label: 'bad' });
  });

  it('stays valid Python whatever the label holds', () => {
    const hostile = '"""\nimport os; os.system("echo pwned")\n\'\'\'\\ \u2028 \ud800';
    expect(parsesAsPython(script([{ label: hostile, request: request({}) }]))).toBe(true);
  });
});
