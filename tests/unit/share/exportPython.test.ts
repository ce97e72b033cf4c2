import { describe, expect, it } from 'vitest';
import type { RegressionRequest, RegressionResult } from '../../../src/core/runTypes';
import { pythonLiteral, regressionRunsToPython } from '../../../src/share/exportPython';
import { runRegressionReference } from '../../reference/regressionReference';
import { parsesAsPython, runPython } from './python';
import { chapterRegression } from './sheetArbitraries';

interface ScriptRun {
  readonly label: string;
  readonly losses: (number | string)[];
  readonly w: number[];
  readonly b: number;
  readonly diverged_at: number | null;
}

const runScript = (script: string): ScriptRun[] => JSON.parse(runPython(script, ['--json'])) as ScriptRun[];

const withConfig = (config: RegressionRequest['configs'][number], overrides: Partial<RegressionRequest> = {}): RegressionRequest => ({
  ...chapterRegression(0.5),
  configs: [config],
  ...overrides,
});

/** The script's run against the float64 reference: every loss and parameter, and the divergence step. */
function expectReproduces(run: ScriptRun, reference: RegressionResult, relative: number): void {
  const expected = reference.losses[0];
  expect(run.losses).toHaveLength(expected.length);
  run.losses.forEach((loss, t) => {
    if (Number.isNaN(expected[t])) return expect(loss).toBe('nan');
    if (!(Math.abs((loss as number) - expected[t]) <= relative * Math.abs(expected[t]))) expect.fail(`${run.label}, loss ${t}: ${loss} vs ${expected[t]}`);
  });
  [...run.w, run.b].forEach((value, j) => {
    const want = reference.finalParams[0][j];
    if (!(Math.abs(value - want) <= relative * Math.max(1, Math.abs(want)))) expect.fail(`${run.label}, parameter ${j}: ${value} vs ${want}`);
  });
  expect(run.diverged_at).toBe(reference.divergedAt[0]);
}

const chapterRuns = [0.99, 0.9, 0.5].map((mom) => ({ label: `mom ${mom}`, request: chapterRegression(mom) }));

describe('Python export of the regression runs', () => {
  it('carries every hyperparameter of every run exactly', () => {
    const custom: RegressionRequest = {
      ...chapterRegression(0.9),
      data: { n: 777, trueW: [1.5, -0.25], trueB: 3.125, noise: 0.02, seed: 42 },
      batchSize: 16,
      epochs: 5,
      decayEpoch: null,
      decayFactor: 0.3,
      trainSeed: 99,
      initScale: 0.001,
      configs: [{ lr: 0.035, momentum: 0.75, convention: 'pytorch' }],
    };
    const script = regressionRunsToPython([{ label: 'custom', request: custom }]);
    expect(script).toContain(
      'dict(label="custom", n=777, true_w=(1.5, -0.25), true_b=3.125, noise=0.02, data_seed=42, batch_size=16, epochs=5, ' +
        'decay_epoch=None, decay_factor=0.3, train_seed=99, init_scale=0.001, lr=0.035, momentum=0.75, rule="pytorch")',
    );
  });

  it('writes one run per config of a batched request', () => {
    const sweep = { ...chapterRegression(0.5), configs: [0.5, 0.9].map((momentum) => ({ lr: 0.2, momentum, convention: 'mxnet' as const })) };
    const script = regressionRunsToPython([{ label: 'sweep', request: sweep }]);
    expect(script).toContain('label="sweep [1]"');
    expect(script).toContain('label="sweep [2]"');
  });

  it('writes labels as inert string literals', () => {
    expect(pythonLiteral('say "hi"\n')).toBe('"say \\"hi\\"\\n"');
    expect(pythonLiteral('学习率 η')).toBe('"\\u5b66\\u4e60\\u7387 \\u03b7"');
    expect(pythonLiteral('\u2028')).toBe('"\\u2028"');
    expect(pythonLiteral(Number.POSITIVE_INFINITY)).toBe('float("inf")');
    expect(pythonLiteral(null)).toBe('None');
  });

  it('stays valid Python whatever the label holds', () => {
    const hostile = '"""\nimport os; os.system("echo pwned")\n\'\'\'\\ \u2028 \ud800';
    expect(parsesAsPython(regressionRunsToPython([{ label: hostile, request: chapterRegression(0.5) }]))).toBe(true);
  });

  it('names a run on a data range of the sheet in a comment, which it cannot carry, and still runs the others', () => {
    const table = { kind: 'table', n: 3, featureCount: 1, features: Float64Array.of(1, 2, 3), labels: Float64Array.of(2, 4, 6) } as const;
    const script = regressionRunsToPython([
      { label: 'own data', request: { ...chapterRegression(0.5), data: table, batchSize: 1 } },
      { label: 'mom 0.5', request: chapterRegression(0.5) },
    ]);
    expect(script).toContain('# "own data" trains on a data range of the sheet');
    expect(runScript(script).map((run) => run.label)).toEqual(['mom 0.5']);
  }, 60_000);

  it('reproduces the app’s chapter runs: the same data, initial weights and batches, every loss and parameter to 1e-12', () => {
    const runs = runScript(regressionRunsToPython(chapterRuns));
    expect(runs.map((r) => r.label)).toEqual(['mom 0.99', 'mom 0.9', 'mom 0.5']);
    runs.forEach((run, i) => expectReproduces(run, runRegressionReference(chapterRuns[i].request), 1e-12));
  }, 60_000);

  it('reproduces the other rules and options: PyTorch’s convention, plain SGD, no decay, decay_epoch 0, a short last batch, other seeds', () => {
    const requests: RegressionRequest[] = [
      withConfig({ lr: 0.2, momentum: 0.99, convention: 'pytorch' }),
      withConfig({ lr: 0.2, momentum: 0, convention: 'mxnet', optimizer: 'sgd' }),
      withConfig({ lr: 0.1, momentum: 0.9, convention: 'mxnet' }, { decayEpoch: null, epochs: 2 }),
      withConfig({ lr: 0.1, momentum: 0.9, convention: 'mxnet' }, { decayEpoch: 0, epochs: 2 }),
      withConfig({ lr: 0.05, momentum: 0.5, convention: 'pytorch' }, { data: { n: 205, trueW: [1, 2], trueB: -1, noise: 0.1, seed: 7.5 }, batchSize: 16, trainSeed: -3 }),
    ];
    const runs = runScript(regressionRunsToPython(requests.map((request, i) => ({ label: `run ${i}`, request }))));
    runs.forEach((run, i) => expectReproduces(run, runRegressionReference(requests[i]), 1e-12));
  }, 60_000);

  it('says where a run diverges, by the app’s rule, and blanks the losses past the bound as the app does', () => {
    const request = withConfig({ lr: 5, momentum: 0.9, convention: 'mxnet' });
    const [run] = runScript(regressionRunsToPython([{ label: 'blow-up', request }]));
    const reference = runRegressionReference(request);
    expect(reference.divergedAt[0]).not.toBeNull();
    expectReproduces(run, reference, 1e-9);
    expect(runPython(regressionRunsToPython([{ label: 'blow-up', request }]))).toContain(`blow-up: diverges from step ${reference.divergedAt[0]}`);
  }, 60_000);
});
