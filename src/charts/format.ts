/**
 * Text helpers for tooltips and labels. Tooltip formatters return HTML that ECharts inserts as
 * markup, and run labels can come from cell text, so every dynamic piece goes through escapeHtml.
 */

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** escapeHtml('<b>') === '&lt;b&gt;' */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]);
}

/** Four significant digits without trailing zeros: formatNumber(0.123456) === '0.1235', formatNumber(2e-7) === '2e-7'. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e5 || magnitude < 1e-3) return value.toExponential(2).replace(/\.?0+e/, 'e').replace('e+', 'e');
  return String(Number(value.toPrecision(4)));
}

/** Legend entries are matched by name, so equal labels would merge: ['a', 'a'] → ['a', 'a (2)']. */
export function uniqueLabels(labels: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return labels.map((label) => {
    const count = (seen.get(label) ?? 0) + 1;
    seen.set(label, count);
    return count === 1 ? label : `${label} (${count})`;
  });
}

/**
 * Legend names without the words every label shares, e.g. ['B31 lr=0.2 mom=0.99', 'B32 lr=0.2
 * mom=0.9'] → ['B31 mom=0.99', 'B32 mom=0.9']: with many runs the legend then fits without
 * paging, and what tells the runs apart is what it shows. The first word (the cell) always stays;
 * the tooltip still lists every hyperparameter.
 */
export function withoutSharedWords(labels: readonly string[]): string[] {
  if (labels.length < 2) return [...labels];
  const words = labels.map((label) => label.split(' '));
  const shared = new Set(words[0].slice(1).filter((word) => word !== '' && words.every((other) => other.slice(1).includes(word))));
  return words.map(([first, ...rest]) => [first, ...rest.filter((word) => !shared.has(word))].join(' '));
}

/** A coloured dot for tooltip rows (the colour comes from our palette, never from user text). */
export function colorDot(color: string): string {
  return `<span style="display:inline-block;width:9px;height:9px;border-radius:50%;margin-right:5px;background:${escapeHtml(color)}"></span>`;
}
