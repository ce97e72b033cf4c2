/**
 * tfjs on the wasm backend inside the browser worker. The three .wasm builds are imported as
 * asset URLs so Vite fingerprints and serves them; setWasmPaths needs all three keys (it throws
 * when one is missing) even though only one build is fetched per load.
 */
import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import plainWasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdWasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedSimdWasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

let pathsSet = false;

/** Point the backend at the bundled .wasm files, then select it. Cheap to call again. */
export async function initTfBackend(): Promise<void> {
  // Under Node (vitest's web-worker emulation runs this very file) the asset URLs are dev-server
  // paths that do not exist on disk, and the backend finds its files next to the package anyway.
  if (!pathsSet && !tf.env().getBool('IS_NODE')) {
    setWasmPaths({
      'tfjs-backend-wasm.wasm': plainWasmUrl,
      'tfjs-backend-wasm-simd.wasm': simdWasmUrl,
      'tfjs-backend-wasm-threaded-simd.wasm': threadedSimdWasmUrl,
    });
    pathsSet = true;
  }
  if (!(await tf.setBackend('wasm'))) throw new Error('the tfjs wasm backend failed to initialise');
  await tf.ready();
}
