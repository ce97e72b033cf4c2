/**
 * Every benchmark suite `npm run bench` knows. To add one, write bench/suites/<name>.ts
 * exporting a BenchSuite (see bench/harness.ts) and list it here; `npm run bench -- <name>`
 * runs only the suites whose names contain <name>.
 */
import type { BenchSuite } from '../harness';
import { regressionSuite } from './regression';
import { browserSuite } from './browser';

export const suites: readonly BenchSuite[] = [regressionSuite, browserSuite];
