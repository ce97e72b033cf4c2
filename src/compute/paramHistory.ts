/**
 * The K×4 parameters after every step, kept on the backend until training ends and then read
 * back in one go. Every few dozen steps the recorded tensors are concatenated into one chunk,
 * so a long run holds a few hundred tensors rather than one per step.
 */
import * as tf from '@tensorflow/tfjs-core';

export class ParamHistory {
  private readonly chunks: tf.Tensor2D[] = [];
  private pending: tf.Tensor2D[] = [];
  /** The latest parameters after a consolidation: already copied into a chunk, still needed for the next step. */
  private carried: tf.Tensor2D | null = null;

  /** Takes ownership of `params`. */
  record(params: tf.Tensor2D): void {
    this.carried?.dispose();
    this.carried = null;
    this.pending.push(params);
  }

  /** The most recently recorded parameters (still owned by the history). */
  latest(): tf.Tensor2D {
    const latest = this.pending.at(-1) ?? this.carried;
    if (latest === undefined || latest === null) throw new Error('ParamHistory is empty');
    return latest;
  }

  /** Merge the tensors recorded since the last call into one chunk (one concat op). */
  consolidate(): void {
    if (this.pending.length < 2) return;
    this.chunks.push(tf.concat(this.pending, 0));
    this.carried = this.pending.pop() ?? null;
    tf.dispose(this.pending);
    this.pending = [];
  }

  /** Every recorded row, step-major, as one Float32Array. */
  read(): Float32Array {
    const parts = [...this.chunks, ...this.pending];
    const all = parts.length === 1 ? parts[0] : tf.concat(parts, 0);
    try {
      return all.dataSync() as Float32Array;
    } finally {
      if (all !== parts[0]) all.dispose();
    }
  }

  dispose(): void {
    tf.dispose([...this.chunks, ...this.pending]);
    this.carried?.dispose();
    this.chunks.length = 0;
    this.pending = [];
    this.carried = null;
  }
}
