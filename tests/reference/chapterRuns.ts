/** The chapter's regression experiment as requests, for tests and the bench. */
import type { MomentumConvention, RegressionConfig, RegressionDataSpec, RegressionRequest } from '../../src/core/runTypes';

/** A request on the generated data set (its data spec readable without narrowing). */
export type GeneratedRegressionRequest = RegressionRequest & { readonly data: RegressionDataSpec };

/** The chapter's three momentum values, all with lr 0.2. */
export const CHAPTER_MOMENTA = [0.99, 0.9, 0.5] as const;
export const TRUE_W = [2, -3.4] as const;
export const TRUE_B = 4.2;

/** lr 0.2 with each momentum, in one convention. */
export function chapterConfigs(convention: MomentumConvention = 'mxnet'): RegressionConfig[] {
  return CHAPTER_MOMENTA.map((momentum) => ({ lr: 0.2, momentum, convention }));
}

/**
 * The chapter's setup: 1000 examples, w = [2, −3.4], b = 4.2, noise 0.01, batch 10, 3 epochs,
 * lr × 0.1 after epoch 2, initial w ~ N(0, 0.01²). Seeds are ours: the chapter's are unseeded.
 */
export function chapterRequest(
  seed: number,
  configs: readonly RegressionConfig[] = chapterConfigs(),
  overrides: Partial<Omit<GeneratedRegressionRequest, 'kind' | 'configs'>> = {},
): GeneratedRegressionRequest {
  return {
    kind: 'regression',
    data: { n: 1000, trueW: TRUE_W, trueB: TRUE_B, noise: 0.01, seed },
    batchSize: 10,
    epochs: 3,
    decayEpoch: 2,
    decayFactor: 0.1,
    trainSeed: 1000 + seed,
    initScale: 0.01,
    configs,
    ...overrides,
  };
}

/**
 * An (lr, momentum) sweep of lrSteps × momentumSteps configs: lr 0.05, 0.15, …; momentum 0 to
 * 0.99; conventions alternating. At 16 × 16 on the chapter's data, 17 configs diverge.
 */
export function sweepConfigs(lrSteps = 16, momentumSteps = 16): RegressionConfig[] {
  const configs: RegressionConfig[] = [];
  for (let i = 0; i < lrSteps; i += 1) {
    for (let j = 0; j < momentumSteps; j += 1) {
      configs.push({
        lr: 0.05 + 0.1 * i,
        momentum: (0.99 * j) / Math.max(1, momentumSteps - 1),
        convention: j % 2 === 0 ? 'pytorch' : 'mxnet',
      });
    }
  }
  return configs;
}
