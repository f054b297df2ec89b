// kill -9 at random points of a 100-edition rebuild in worker threads (10 kills, at seeded times): after each,
// every edition folder is one build's complete set, the old or the new (or missing while a swap journal names
// it, for the next build to finish); the next build, killed in its turn, goes on from there; and the build
// after the last kill ends clean, every edition new and nothing left lying about.
//
// The editions are small (a short article each): what is tested is how each edition's folder is swapped,
// which does not depend on how much it holds, and as many kills land among the swaps (half of them, as with
// the benchmark's corpus). The builds after the last kill are not killed: they run in this process; the
// first stays spawned, as its time places the kills in the killed ones.
import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { random } from '../../bench/corpus.js';
import { CLI, tempProject, type TempProject } from '../helpers/project.js';
import { editionState, journals, leftovers, privateSubject } from './out-state.js';

const EDITIONS = 100;
const KILLS = 10;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  ms: number;
}

/** A build; killed with SIGKILL after `killAfterMs`, if given. */
function build(dir: string, args: string[], killAfterMs?: number): Promise<Run> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [CLI, 'build', ...args], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '1767225600' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer =
      killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stderr, ms: Date.now() - started });
    });
  });
}

/** `count` one-article editions; returns their slugs. */
async function writeEditions(content: string, count: number): Promise<string[]> {
  const slugs = Array.from({ length: count }, (_, i) => `2026-01-issue-${String(i + 1).padStart(3, '0')}`);
  for (const [i, slug] of slugs.entries()) {
    await mkdir(join(content, slug), { recursive: true });
    await writeFile(
      join(content, slug, 'edition.md'),
      `---\nsubject: "Issue ${i + 1}"\npreheader: "A short edition among many, written again at every build of the test"\n---\nThe introduction of issue ${i + 1}.\n`,
    );
    await writeFile(
      join(content, slug, '01-article.md'),
      `---\ntitle: "The article of issue ${i + 1}"\ndek: "One article is enough for a whole edition folder"\n---\nA paragraph, with [a link](https://fieldnotes.example.com/${i + 1}) and *emphasis*.\n`,
    );
  }
  return slugs;
}

describe('kill -9 at random points of a 100-edition rebuild', () => {
  let project: TempProject;
  let out: string;
  let slugs: string[];
  beforeAll(async () => {
    project = await tempProject({});
    out = join(project.dir, 'out');
    slugs = await writeEditions(join(project.dir, 'content'), EDITIONS);
  });
  afterAll(() => project.remove());

  /** Version n: each edition's subject says n. */
  async function writeVersion(n: number): Promise<void> {
    await Promise.all(
      slugs.map(async (slug) => {
        const file = join(project.dir, 'content', slug, 'edition.md');
        const text = await readFile(file, 'utf8');
        await writeFile(file, text.replace(/^subject: .*$/m, `subject: "${subjectOf(slug, n)}"`));
      }),
    );
  }
  const subjectOf = (slug: string, n: number) => `${slug} v${n}`;

  it('leaves whole editions, old or new, and a clean next build', async () => {
    await writeVersion(0);
    const first = await build(project.dir, []);
    expect(first.code, first.stderr).toBe(0);
    // what each edition's folder may hold now: one version, or two while a swap journal names a folder that is
    // missing (the next build finishes that swap first, whether or not it is killed later)
    const current = new Map(slugs.map((slug) => [slug, [subjectOf(slug, 0)]]));
    const rand = random(2026);
    let landed = 0;
    for (let kill = 1; kill <= KILLS; kill++) {
      await writeVersion(kill);
      // somewhere in the rebuild: its editions are written from its first second to its last
      const at = Math.round(first.ms * (0.1 + 0.85 * rand()));
      const run = await build(project.dir, ['--force'], at);
      if (run.signal !== 'SIGKILL') {
        expect(run.code, run.stderr).toBe(0); // it ended before the kill
        for (const slug of slugs) current.set(slug, [subjectOf(slug, kill)]);
        continue;
      }
      const inProgress = new Set(journals(out).map((j) => j.slug));
      let fresh = 0;
      for (const slug of slugs) {
        const state = editionState(out, slug);
        const where = `kill ${kill} after ${at} ms: ${slug}`;
        if (state.state === 'broken') expect.fail(`${where}: ${state.problem}`);
        if (state.state === 'missing') {
          expect(inProgress.has(slug), `${where} is missing, and no swap journal names it`).toBe(true);
          current.set(slug, [...current.get(slug)!, subjectOf(slug, kill)]);
          continue;
        }
        expect([...current.get(slug)!, subjectOf(slug, kill)], where).toContain(state.subject);
        if (state.subject === subjectOf(slug, kill)) fresh++;
        // a swap journal naming a folder that is there keeps what it holds: rolled back, or already swapped
        current.set(slug, [state.subject]);
      }
      if (fresh > 0 && fresh < EDITIONS) landed++;
    }
    expect(landed, 'kills that landed while editions were being written').toBeGreaterThan(0);

    // the build after the last kill finishes what was cut short and rebuilds the rest
    const last = await project.runHere(['build']);
    expect(last.code, last.stderr).toBe(0);
    for (const slug of slugs) {
      expect(editionState(out, slug)).toEqual({ state: 'complete', subject: subjectOf(slug, KILLS) });
      expect(privateSubject(out, slug)).toBe(subjectOf(slug, KILLS));
    }
    expect(leftovers(out)).toEqual([]);
    const archive = await readFile(join(out, 'index.html'), 'utf8');
    for (const slug of slugs) expect(archive).toContain(subjectOf(slug, KILLS));
    // and it remembered what it built: nothing to do the next time
    const again = await project.runHere(['build']);
    expect(again.stderr).toMatch(
      new RegExp(`Built 0 of ${EDITIONS} editions in [\\d.]+s \\(${EDITIONS} unchanged`),
    );
  }, 900_000);
});
