/**
 * The comparison of the selected run cells: one column per run, inputs then outcomes, rows where
 * the runs differ highlighted. It sits at the top of the charts pane, so it is in view beside the
 * charts while the selection lasts; when it appears while that pane is scrolled down (to the loss
 * chart, say), the pane scrolls up to it, or a selection would seem to do nothing.
 */
import { For, onMount, Show, type JSX } from 'solid-js';
import type { Comparison } from '../../stores/comparison';
import { t } from '../../../i18n/localeStore';

export function ComparisonCard(props: { comparison: Comparison; labelOf: (address: string) => string }): JSX.Element {
  const title = () => t('compare.title', { runs: props.comparison.addresses.join(', ') });
  const rows = (group: 'input' | 'outcome') => props.comparison.rows.filter((row) => row.group === group);
  const section = (group: 'input' | 'outcome') => (
    <tbody>
      <tr class="compare-group">
        <th scope="colgroup" colSpan={props.comparison.addresses.length + 1}>
          {t(group === 'input' ? 'compare.inputs' : 'compare.outcomes')}
        </th>
      </tr>
      <For each={rows(group)}>
        {(row) => (
          <tr classList={{ 'is-different': row.differs }}>
            <th scope="row">{t(`run.${group}.${row.name}`)}</th>
            <For each={row.values}>
              {(value) => (
                <td title={value} classList={{ 'is-number': isNumeric(value) }}>
                  {value}
                </td>
              )}
            </For>
          </tr>
        )}
      </For>
    </tbody>
  );
  let card!: HTMLDivElement;
  onMount(() => revealInPane(card));
  return (
    <div ref={card} class="chart-card compare-card" role="region" aria-label={title()}>
      <h2>{title()}</h2>
      <div class="compare-scroll">
        <table class="compare-table">
          <thead>
            <tr>
              <th scope="col">{t('compare.field')}</th>
              <For each={props.comparison.addresses}>{(address) => <th scope="col" title={props.labelOf(address)}>{address}</th>}</For>
            </tr>
          </thead>
          {section('input')}
          {section('outcome')}
        </table>
      </div>
      <Show when={props.comparison.rows.some((row) => row.differs)}>
        <p class="chart-note">{t('compare.differNote')}</p>
      </Show>
    </div>
  );
}

/** Numbers are never cut short (their digits are the point); formulas and names may be. */
const isNumeric = (value: string): boolean => value.trim() !== '' && Number.isFinite(Number(value));

/** Scroll the charts pane (only it: on a phone the page scrolls, and the grid must stay put) so the card's top shows. */
function revealInPane(card: HTMLElement): void {
  const pane = card.closest<HTMLElement>('.charts-pane');
  if (!pane || pane.scrollHeight <= pane.clientHeight || getComputedStyle(pane).overflowY === 'visible') return;
  const above = card.getBoundingClientRect().top - pane.getBoundingClientRect().top;
  if (above < 0) pane.scrollTop += above - 10;
}
