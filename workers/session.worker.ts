/**
 * The worker: one sheet session (engine + planning + compute, tfjs loading its wasm from bundled
 * URLs) behind Comlink. The page's client starts it, and restarts it from the last state if it
 * crashes or stops answering its heartbeat.
 */
import { createComputeApi } from '../src/compute/computeApi';
import { initTfBackend } from '../src/compute/tfBackend.browser';
import { createSheetSession } from '../src/session/sheetSession';
import { exposeSession } from './exposeSession';

const compute = createComputeApi({ initTfBackend });
// Start loading the wasm backend now, while the sheet is evaluated: the first regression then finds it ready.
void compute.warmUp();
// Comlink needs the explicit endpoint here (the default fails under @vitest/web-worker).
exposeSession(createSheetSession({ compute }), self);
