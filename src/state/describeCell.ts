/**
 * How a cell value looks in the grid: formatted text, a kind for styling, and a hover sentence
 * (errors explain themselves; runs summarise their settings). Translated through the catalogue.
 */
import type { CellValue } from '../sheet/types';
import type { CellView, CellViewKind } from './gridModel';
import { formatValue } from '../sheet/format';
import { t } from '../i18n/localeStore';

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
    case 'run': {
      const request = value.request;
      if (request.kind === 'path2d') {
        return t('run.path2dTitle', {
          method: request.method,
          eta: request.eta,
          gamma: request.gamma,
          steps: request.steps,
          x1: request.start[0],
          x2: request.start[1],
        });
      }
      const config = request.configs[0];
      return t('run.regressionTitle', { lr: config.lr, mom: config.momentum, convention: config.convention, epochs: request.epochs, batch: request.batchSize });
    }
    case 'pending':
      return t('run.pending');
    default:
      return undefined;
  }
}
