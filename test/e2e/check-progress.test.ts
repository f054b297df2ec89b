// check's progress: each edition counted once it is fully checked, SpamAssassin included, and a progress line
// on a terminal (util-linux's `script` gives the CLI a real pseudo-terminal).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/corpus.js';
import { check } from '../../src/check.js';
import { CLI, tempProject, type TempProject } from '../helpers/project.js';

describe('check progress', () => {
  let project: TempProject;
  beforeAll(async () => {
    // enough editions to be built in worker threads, one of them failing
    project = await tempProject({});
    await writeCorpus(join(project.dir, 'content'), 9);
    await project.write('content/broken.md', '---\ntitle: [unclosed\n---\nText.\n');
  });
  afterAll(() => project?.remove());

  it('counts every edition once, failed ones too, up to all of them', async () => {
    const calls: [number, number][] = [];
    const report = await check({
      root: project.dir,
      onProgress: (done, total) => calls.push([done, total]),
    });
    expect(report.editions).toHaveLength(10);
    expect(calls.at(-1)).toEqual([10, 10]);
    expect(calls.map(([done]) => done)).toEqual(calls.map((_, i) => calls.length - 10 + i + 1));
    expect(new Set(calls.map(([, total]) => total))).toEqual(new Set([10]));
  });

  it('writes a progress line on a terminal', async () => {
    const screen = await new Promise<string>((resolve, reject) => {
      const child = spawn('script', ['-qfec', `'${process.execPath}' '${CLI}' check`, '/dev/null'], {
        cwd: project.dir,
        env: { ...process.env, NO_COLOR: '', TERM: 'xterm' },
      });
      let out = '';
      child.stdout.on('data', (chunk) => (out += chunk));
      child.on('error', reject);
      child.on('close', () => resolve(out));
    });
    expect(screen).toContain('\rChecking: 10/10\r\n');
    expect(screen).toMatch(/Checked 10 editions in/);
  });
});
