#!/usr/bin/env node
// Makes `npm start` and `npm test` work on a fresh clone: checks Node and installs the
// locked dependencies when node_modules is missing or older than package-lock.json.
import { existsSync, statSync } from 'node:fs';
import { execSync } from 'node:child_process';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`ensure-deps: Node ${process.versions.node} is too old; Momentum Playground needs Node 20.19 or newer.`);
  process.exit(1);
}
const marker = 'node_modules/.package-lock.json';
const stale = !existsSync(marker) || statSync(marker).mtimeMs < statSync('package-lock.json').mtimeMs;
if (stale) {
  console.log('ensure-deps: installing dependencies with npm ci…');
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}
