#!/usr/bin/env node
// The export tests run the NumPy scripts the app writes, with Debian's python3 and python3-numpy.
import { spawnSync } from 'node:child_process';
import { ensureDebianPackage } from './apt-package.mjs';

ensureDebianPackage({
  tool: 'ensure-numpy',
  pkg: 'python3-numpy',
  need: 'the export tests run NumPy scripts and no Python 3 with NumPy was found.',
  present: () => ['/usr/bin/python3', 'python3'].some((python) => spawnSync(python, ['-c', 'import numpy'], { stdio: 'ignore' }).status === 0),
});
