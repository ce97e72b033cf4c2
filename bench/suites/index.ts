/**
 * Every benchmark suite `npm run bench` knows, in the order their rows are printed. To add one,
 * write bench/suites/<name>.ts exporting a BenchSuite (bench/harness.ts) and list it here;
 * `npm run bench -- <name>` runs only the suites whose names contain <name>.
 */
import type { BenchSuite } from '../harness';
import { browserSuite } from './browser';
import { cliSuite } from './cli';
import { regressionSuite } from './regression';

export const suites: readonly BenchSuite[] = [browserSuite, cliSuite, regressionSuite];
