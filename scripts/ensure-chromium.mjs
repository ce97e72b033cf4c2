#!/usr/bin/env node
// Checks that Debian's Chromium is present for the end-to-end tests, and installs it with
// apt-get when we are root (CI, fresh dev machines). Playwright cannot download a browser here.
import { existsSync } from 'node:fs';
import { ensureDebianPackage } from './apt-package.mjs';

const found = () => [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => path && existsSync(path));
ensureDebianPackage({
  tool: 'ensure-chromium',
  pkg: 'chromium',
  need: "the end-to-end tests need Debian's Chromium and none was found.",
  hint: 'or point CHROMIUM_PATH at a Chromium binary.',
  present: () => found() !== undefined,
});
console.log(`ensure-chromium: using ${found()}`);
