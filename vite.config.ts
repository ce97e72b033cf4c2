import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

// Strict CSP for the built app (issue: a shared link is untrusted input). 'wasm-unsafe-eval'
// lets tfjs compile its WebAssembly; nothing else may evaluate code.
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export default defineConfig({
  plugins: [solid()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  optimizeDeps: {
    include: [
      '@tensorflow/tfjs-core',
      '@tensorflow/tfjs-backend-wasm',
      'comlink',
      'mathjs',
      'd3-contour',
      'd3-random',
      'd3-array',
    ],
  },
  preview: { headers: { 'Content-Security-Policy': contentSecurityPolicy } },
});
