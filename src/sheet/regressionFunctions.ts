/**
 * The regression run functions of the formula language:
 *   REGRESSION(lr, mom[, epochs, batch, decay_epoch, convention, data_seed, train_seed, n, noise])
 *     minibatch SGD with momentum; defaults 3, 10, 2, "mxnet", 1, 1, 1000, 0.01; convention
 *     "mxnet" (the chapter's and Gluon's v ← m·v + lr·g; p ← p − v) or "pytorch" (alias
 *     "tensorflow"/"tf": a ← m·a + g; p ← p − lr·a).
 *   SGD(lr[, epochs, batch, decay_epoch, data_seed, train_seed, n, noise])
 *     plain minibatch SGD, p ← p − lr·g: a separate update rule with no velocity at all, so that
 *     exercise 2 (momentum 0 is plain SGD) can be checked rather than assumed.
 * decay_epoch is a whole number or "none"; as in the chapter (`if decay_epoch and …`), 0 means
 * no decay too.
 */
import { define, type FunctionContext, type FunctionSpec } from './coerce';
import { REGRESSION_DEFAULTS, regressionRequest, runCell } from './runs';
import type { CellValue } from './types';
import { outside, sheetError } from './values';

const CONVENTIONS: Readonly<Record<string, 'mxnet' | 'pytorch'>> = {
  mxnet: 'mxnet',
  pytorch: 'pytorch',
  tensorflow: 'pytorch',
  tf: 'pytorch',
};

/** The decay_epoch argument: a whole number (0: no decay), "none", or absent (the chapter's 2). */
function decayArgument(decay: CellValue | undefined, name: string, position: number): { readonly epoch: number | null } | CellValue {
  if (decay === undefined || decay.kind === 'empty') return { epoch: REGRESSION_DEFAULTS.decayEpoch };
  if (decay.kind === 'text' && decay.value.toLowerCase() === 'none') return { epoch: null };
  if (decay.kind === 'number' && Number.isInteger(decay.value) && decay.value >= 0) return { epoch: decay.value === 0 ? null : decay.value };
  const got = String(decay.kind === 'text' ? decay.value : decay.kind);
  return sheetError('#VALUE!', 'error.badOption', { name, position, options: 'a whole number or "none"', got });
}

interface Options {
  readonly epochs?: number;
  readonly batch?: number;
  readonly decay?: CellValue;
  readonly convention?: string;
  readonly dataSeed?: number;
  readonly trainSeed?: number;
  readonly n?: number;
  readonly noise?: number;
}

/** Where each optional argument sits in a function's argument list, for error messages. */
type Positions = Readonly<Record<'epochs' | 'batch' | 'decay' | 'convention' | 'n' | 'noise', number>>;

function regressionCell(
  name: string,
  lr: number,
  momentum: number,
  options: Options,
  positions: Positions,
  optimizer: 'sgd' | undefined,
  ctx: FunctionContext,
): CellValue {
  const d = REGRESSION_DEFAULTS;
  const n = options.n ?? d.n;
  const epochs = options.epochs ?? d.epochs;
  const batchSize = options.batch ?? d.batchSize;
  const noise = options.noise ?? d.noise;
  const failed = [
    outside(epochs, 1, 1000, positions.epochs, name),
    outside(n, 1, 100_000, positions.n, name),
    outside(batchSize, 1, n, positions.batch, name),
    outside(noise, 0, Infinity, positions.noise, name),
  ].find((c) => c !== null);
  if (failed) return failed;
  const decay = decayArgument(options.decay, name, positions.decay);
  if (!('epoch' in decay)) return decay;
  const conventionKey = (options.convention ?? d.convention).toLowerCase();
  if (!(conventionKey in CONVENTIONS)) {
    return sheetError('#VALUE!', 'error.badOption', { name, position: positions.convention, options: '"mxnet", "pytorch"', got: options.convention ?? '' });
  }
  const request = regressionRequest({
    lr,
    momentum,
    epochs,
    batchSize,
    decayEpoch: decay.epoch,
    convention: CONVENTIONS[conventionKey],
    dataSeed: options.dataSeed ?? d.dataSeed,
    trainSeed: options.trainSeed ?? d.trainSeed,
    n,
    noise,
    optimizer,
  });
  return runCell(request, ctx.runs);
}

export const REGRESSION_FUNCTIONS: readonly FunctionSpec[] = [
  define({
    name: 'REGRESSION',
    params: ['number', 'number', 'int?', 'int?', 'value?', 'text?', 'int?', 'int?', 'int?', 'number?'],
    syntax: 'REGRESSION(lr, mom[, epochs, batch, decay_epoch, convention, data_seed, train_seed, n, noise])',
    body: ([lr, momentum, epochs, batch, decay, convention, dataSeed, trainSeed, n, noise], _, ctx) =>
      regressionCell(
        'REGRESSION',
        lr,
        momentum,
        { epochs, batch, decay, convention, dataSeed, trainSeed, n, noise },
        { epochs: 3, batch: 4, decay: 5, convention: 6, n: 9, noise: 10 },
        undefined,
        ctx,
      ),
  }),
  define({
    name: 'SGD',
    params: ['number', 'int?', 'int?', 'value?', 'int?', 'int?', 'int?', 'number?'],
    syntax: 'SGD(lr[, epochs, batch, decay_epoch, data_seed, train_seed, n, noise]) — plain minibatch SGD, no velocity',
    body: ([lr, epochs, batch, decay, dataSeed, trainSeed, n, noise], _, ctx) =>
      regressionCell(
        'SGD',
        lr,
        0,
        { epochs, batch, decay, dataSeed, trainSeed, n, noise },
        { epochs: 2, batch: 3, decay: 4, convention: 0, n: 7, noise: 8 },
        'sgd',
        ctx,
      ),
  }),
];
