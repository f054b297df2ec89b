// Preloaded with `node --import`: counts the calls of this thread that change something under
// NEWSLETTER_KILL_DIR (the out folder), and at call number NEWSLETTER_KILL_AT kills the process with SIGKILL,
// as `kill -9` would, before the call runs. Skeletons in out/.newsletter/cache/mjml/ are not counted: the MJML
// thread may write them at any time. Nor is a call that changes nothing, mkdirSync of a folder that is there
// already: a kill before it leaves out/ as a kill before the next call does, and each step counted is a
// process started and killed. Without NEWSLETTER_KILL_AT it only counts, and writes the count to
// NEWSLETTER_KILL_COUNT when the process exits.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { join } from 'node:path';
import { isMainThread } from 'node:worker_threads';

const dir = process.env.NEWSLETTER_KILL_DIR;
const at = Number(process.env.NEWSLETTER_KILL_AT ?? 0);
const countFile = process.env.NEWSLETTER_KILL_COUNT;
const skeletons = dir && join(dir, '.newsletter', 'cache', 'mjml');
let count = 0;

if (dir && isMainThread) {
  const writeCount = fs.writeFileSync;
  for (const name of ['renameSync', 'writeFileSync', 'unlinkSync', 'rmSync', 'mkdirSync', 'rmdirSync']) {
    const original = fs[name];
    fs[name] = function (...args) {
      const paths = args.slice(0, name === 'renameSync' ? 2 : 1).map(String);
      const inOut = paths.some((path) => path.startsWith(dir) && !path.startsWith(skeletons));
      const changesNothing =
        name === 'mkdirSync' && fs.statSync(paths[0], { throwIfNoEntry: false })?.isDirectory();
      if (inOut && !changesNothing && ++count === at) process.kill(process.pid, 'SIGKILL');
      return original.apply(this, args);
    };
  }
  syncBuiltinESMExports();
  if (countFile) process.on('exit', () => writeCount(countFile, String(count)));
}
