// The library, imported by its package name from a project of its own (the package linked into its
// node_modules, as npm link or a file: dependency does): results come back as data, nothing is printed,
// and the types check.
import { execFile } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCli, type RunResult } from '../helpers/project.js';
import { IDENTITY, TODAY, tempDir } from './identity.js';

const SCRIPT = `
import { build, check, loadProject, renderEdition } from 'newsletter';
const root = process.argv[2];
const loaded = await loadProject({ root });
const rendered = await renderEdition(loaded.project, '${TODAY}-welcome');
const missing = await renderEdition({ root }, 'no-such-edition');
const checked = await check({ root, strict: true });
const built = await build({ root });
console.log(JSON.stringify({
  editions: loaded.project.editions.map((e) => e.slug),
  rendered: { ok: rendered.ok, subject: rendered.subject, html: rendered.html.includes('<html'), text: rendered.text.split('\\n')[0] },
  missing: missing.diagnostics.map((d) => d.code),
  checked: { ok: checked.ok, editions: checked.editions.map((e) => e.ok) },
  built: built.editions.map((e) => e.files.length > 0),
}));
`;

// typed use: a wrong option name or result field fails tsc
const TYPED = `
import { build, check, type BuildReport, type CheckReport, type Diagnostic } from 'newsletter';
const report: BuildReport = await build({ root: '.', slugs: ['x'] });
const checked: CheckReport = await check({ root: '.', strict: true });
const first: Diagnostic | undefined = [...report.diagnostics, ...checked.diagnostics][0];
export const summary: string = \`\${report.editions.length} \${first?.code ?? ''}\`;
`;

const run = (args: string[], cwd: string) =>
  new Promise<RunResult>((resolve) =>
    execFile(
      process.execPath,
      args,
      { cwd, env: { ...process.env, SOURCE_DATE_EPOCH: '1767225600' } },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    ),
  );

describe("the library, imported by the package's name", () => {
  let temp: Awaited<ReturnType<typeof tempDir>>;
  let app: string;
  beforeAll(async () => {
    temp = await tempDir();
    expect((await runCli(['init', 'letter', '--yes', ...IDENTITY], temp.dir)).code).toBe(0);
    app = join(temp.dir, 'app');
    await mkdir(join(app, 'node_modules'), { recursive: true });
    await symlink(REPO, join(app, 'node_modules/newsletter'));
    await writeFile(join(app, 'package.json'), '{ "type": "module", "private": true }\n');
    await writeFile(join(app, 'use.mjs'), SCRIPT);
    await writeFile(join(app, 'typed.ts'), TYPED);
  });
  afterAll(() => temp.remove());

  it('builds, checks and renders, returning data and printing nothing else', async () => {
    const result = await run(['use.mjs', join(temp.dir, 'letter')], app);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      editions: [`${TODAY}-welcome`],
      rendered: {
        ok: true,
        subject: 'Harbour Letter: the first edition',
        html: true,
        text: 'Harbour Letter',
      },
      missing: ['UNKNOWN_EDITION'],
      checked: { ok: true, editions: [true] },
      built: [true],
    });
  });

  it('comes with types', async () => {
    const tsc = join(REPO, 'node_modules/typescript/bin/tsc');
    const options = ['--noEmit', '--strict', '--module', 'nodenext', '--target', 'es2022', '--skipLibCheck'];
    const result = await run([tsc, ...options, 'typed.ts'], app);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});
