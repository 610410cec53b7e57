// Runs `npm ci` only when node_modules does not match package-lock.json, so that a build
// without network (ARCA_TEST_NETNS=1, Maven offline) works once node_modules is in place.
// The stamp is a copy of the lock file taken after the last successful `npm ci`.
import { readFileSync, copyFileSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const lock = 'package-lock.json';
const stamp = 'node_modules/.arca-lock.json';
const read = (f) => (existsSync(f) ? readFileSync(f, 'utf8') : null);

if (read(stamp) === read(lock)) {
  console.log('node_modules matches package-lock.json: npm ci skipped');
} else {
  // --prefer-offline: the npm cache answers without asking the registry when it has the package
  const r = spawnSync('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  copyFileSync(lock, stamp);
}
