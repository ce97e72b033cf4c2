#!/usr/bin/env node
// The export tests run the NumPy scripts the app writes, with Debian's python3 and python3-numpy.
// Checks that they are there, and installs them with apt-get when we are root (CI, fresh machines).
import { existsSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';

const hasNumpy = () => ['/usr/bin/python3', 'python3'].some((python) => spawnSync(python, ['-c', 'import numpy'], { stdio: 'ignore' }).status === 0);
if (hasNumpy()) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot || !existsSync('/usr/bin/apt-get')) {
  console.error(
    'ensure-numpy: the export tests run NumPy scripts and no Python 3 with NumPy was found.\n' +
      '  Install it with:  sudo apt-get update && sudo apt-get install -y python3-numpy',
  );
  process.exit(1);
}
console.log("ensure-numpy: installing Debian's python3-numpy with apt-get…");
try {
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'python3-numpy'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
} catch (error) {
  console.error(`ensure-numpy: apt-get failed (${error.message}). Install python3-numpy by hand and re-run.`);
  process.exit(1);
}
if (!hasNumpy()) {
  console.error('ensure-numpy: apt-get finished but python3 still cannot import numpy.');
  process.exit(1);
}
