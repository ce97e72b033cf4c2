import { defineConfig, type Plugin } from 'vite';
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

/** The same policy as a <meta> tag in the built page, so it holds on any static host too. */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'content-security-policy-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy }, injectTo: 'head-prepend' },
    ],
  };
}

export default defineConfig({
  plugins: [solid(), contentSecurityPolicyMeta()],
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
