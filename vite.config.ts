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

/**
 * What only an HTTP header can say: no page may frame the playground (clickjacking a cell edit),
 * and browsers must not guess a served file's type.
 */
const headerOnlyPolicy = "frame-ancestors 'none'";
const securityHeaders = {
  'Content-Security-Policy': `${contentSecurityPolicy}; ${headerOnlyPolicy}`,
  'X-Content-Type-Options': 'nosniff',
};

/** The same policy as a <meta> tag in the built page, so it holds on any static host too (frame-ancestors cannot be a meta tag). */
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
  preview: { headers: securityHeaders },
});
