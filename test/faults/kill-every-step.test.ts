// kill -9 at every step of a rebuild: the real CLI, with a preloaded module (kill-at.mjs) that kills the
// process before its n-th file-system change in out/, for every n until the build gets through. After each
// kill, every edition folder holds one build's complete set (never index.html of one build beside
// message.eml of another), or is missing while a swap journal names it; nothing built by hand is lost; and
// the next build finishes the job: every edition new, nothing left lying about.
//
// One edition: each process killed costs a Node start and a build, and a second edition would only repeat
// the first one's steps (editions are written one after the other, each through the same swap). Kept beside
// its files are a file and a folder, so that the swap moves both kinds across. The steps that span
// editions, one swap cut short among many, are kill-random.test.ts's (100 editions in worker threads).
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recoverOut } from '../../src/output/swap.js';
import { CLI, tempProject, type TempProject } from '../helpers/project.js';
import { editionState, journals, leftovers, privateSubject } from './out-state.js';

const KILL_AT = join(import.meta.dirname, 'kill-at.mjs');
const SLUGS = ['a'];

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

function run(dir: string, env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', KILL_AT, CLI, 'build'], {
      cwd: dir,
      env: {
        ...process.env,
        NO_COLOR: '1',
        SOURCE_DATE_EPOCH: '1767225600',
        NEWSLETTER_WORKERS: '0',
        ...env,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
}

/** A build that is not killed: in this process, as it finds out/ on disk (the killed ones are spawned). */
const buildHere = (project: TempProject) => project.runHere(['build'], { env: { NEWSLETTER_WORKERS: '0' } });

/** Version n of the content: the edition's subject says n. */
async function writeVersion(project: TempProject, n: number): Promise<void> {
  await project.write(
    'content/a.md',
    `---\ntitle: A v${n}\ndek: The only edition\n---\nBody of version ${n}.\n`,
  );
}

/** Every path under out/ that ends with `name`: what was built by hand must be somewhere, exactly once. */
const found = (out: string, name: string) =>
  (readdirSync(out, { recursive: true }) as string[]).filter((path) => path.endsWith(name));

describe('kill -9 at every step of a rebuild', () => {
  let project: TempProject;
  let out: string;
  beforeAll(async () => {
    project = await tempProject({});
    out = join(project.dir, 'out');
  });
  afterAll(() => project.remove());

  it('leaves each edition old or new and whole, and the next build finishes the job', async () => {
    await writeVersion(project, 0);
    expect((await buildHere(project)).code).toBe(0);
    // what newsletter did not write, in the edition folders, must survive every kill
    await project.write('out/a/extra.css', 'mine');
    await project.write('out/a/export/kit/index.html', 'exported');

    let version = 0;
    let killed = 0;
    /** What each edition holds: what it may still hold after a kill, beside the version being built. */
    const current = new Map(SLUGS.map((slug) => [slug, `${slug.toUpperCase()} v0`]));
    for (let step = 1; step < 200; step++) {
      version++;
      await writeVersion(project, version);
      const after = `v${version}`;
      const result = await run(project.dir, {
        NEWSLETTER_KILL_DIR: out,
        NEWSLETTER_KILL_AT: String(step),
      });
      if (result.signal !== 'SIGKILL') {
        expect(result.code, result.stderr).toBe(0); // the build got through before its step-th change
        break;
      }
      killed++;
      const inProgress = new Set(journals(out).map((j) => j.slug));
      for (const slug of SLUGS) {
        const state = editionState(out, slug);
        const where = `killed before change ${step}: ${slug}`;
        if (state.state === 'broken') expect.fail(`${where}: ${state.problem}`);
        if (state.state === 'missing') expect(inProgress.has(slug), `${where} is missing`).toBe(true);
        else expect([current.get(slug), `${slug.toUpperCase()} ${after}`], where).toContain(state.subject);
      }
      expect(found(out, 'extra.css'), `killed before change ${step}`).toHaveLength(1);
      expect(found(out, 'export/kit/index.html'), `killed before change ${step}`).toHaveLength(1);

      // what the next command does first: each swap cut short finished or rolled back, nothing left about
      expect(recoverOut(out)).toEqual([]);
      for (const slug of SLUGS) {
        const state = editionState(out, slug);
        expect([current.get(slug), `${slug.toUpperCase()} ${after}`]).toContain(
          state.state === 'complete' ? state.subject : state.state,
        );
        expect(privateSubject(out, slug)).toBe(state.state === 'complete' ? state.subject : undefined);
        if (state.state === 'complete') current.set(slug, state.subject);
      }
      expect(readFileSync(join(out, 'a/extra.css'), 'utf8')).toBe('mine');
      expect(readFileSync(join(out, 'a/export/kit/index.html'), 'utf8')).toBe('exported');
      expect(leftovers(out), `after a kill before change ${step}`).toEqual([]);
      // and the next build itself (every few steps), which then builds what changed
      if (step % 5 !== 1) continue;
      const next = await buildHere(project);
      expect(next.code, next.stderr).toBe(0);
      for (const slug of SLUGS) {
        expect(editionState(out, slug), `after a kill before change ${step}`).toEqual({
          state: 'complete',
          subject: `${slug.toUpperCase()} ${after}`,
        });
        expect(privateSubject(out, slug)).toBe(`${slug.toUpperCase()} ${after}`);
        current.set(slug, `${slug.toUpperCase()} ${after}`);
      }
      expect(readFileSync(join(out, 'a/extra.css'), 'utf8')).toBe('mine');
      expect(readFileSync(join(out, 'a/export/kit/index.html'), 'utf8')).toBe('exported');
      expect(leftovers(out), `after a kill before change ${step}`).toEqual([]);
      expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain(`A ${after}`);
    }
    expect(killed).toBeGreaterThan(10); // the kills did land inside the build
  }, 600_000);
});
