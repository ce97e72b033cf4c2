/**
 * The regression run functions of the formula language:
 *   REGRESSION(lr, mom[, epochs, batch, decay_epoch, convention, data_seed | data, train_seed, n, noise])
 *     minibatch SGD with momentum; defaults 3, 10, 2, "mxnet", 1, 1, 1000, 0.01; convention
 *     "mxnet" (the chapter's and Gluon's v ← m·v + lr·g; p ← p − v) or "pytorch" (alias
 *     "tensorflow"/"tf": a ← m·a + g; p ← p − lr·a).
 *   SGD(lr[, epochs, batch, decay_epoch, data_seed | data, train_seed, n, noise])
 *     plain minibatch SGD, p ← p − lr·g: a separate update rule with no velocity at all, so that
 *     exercise 2 (momentum 0 is plain SGD) can be checked rather than assumed.
 * decay_epoch is a whole number or "none"; as in the chapter (`if decay_epoch and …`), 0 means
 * no decay too. data: a range of the sheet (feature columns, then the label column) instead of
 * the generated set (n and noise are then left out). Both check their options alike (runArgs.ts).
 */
import { define, type FunctionSpec } from './coerce';
import { REGRESSION_OPTION_PARAMS, REGRESSION_POSITIONS, regressionOptions, type RegressionPositions } from './runArgs';
import { regressionRequest, runCell } from './runs';

/** SGD's positions: lr alone comes first, and there is no convention (0: none). */
const SGD_POSITIONS: RegressionPositions = { epochs: 2, batch: 3, decay: 4, convention: 0, data: 5, n: 7, noise: 8 };

export const REGRESSION_FUNCTIONS: readonly FunctionSpec[] = [
  define({
    name: 'REGRESSION',
    params: ['number', 'number', ...REGRESSION_OPTION_PARAMS],
    syntax: 'REGRESSION(lr, mom[, epochs, batch, decay_epoch, convention, data_seed | data, train_seed, n, noise])',
    body: ([lr, momentum, ...rest], _, ctx) => {
      const options = regressionOptions(rest, 'REGRESSION', 1, REGRESSION_POSITIONS);
      return 'kind' in options ? options : runCell(regressionRequest({ ...options, lr, momentum }), ctx.runs);
    },
  }),
  define({
    name: 'SGD',
    // REGRESSION's option types without the convention.
    params: ['number', 'int?', 'int?', 'value?', 'value?', 'int?', 'int?', 'number?'],
    syntax: 'SGD(lr[, epochs, batch, decay_epoch, data_seed | data, train_seed, n, noise]) — plain minibatch SGD, no velocity',
    body: ([lr, epochs, batch, decay, data, trainSeed, n, noise], _, ctx) => {
      const options = regressionOptions([epochs, batch, decay, undefined, data, trainSeed, n, noise], 'SGD', 1, SGD_POSITIONS);
      return 'kind' in options ? options : runCell(regressionRequest({ ...options, lr, momentum: 0, optimizer: 'sgd' }), ctx.runs);
    },
  }),
];
