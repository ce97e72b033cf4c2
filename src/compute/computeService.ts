/**
 * The compute endpoint as seen from the sheet side: the Comlink worker in the browser, the same
 * API in-process in the CLI and in tests. Implemented by workers/computeApi.ts.
 */
import type { ComputeOutcome, ComputeProgress, ComputeRequest } from '../core/runTypes';

export interface ComputeService {
  /** Runs `request`; a newer call with the same key supersedes this one. Never rejects. */
  compute(key: string, request: ComputeRequest, onProgress?: (progress: ComputeProgress) => void): Promise<ComputeOutcome>;
  cancel(key: string): void;
}
