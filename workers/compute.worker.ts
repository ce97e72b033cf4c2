/** The compute worker: the compute API behind Comlink, with tfjs loading its wasm from bundled URLs. */
import type { Endpoint } from 'comlink';
import { createComputeApi } from '../src/compute/computeApi';
import { exposeComputeApi } from './exposeComputeApi';
import { initTfBackend } from '../src/compute/tfBackend.browser';

// Comlink needs the explicit endpoint here (the default fails under @vitest/web-worker);
// the DOM typings see `self` as a Window, whose postMessage signature differs.
exposeComputeApi(createComputeApi({ initTfBackend }), self as unknown as Endpoint);
