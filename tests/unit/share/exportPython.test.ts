import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RegressionRequest } from '../../../src/core/runTypes';
import { pythonLiteral, regressionRunsToPython } from '../../../src/share/exportPython';
import { runRegressionReference } from '../../reference/regressionReference';
import { chapterRegression } from './sheetArbitraries';

/** python3 with NumPy, if this machine has it; the tests that run the script need it. */
const python = (() => {
  const probe = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' });
  return probe.status === 0 ? 'python3' : null;
})();

function runScript(script: string, check = false): string {
  const file = join(mkdtempSync(join(tmpdir(), 'mp-py-')), 'runs.py');
  writeFileSync(file, script);
  const args = check ? ['-c', 'import ast, sys; ast.parse(open(sys.argv[1]).read()); print("ok")', file] : [file];
  return execFileSync(python!, args, { encoding: 'utf8' });
}

const chapterRuns = [0.99, 0.9, 0.5].map((mom) => ({ label: `mom ${mom}`, request: chapterRegression(mom) }));

describe('Python export', () => {
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
        'decay_epoch=None, decay_factor=0.3, train_seed=99, init_scale=0.001, lr=0.035, momentum=0.75, convention="pytorch")',
    );
    const chapter = regressionRunsToPython(chapterRuns);
    for (const mom of [0.99, 0.9, 0.5]) {
      expect(chapter).toContain(`label="mom ${mom}", n=1000, true_w=(2, -3.4), true_b=4.2, noise=0.01`);
      expect(chapter).toContain(`batch_size=10, epochs=3, decay_epoch=2, decay_factor=0.1, train_seed=7, init_scale=0.01, lr=0.2, momentum=${mom}, convention="mxnet"`);
    }
  });

  it('says that NumPy randomness differs from the app', () => {
    expect(regressionRunsToPython(chapterRuns)).toMatch(/NumPy's random generator differs from the playground's/);
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

  it.runIf(python !== null)('stays valid Python whatever the label holds', () => {
    const hostile = '"""\nimport os; os.system("echo pwned")\n\'\'\'\\ \u2028 \ud800';
    const script = regressionRunsToPython([{ label: hostile, request: chapterRegression(0.5) }]);
    expect(runScript(script, true).trim()).toBe('ok');
  });

  it.runIf(python !== null)('runs and reproduces the chapter and the float64 reference up to randomness', () => {
    const lines = runScript(regressionRunsToPython(chapterRuns)).trim().split('\n');
    expect(lines).toHaveLength(3);
    const runs = lines.map((line) => {
      const match = /final loss (\S+), w = \[(\S+), (\S+)\], b = (\S+)/.exec(line);
      expect(match, line).not.toBeNull();
      const [loss, w1, w2, b] = match!.slice(1, 5).map(Number);
      return { loss, w1, w2, b };
    });
    // The chapter: with mom 0.5 the learned parameters end close to w = [2, -3.4], b = 4.2.
    const { w1, w2, b } = runs[2];
    expect([Math.abs(w1 - 2), Math.abs(w2 + 3.4), Math.abs(b - 4.2)].every((d) => d < 0.01)).toBe(true);
    const reference = chapterRuns.map(({ request }) => {
      const losses = runRegressionReference(request).losses[0];
      return losses[losses.length - 1];
    });
    // mom 0.9 and 0.5 reach the noise floor (noise² / 2 = 5e-5) in both, within a factor of 2;
    // mom 0.99 ends far above it in both (the chapter's loss going up again).
    for (const i of [1, 2]) expect(Math.abs(Math.log10(runs[i].loss / reference[i]))).toBeLessThan(Math.log10(2));
    expect(runs[0].loss).toBeGreaterThan(1);
    expect(reference[0]).toBeGreaterThan(1);
  });
});
