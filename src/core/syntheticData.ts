/**
 * The chapter's synthetic linear-regression data set, reproducible from its seed. Every random
 * number comes from d3-random's integer LCG (exact integer arithmetic, identical on every
 * engine) fed through d3's Marsaglia polar method, so a shared link or a CLI run on another
 * machine regenerates the same examples. (The polar method uses Math.log and Math.sqrt; V8 and
 * SpiderMonkey both compute them with fdlibm, so browsers agree bit for bit in practice.)
 */
import { randomLcg, randomNormal } from 'd3-random';
import type { RegressionDataSource, RegressionDataSpec } from './runTypes';

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

/**
 * A 64-bit fingerprint of a typed array's bytes (two independent 32-bit lanes), with its type and
 * length: a cheap stand-in for the array's contents in request keys, so a 10⁵-row data table is
 * hashed once (about a millisecond) instead of being written out as JSON. Arrays that differ in
 * any bit (also 0 and −0) get different fingerprints except with probability about 2⁻⁶⁴.
 * `fingerprintArray(Float64Array.of(1, 2)) === fingerprintArray(Float64Array.of(1, 2))`
 */
export function fingerprintArray(values: ArrayBufferView): string {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  const wordCount = bytes.byteLength >>> 2;
  // Typed arrays of 4- and 8-byte elements are always 4-byte aligned; others are read bytewise.
  const words = values.byteOffset % 4 === 0 ? new Uint32Array(values.buffer, values.byteOffset, wordCount) : null;
  let a = 0x2545f491 ^ bytes.byteLength;
  let b = 0x6c8e9cf5 ^ Math.imul(bytes.byteLength, 0x9e3779b1);
  const absorb = (word: number): void => {
    a = Math.imul(a ^ word, 0x9e3779b1);
    a ^= a >>> 15;
    b = Math.imul((b + word) | 0, 0x85ebca77);
    b = (b << 13) | (b >>> 19);
  };
  for (let i = 0; i < wordCount; i += 1) {
    absorb(words === null ? bytes[4 * i] | (bytes[4 * i + 1] << 8) | (bytes[4 * i + 2] << 16) | (bytes[4 * i + 3] << 24) : words[i]);
  }
  for (let i = wordCount * 4; i < bytes.byteLength; i += 1) absorb(bytes[i]);
  const hex = (h: number): string => mix32(h).toString(16).padStart(8, '0');
  const type = Object.prototype.toString.call(values).slice(8, -1);
  return `${type}[${bytes.byteLength}]:${hex(a ^ Math.imul(b, 0x27d4eb2f))}${hex(b ^ a)}`;
}

/** Number of features in the chapter's data set (x1, x2). */
const FEATURE_COUNT = 2;

export interface RegressionData {
  readonly n: number;
  /** d: features per example (2 for the chapter's data set). */
  readonly featureCount: number;
  /** Row-major n×d: example i is features[i·d … i·d + d − 1]. */
  readonly features: Float64Array;
  /** y_i = x_i·w + b + noise_i. */
  readonly labels: Float64Array;
}

/**
 * The examples a request trains on: its own table as given (not copied), or the generated set.
 * `regressionData({ kind: 'table', n: 2, featureCount: 1, features: Float64Array.of(0, 1), labels: Float64Array.of(1, 3) }).n === 2`
 */
export function regressionData(source: RegressionDataSource): RegressionData {
  if (source.kind === 'table') {
    return { n: source.n, featureCount: source.featureCount, features: source.features, labels: source.labels };
  }
  return generateRegressionData(source);
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
  return { n, featureCount: FEATURE_COUNT, features, labels };
}
