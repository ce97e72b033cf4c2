/**
 * The headless CLI evaluates a playground exactly as the browser does: same engine, same
 * compute API (tfjs WASM in Node), same seeds. These tests run it on the default sheet and check
 * the values against the chapter, and check that a link decodes to the same numbers.
 */
import { describe, expect, it } from 'vitest';
import { evaluatePlayground } from '../../src/cli/evaluatePlayground';
import { loadPlayground } from '../../src/cli/loadPlayground';
import { cellsToCsv, type CellReport, type JsonValue } from '../../src/cli/serialize';
import { defaultSheet } from '../../src/sheet/defaultSheet';
import { correctedProblem } from '../../src/sheet/presets';
import { encodeState, LINK_PARAM } from '../../src/share/codec';
import { stateFileText } from '../../src/share/stateFile';

const byAddress = (cells: readonly CellReport[]) => new Map(cells.map((cell) => [cell.address, cell]));
const field = (value: JsonValue | undefined, key: string): JsonValue | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? value[key] : undefined;
const series = (value: JsonValue | undefined, key: string): number[] => field(value, key) as number[];

/** The chapter's 2-D iteration with the printed gradient (0.2·x1, 2·x2), exactly as its Python. */
function chapterMomentum(eta: number, gamma: number, gradX2Factor: number): [number, number] {
  let [x1, x2, v1, v2] = [-5, -2, 0, 0];
  for (let i = 0; i < 15; i++) {
    const [g1, g2] = [0.2 * x1, gradX2Factor * x2];
    v1 = gamma * v1 + eta * g1;
    v2 = gamma * v2 + eta * g2;
    x1 = x1 - v1;
    x2 = x2 - v2;
  }
  return [x1, x2];
}

describe('the CLI on the default playground', () => {
  it('reproduces the chapter: 2-D runs bit for bit, regression runs as the chapter describes', async () => {
    const evaluation = await evaluatePlayground(defaultSheet());
    expect(evaluation.failures).toEqual([]);
    const cells = byAddress(evaluation.cells);
    expect(evaluation.cells.filter((cell) => field(cell.value, 'error') !== undefined)).toEqual([]);

    // Momentum (0.9, 0.2) and (1.1, 0.2) with the printed gradient, 15 steps from (−5, −2).
    for (const [address, eta] of [['D16', 0.9], ['D17', 1.1]] as const) {
      const run = cells.get(address)?.value;
      const [x1, x2] = chapterMomentum(eta, 0.2, 2);
      expect(series(run, 'x1').at(-1)).toBe(x1);
      expect(series(run, 'x2').at(-1)).toBe(x2);
      expect(series(run, 'x1')).toHaveLength(16);
    }
    // GD 0.9 converges and 1.1 grows along x2 (printed gradient: factor 1 − 2η).
    const gd09 = series(cells.get('D13')?.value, 'x2');
    const gd11 = series(cells.get('D14')?.value, 'x2');
    expect(Math.abs(gd09.at(-1)!)).toBeLessThan(Math.abs(gd09[0]));
    expect(Math.abs(gd11.at(-1)!)).toBeCloseTo(2 * 1.2 ** 15, 9);
    // … and is flagged diverged from its first step, the others not at all.
    expect(['D13', 'D14', 'D16', 'D17', 'D18'].map((a) => field(cells.get(a)?.value, 'divergedAt'))).toEqual([null, 1, null, null, null]);
    // The printed gradient is flagged as disagreeing with the objective.
    expect(field(field(cells.get('D16')?.value, 'gradientCheck'), 'agrees')).toBe(false);

    // Regression: 301 losses; mom 0.5 ends near the truth; mom 0.99 ends far worse than 0.9.
    const reg = (address: string) => cells.get(address)?.value;
    expect(series(reg('B33'), 'losses')).toHaveLength(301);
    const params05 = field(reg('B33'), 'finalParams') as Record<string, number>;
    expect(Math.abs(params05.w1 - 2)).toBeLessThan(2e-3);
    expect(Math.abs(params05.w2 + 3.4)).toBeLessThan(2e-3);
    expect(Math.abs(params05.b - 4.2)).toBeLessThan(2e-3);
    const finalLoss = (address: string) => series(reg(address), 'losses').at(-1)!;
    expect(finalLoss('B31')).toBeGreaterThan(100 * finalLoss('B32'));
    // Gluon's convention is the from-scratch rule; PyTorch's parts from it after the decay.
    expect(series(reg('B37'), 'losses')).toEqual(series(reg('B31'), 'losses'));
    expect(finalLoss('B37')).toBeGreaterThan(10 * finalLoss('B41'));
    // Exercise 2 on the tfjs engine: plain SGD and momentum 0 agree loss for loss.
    expect(cells.get('B49')?.value).toBe(0);
    expect(field(field(reg('B48'), 'config'), 'optimizer')).toBe('sgd');
    // EWMA: 0.95^20 ≈ e⁻¹, window 1/(1−γ).
    expect(cells.get('B24')?.value).toBeCloseTo(20, 12);
    expect(Math.abs((cells.get('C24')?.value as number) - Math.exp(-1))).toBeLessThan(0.01);
    expect(cellsToCsv(evaluation.cells)).toContain('D16,x1,15,');
  }, 120_000);

  it('in the corrected problem, runs are flagged diverged exactly where theory says (rate > 1)', async () => {
    const evaluation = await evaluatePlayground(correctedProblem());
    const cells = byAddress(evaluation.cells);
    for (const [run, rate] of [['D13', 'E13'], ['D14', 'E14'], ['D16', 'E16'], ['D17', 'E17']] as const) {
      const rateValue = cells.get(rate)?.value as number;
      const x2 = series(cells.get(run)?.value, 'x2');
      const divergedAt = field(cells.get(run)?.value, 'divergedAt');
      expect(divergedAt !== null).toBe(rateValue > 1);
      expect(Math.abs(x2.at(-1)!) > Math.abs(x2[0])).toBe(rateValue > 1);
    }
  }, 120_000);

  it('evaluates a link and a state file to the same numbers as the sheet itself', async () => {
    const state = defaultSheet();
    const link = `http://localhost:5173/#${LINK_PARAM}=${encodeState(state)}`;
    const fromLink = loadPlayground(link, { readFile: () => null });
    const fromFile = loadPlayground('sheet.json', { readFile: () => stateFileText(state) });
    expect(fromLink.ok && fromFile.ok).toBe(true);
    if (!fromLink.ok || !fromFile.ok) return;
    const [direct, viaLink] = await Promise.all([evaluatePlayground(state), evaluatePlayground(fromLink.state)]);
    expect(viaLink.cells).toEqual(direct.cells);
    expect(fromFile.state).toEqual(fromLink.state);
  }, 120_000);

  it('refuses a broken link with the reason, and a missing file', () => {
    const broken = loadPlayground('http://x/#s=1.garbage!!', { readFile: () => null });
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.message).toMatch(/cannot be opened/);
    const missing = loadPlayground('nope.json', { readFile: () => null });
    expect(!missing.ok && missing.message).toMatch(/no such file/);
  });
});
