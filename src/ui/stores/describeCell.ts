/**
 * How a cell value looks in the grid: formatted text, a kind for styling, and a hover sentence
 * (errors explain themselves; runs summarise their settings). Translated through the catalogue.
 */
import type { CellValue } from '../../sheet/types';
import type { CellView, CellViewKind } from './gridModel';
import { formatNumber, formatValue } from '../../sheet/format';
import { t } from '../../i18n/localeStore';

const KIND: Readonly<Record<CellValue['kind'], CellViewKind>> = {
  empty: 'empty',
  number: 'number',
  text: 'text',
  note: 'note',
  boolean: 'boolean',
  array: 'array',
  objective: 'objective',
  gradient: 'objective',
  run: 'run',
  pending: 'pending',
  error: 'error',
};

export function describeCell(value: CellValue, stale: boolean, color: string | undefined): CellView {
  const text = formatValue(value, (key, args) => t(key, args));
  return {
    text,
    kind: KIND[value.kind],
    title: titleOf(value),
    stale: stale || undefined,
    color,
  };
}

function titleOf(value: CellValue): string | undefined {
  switch (value.kind) {
    case 'error':
      return `${value.code} ${t(value.reason, value.args)}`;
    case 'note':
      // The whole explanation, also when the cell shows only its beginning.
      return t(value.key);
    case 'run': {
      const request = value.request;
      if (request.kind === 'path2d') {
        const title = t('run.path2dTitle', {
          method: t(`method.${request.method}`),
          eta: formatNumber(request.eta),
          gamma: formatNumber(request.gamma),
          steps: request.steps,
          x1: formatNumber(request.start[0]),
          x2: formatNumber(request.start[1]),
        });
        // The chapter's erratum, said where the run is: a typed gradient that is not ∇f.
        const check = value.result.kind === 'path2d' ? value.result.gradientCheck : null;
        return check && !check.agrees ? `${title}. ${t('run.gradientMismatch', { derived: `(${check.derived.join(', ')})` })}` : title;
      }
      if (request.kind !== 'regression') return undefined; // a sweep cell has no hover title here
      const config = request.configs[0];
      return t('run.regressionTitle', {
        lr: formatNumber(config.lr),
        mom: formatNumber(config.momentum),
        convention: config.convention,
        epochs: request.epochs,
        batch: request.batchSize,
      });
    }
    case 'pending':
      return t('run.pending');
    default:
      return undefined;
  }
}
