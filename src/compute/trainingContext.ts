/**
 * What the two training programs (regressionStepwise.ts, regressionIntervals.ts) share: the
 * request with its data and plan, the update rule, the recording schedule, and the yield point.
 */
import type { RegressionPlan } from '../core/regressionPlan';
import type { RegressionRequest } from '../core/runTypes';
import type { RegressionData } from '../core/syntheticData';

/**
 * The update rule every config of one program follows: the chapter's momentum (v ← m·v + c1·g,
 * p ← p − c2·v), or plain minibatch SGD (p ← p − c2·c1·g), which keeps no velocity at all.
 */
export type TrainingRule = 'momentum' | 'sgd';

export interface TrainingContext {
  readonly request: RegressionRequest;
  readonly rule: TrainingRule;
  readonly data: RegressionData;
  readonly plan: RegressionPlan;
  /** W = d + 2: columns of a parameter row [w…, b, −1]. */
  readonly width: number;
  readonly totalSteps: number;
  /** Steps between recorded rows (lossRecordStride); the last step is always recorded. */
  readonly stride: number;
  /** Training steps between yields to the event loop. */
  readonly yieldEvery: number;
  /** Reports progress and yields; resolves true when the run must stop. */
  checkpoint(done: number): Promise<boolean>;
}

/**
 * Point-major rows: row i·K + k is config k at recorded point i (after step min(i·stride, T)).
 * A row starts with the W parameters; rowWidth may be larger (the velocity rides along).
 */
export interface RecordedRows {
  readonly rows: Float32Array;
  readonly rowWidth: number;
}
