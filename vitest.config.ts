import { defineConfig } from 'vitest/config';
import solid from 'vite-plugin-solid';

// Three projects: `unit` (pure modules in Node), `worker` (the Comlink compute API and the real
// worker file through @vitest/web-worker), `e2e` (the built app in Debian's Chromium through
// playwright-core). `npm test` runs all three; see README.
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [solid()],
        resolve: { conditions: ['browser', 'development'] },
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'worker',
          include: ['tests/worker/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
