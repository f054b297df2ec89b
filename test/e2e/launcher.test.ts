// bin/newsletter.js runs the bundle, or tsc's output when there is no bundle (after `npm run build:ts`).
import { execFileSync, spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI } from '../helpers/project.js';

const stub = (name: string) =>
  `export async function main() { process.stdout.write(${JSON.stringify(name)}); return 0; }\n`;

describe('the launcher', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'newsletter-launcher-'));
    await mkdir(join(dir, 'bin'));
    await cp(CLI, join(dir, 'bin/newsletter.js'));
    await writeFile(join(dir, 'package.json'), '{ "type": "module" }');
    await mkdir(join(dir, 'dist/bundle'), { recursive: true });
    await writeFile(join(dir, 'dist/cli.js'), stub('tsc output'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('runs the bundle when there is one', async () => {
    await writeFile(join(dir, 'dist/bundle/cli.js'), stub('bundle'));
    expect(execFileSync(process.execPath, [join(dir, 'bin/newsletter.js')], { encoding: 'utf8' })).toBe(
      'bundle',
    );
  });

  it("runs tsc's output when there is no bundle", () => {
    expect(execFileSync(process.execPath, [join(dir, 'bin/newsletter.js')], { encoding: 'utf8' })).toBe(
      'tsc output',
    );
  });

  it('does not hide a module missing from inside the bundle', async () => {
    await writeFile(join(dir, 'dist/bundle/cli.js'), `import './chunk-gone.js';\n${stub('bundle')}`);
    const run = spawnSync(process.execPath, [join(dir, 'bin/newsletter.js')], { encoding: 'utf8' });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('chunk-gone.js');
    expect(run.stdout).toBe('');
  });
});
