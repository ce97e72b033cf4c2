import { describe, expect, it } from 'vitest';
import { formatNumber, formatShort, formatValue } from '../../../src/sheet/format';
import { settle, sheet } from './helpers';
import { translate } from '../../../src/i18n/i18n';

describe('formatValue', () => {
  it('prints numbers to six significant digits and hides binary noise', () => {
    expect(formatNumber(1 / (1 - 0.95))).toBe('20');
    expect(formatNumber(1 / 3)).toBe('0.333333');
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(-5)).toBe('-5');
    expect(formatNumber(123456.7)).toBe('123457');
  });

  it('switches to an exponent for the tiny and the huge', () => {
    expect(formatNumber(1.5e-7)).toBe('1.5e-7');
    expect(formatNumber(-2.5e12)).toBe('-2.5e12');
    expect(formatNumber(0.0001)).toBe('0.0001');
    expect(formatNumber(0.00001234567)).toBe('1.23457e-5');
    expect(formatShort(7.04e-4)).toBe('7.0e-4');
    expect(formatShort(0.5123)).toBe('0.512');
  });

  it('shows errors as their code, booleans in capitals, arrays compactly', () => {
    const e = sheet({ A1: '=1/0', A2: '=1<2', A3: '=EWMA_WEIGHTS(0.5, 10)', A4: '=[1, 2]', A5: '=[0.2*x1, 2*x2]', A6: '=x1^2' });
    expect(formatValue(e.value('A1'))).toBe('#DIV/0!');
    expect(formatValue(e.value('A2'))).toBe('TRUE');
    expect(formatValue(e.value('A3'))).toBe('[0.5, 0.25, 0.125, … (10)]');
    expect(formatValue(e.value('A4'))).toBe('[1, 2]');
    expect(formatValue(e.value('A5'))).toBe('∇ (0.2 * x1, 2 * x2)');
    expect(formatValue(e.value('A6'))).toBe('x1 ^ 2');
    expect(formatValue({ kind: 'empty' })).toBe('');
  });

  it('summarises a run compactly: method, steps and final f', () => {
    const e = sheet({ A1: '=MOMENTUM(0.1*x1^2 + 2*x2^2, -5, -2, 0.9, 0.2, 15, [0.2*x1, 2*x2])', A2: '=GD(x1^2 + x2^2, 1, 1, 0.25, 3)' });
    expect(formatValue(e.value('A1'))).toBe('…');
    settle(e);
    expect(formatValue(e.value('A1'))).toBe('momentum · 15 steps · f = 7.0e-4');
    // GD on x1² + x2² with η = 1/4 halves x each step: f = 2·(1/8)² after 3 steps.
    expect(formatValue(e.value('A2'))).toBe(`GD · 3 steps · f = ${formatShort(2 / 64)}`);
    // In the user's language through the catalogue, with the same numbers.
    expect(formatValue(e.value('A1'), (key, args) => translate('zh', key, args))).toBe('momentum · 15 步 · f = 7.0e-4');
    expect(formatValue(e.value('A1'), (key, args) => translate('en', key, args))).toBe('momentum · 15 steps · f = 7.0e-4');
  });

  it('a diverged run says from which step, instead of a final value that means nothing', () => {
    const e = sheet({ A1: '=GD(0.1*x1^2 + 2*x2^2, -5, -2, 1.1, 15, [0.2*x1, 2*x2])', A2: '=REGRESSION(5, 0.9)', A3: '=SGD(0.2)' });
    settle(e);
    expect(formatValue(e.value('A1'))).toBe('GD · 15 steps · diverges from step 1');
    expect(formatValue(e.value('A1'), (key, args) => translate('zh', key, args))).toBe('GD · 15 步 · 从第 1 步起发散');
    const step = e.runAt('A2')?.divergedAt;
    expect(step).not.toBeNull();
    expect(formatValue(e.value('A2'))).toBe(`regression · mom 0.9 · diverges from step ${step}`);
    expect(formatValue(e.value('A3'))).toMatch(/^SGD · loss = \d/);
  });

  it('shows notes through the translation function, or as their key without one (the engine holds no sentences)', () => {
    const note = { kind: 'note', key: 'note.sgd' } as const;
    expect(formatValue(note)).toBe('note.sgd');
    expect(formatValue(note, (key) => (key === 'note.sgd' ? 'mom = 0：普通的小批量 SGD。' : key))).toBe('mom = 0：普通的小批量 SGD。');
    expect(formatValue({ kind: 'note', key: 'no.such.key' })).toBe('no.such.key');
  });
});
