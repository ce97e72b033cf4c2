/**
 * The chapter's synthetic linear-regression data set, reproducible from its seed. Every random
 * number comes from d3-random's integer LCG (exact integer arithmetic, identical on every
 * engine) fed through d3's Marsaglia polar method, so a shared link or a CLI run on another
 * machine regenerates the same examples. (The polar method uses Math.log and Math.sqrt; V8 and
 * SpiderMonkey both compute them with fdlibm, so browsers agree bit for bit in practice.)
 */
import { randomLcg, randomNormal } from 'd3-random';
import type { RegressionDataSpec } from './runTypes';

/**
 * A seeded uniform source on [0, 1). The seed is hashed first: d3's LCG takes an integer seed as
 * its raw state, and consecutive seeds then start almost identically (seeds 1…5 all draw 0.237
 * first), which would make "seed 2" a near copy of "seed 1". The hash takes every bit of the
 * float64 seed, so 1.5 and 1 differ too.
 * `seededUniform(3)()` → the same number in every browser and in Node
 */
export function seededUniform(seed: number): () => number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, seed + 0); // + 0 turns −0 into 0
  const state = mix32(view.getUint32(4) ^ mix32(view.getUint32(0)));
  // randomLcg reads a seed in [0, 1) as state / 2³², so this hands it exactly `state`.
  return randomLcg(state / 0x1_0000_0000);
}

/** MurmurHash3's 32-bit finaliser: every input bit affects every output bit. */
function mix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Number of features in the chapter's data set (x1, x2). */
const FEATURE_COUNT = 2;

export interface RegressionData {
  readonly n: number;
  /** Row-major n×2: example i is (features[2i], features[2i+1]). */
  readonly features: Float64Array;
  /** y_i = x_i·w + b + noise_i. */
  readonly labels: Float64Array;
}

/**
 * Generate the data set of a spec: all 2n features first, then the n noise draws, from one
 * seeded stream (the chapter draws features, then adds noise to the labels).
 * `generateRegressionData({ n: 1000, trueW: [2, -3.4], trueB: 4.2, noise: 0.01, seed: 1 }).labels.length === 1000`
 */
export function generateRegressionData(spec: RegressionDataSpec): RegressionData {
  const { n, trueW, trueB, noise } = spec;
  const standardNormal = randomNormal.source(seededUniform(spec.seed))(0, 1);
  const features = new Float64Array(n * FEATURE_COUNT);
  for (let i = 0; i < features.length; i += 1) features[i] = standardNormal();
  const labels = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const x1 = features[2 * i];
    const x2 = features[2 * i + 1];
    labels[i] = x1 * trueW[0] + x2 * trueW[1] + trueB + noise * standardNormal();
  }
  return { n, features, labels };
}
