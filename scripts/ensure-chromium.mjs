#!/usr/bin/env node
// Checks that Debian's Chromium is present for the end-to-end tests, and installs it with
// apt-get when we are root (CI, fresh dev machines). Playwright cannot download a browser here.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
const found = candidates.find((path) => existsSync(path));
if (found) {
  console.log(`ensure-chromium: using ${found}`);
  process.exit(0);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (!isRoot || !hasApt) {
  console.error(
    'ensure-chromium: the end-to-end tests need Debian\'s Chromium and none was found.\n' +
      '  Install it with:  sudo apt-get update && sudo apt-get install -y chromium\n' +
      '  or point CHROMIUM_PATH at a Chromium binary.',
  );
  process.exit(1);
}

{
  console.log('ensure-chromium: Chromium not found; installing Debian\'s chromium with apt-get (about 30 s)…');
}
try {
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
} catch (error) {
  console.error(`ensure-chromium: apt-get failed (${error.message}). Install chromium by hand and re-run.`);
  process.exit(1);
}
if (!existsSync('/usr/bin/chromium')) {
  console.error('ensure-chromium: apt-get finished but /usr/bin/chromium is still missing.');
  process.exit(1);
}
console.log('ensure-chromium: installed /usr/bin/chromium');
