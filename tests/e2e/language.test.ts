/**
 * Both languages, everywhere: after switching to Chinese, no English is left in the page's own
 * text (buttons, banners, notes, run cells, chart summaries, accessible names), apart from what
 * is not language at all: formulas and function names, numbers, units and file formats.
 */
import { describe, expect, it } from 'vitest';
import { ready, settled, useE2E } from './pageHelpers';

const e2e = useE2E();

/** Latin words that are not English prose: names of methods, formats, variables and values. */
const NOT_ENGLISH = new Set([
  'GD', 'SGD', 'Nesterov', 'Polyak', 'PNG', 'SVG', 'CSV', 'JSON', 'NumPy', 'Gluon', 'PyTorch', 'pytorch', 'mxnet', 'tf', 'train',
  'momentum', 'printed', 'corrected', 'lr', 'mom', 'EWMA', 'Momentum', 'Playground', 'Ctrl', 'Shift', 'Alt', 'F2', 'Esc', 'Enter', 'Tab',
  'x1', 'x2', 'grad', 'mode', 'grad_mode', 'eta', 'gamma', 'steps', 'sgd', 'gd', 'nesterov', 'max', 'loss', 'NaN', 'Infinity',
  // Terms of the trade kept in Chinese texts, key names, a file extension, code the chapter quotes.
  'Hessian', 'Delete', 'json', 'Trainer',
  // Each language is named in its own language in the picker, so a reader always finds theirs.
  'English',
]);

describe('the page in Chinese', () => {
  it('shows no English words of its own once the language is switched', async () => {
    const { page, errors } = await e2e.newPage();
    await page.goto(e2e.baseUrl);
    await ready(page);
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh');
    await settled(page);
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    const texts = await page.evaluate(() => {
      const found: string[] = [];
      // Cells that show what the user typed (numbers, text, formulas) are the user's, not ours.
      const usersOwn = (element: Element | null) => {
        const cell = element?.closest('[role="gridcell"]');
        const kind = cell?.getAttribute('data-kind');
        return kind !== undefined && kind !== null && kind !== 'note' && kind !== 'run';
      };
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || usersOwn(parent) || parent.closest('script, style, .mp-formula-bar, [role="columnheader"], [role="rowheader"]')) continue;
        if (node.textContent?.trim()) found.push(node.textContent.trim());
      }
      for (const element of document.querySelectorAll('[aria-label], [title]')) {
        if (usersOwn(element) || element.closest('.mp-formula-bar')) continue;
        for (const name of ['aria-label', 'title']) {
          const value = element.getAttribute(name);
          if (value) found.push(value);
        }
      }
      return found;
    });
    // A word of three or more Latin letters that is not a name, a format or a variable is English left behind.
    const english = texts.flatMap((text) =>
      (text.replace(/=[A-Z_]+\(.*$/, '').match(/\b[A-Za-z][A-Za-z_]{2,}\b/g) ?? []).filter((word) => !NOT_ENGLISH.has(word) && !word.includes('_')).map((word) => `${word} ← “${text.slice(0, 80)}”`),
    );
    expect(english).toEqual([]);
    expect(errors).toEqual([]);
  });
});
