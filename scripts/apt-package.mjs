// What ensure-chromium.mjs and ensure-numpy.mjs share: a Debian package the tests need is
// installed with apt-get when we are root (CI, fresh machines); otherwise the script stops with
// the one command to run. Never a stack trace.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

/**
 * `ensureDebianPackage({ tool: 'ensure-numpy', pkg: 'python3-numpy', need: '…', present: () => … })`:
 * returns when `present()` holds, after installing `pkg` if it must; exits 1 with a clear message otherwise.
 */
export function ensureDebianPackage({ tool, pkg, need, present, hint = '' }) {
  if (present()) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    console.error(`${tool}: ${need}\n  Install it with:  sudo apt-get update && sudo apt-get install -y ${pkg}${hint ? `\n  ${hint}` : ''}`);
    process.exit(1);
  }
  console.log(`${tool}: installing Debian's ${pkg} with apt-get…`);
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', pkg], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } catch (error) {
    console.error(`${tool}: apt-get failed (${error.message}). Install ${pkg} by hand and re-run.`);
    process.exit(1);
  }
  if (!present()) {
    console.error(`${tool}: apt-get installed ${pkg}, but it is still not usable.`);
    process.exit(1);
  }
}
