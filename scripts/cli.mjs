#!/usr/bin/env node
// `npm run cli -- …`: rebuild dist-cli/main.mjs only when a source is newer than it, then run
// the built JavaScript in this same Node process (no TypeScript loader at run time). The bundle
// reads its arguments from process.argv.slice(2), which here are exactly the CLI's arguments.
import { pathToFileURL } from 'node:url';
import { buildCli, CLI_OUTFILE, isCliStale } from './build-cli.mjs';

if (isCliStale()) await buildCli();
await import(pathToFileURL(CLI_OUTFILE).href);
