// How soon `newsletter preview` answers on a large archive: from starting the process to having both the
// index and one edition's page (one the background would build last but one: it is asked for, so built
// ahead) answered over HTTP. A fresh process each run, as a writer starts it.
import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const CLI = resolve(import.meta.dirname, '../bin/newsletter.js');

/** One run: ms from spawn to the index and the edition's page both answered 200. */
async function firstPage(dir, slug) {
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, 'preview', '--json', '--port', '0', '--no-inbox'], {
    cwd: dir,
    env: { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '1767225600' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((resolvePromise) => child.once('exit', resolvePromise));
  try {
    const url = await new Promise((resolveUrl, reject) => {
      createInterface({ input: child.stdout }).on('line', (line) => {
        const event = JSON.parse(line);
        if (event.event === 'listening') resolveUrl(event.url);
      });
      void exited.then((code) => reject(new Error(`preview exited ${code}:\n${stderr.slice(-2000)}`)));
    });
    const get = async (path) => {
      const response = await fetch(url + path);
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`GET /${path}: ${response.status}`);
      return performance.now() - started;
    };
    const [index, edition] = await Promise.all([get(''), get(`e/${encodeURIComponent(slug)}/`)]);
    return { index, edition, both: Math.max(index, edition) };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

/** Medians of `runs` fresh starts in `dir` (an archive, built or not). */
export async function measurePreviewFirstPage(dir, runs) {
  const slugs = (await readdir(join(dir, 'content'))).sort();
  const slug = slugs[slugs.length - 2];
  const samples = [];
  for (let run = 0; run < runs; run++) samples.push(await firstPage(dir, slug));
  const median = (key) => samples.map((s) => s[key]).sort((a, b) => a - b)[Math.floor((runs - 1) / 2)];
  return { bothMs: median('both'), indexMs: median('index'), editionMs: median('edition') };
}
