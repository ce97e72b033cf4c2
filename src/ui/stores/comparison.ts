/**
 * The comparison table of two or more run cells: one column per run, one row per input and per
 * outcome, each value as the session rounded it (the grid's six significant digits). A row is
 * marked different when the runs do not all read the same, which is what a reader scans for.
 */
import type { RunSummary } from '../../session/contract';

export interface ComparisonRow {
  /** Field name: the catalogue key is `run.input.<name>` or `run.outcome.<name>`. */
  readonly name: string;
  readonly group: 'input' | 'outcome';
  /** One value per run, in column order; '—' where the field does not apply. */
  readonly values: readonly string[];
  readonly differs: boolean;
}

export interface Comparison {
  readonly addresses: readonly string[];
  readonly rows: readonly ComparisonRow[];
}

/** Outcomes in reading order: where the run ends, how close to the optimum, how fast, when it blows up. */
const OUTCOME_ORDER = ['f', 'loss', 'x1', 'x2', 'w1', 'w2', 'b', 'distance', 'stepsTo1e3', 'divergedAt', 'rate'] as const;

const NOT_APPLICABLE = '—';

/**
 * `compareRuns([['D16', a], ['D17', b]])` → rows for every input either run has and every
 * outcome; `null` for fewer than two runs.
 */
export function compareRuns(runs: ReadonlyArray<readonly [address: string, summary: RunSummary]>): Comparison | null {
  if (runs.length < 2) return null;
  const summaries = runs.map(([, summary]) => summary);
  const inputs = [...new Set(summaries.flatMap((summary) => Object.keys(summary.inputs)))];
  const outcomes = OUTCOME_ORDER.filter((name) => summaries.some((summary) => name in summary.outcomes));
  const row = (name: string, group: ComparisonRow['group']): ComparisonRow => {
    const values = summaries.map((summary) => summary.shown[name] ?? NOT_APPLICABLE);
    return { name, group, values, differs: values.some((value) => value !== values[0]) };
  };
  return {
    addresses: runs.map(([address]) => address),
    rows: [...inputs.map((name) => row(name, 'input')), ...outcomes.map((name) => row(name, 'outcome'))],
  };
}
