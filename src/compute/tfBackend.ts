/**
 * tfjs on the wasm backend for Node (tests, bench, CLI): there the backend finds its .wasm files
 * next to the package by itself, so no asset URLs are given (see STACK-NOTES). The browser
 * worker uses tfBackend.browser.ts instead; the compute API takes either by injection.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';

/** Select and initialise the wasm backend; resolves once it is ready. Cheap to call again. */
export async function initTfBackend(): Promise<void> {
  // setBackend reports a failed initialisation as `false`, not as an exception.
  if (!(await tf.setBackend('wasm'))) throw new Error('the tfjs wasm backend failed to initialise');
  await tf.ready();
}
