// The two halves of an edition in a pair of workers (src/workers/edition-task.ts): each worker loads the
// project itself, so the finish half refuses an edition rendered with another version of the config or
// templates, rather than write it with its own and remember it as current. Where the halves meet depends on
// the command (HANDOVER in src/pipeline.ts): either way, the same files, and the same problems.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProject, type Project } from '../../src/project.js';
import { HANDOVER, type Handover } from '../../src/pipeline.js';
import {
  finishTask,
  renderTask,
  withInputs,
  withoutBuilt,
  type TaskResult,
} from '../../src/workers/edition-task.js';
import { tempProject, type TempProject } from '../helpers/project.js';

describe('an edition rendered in one worker and finished in another', () => {
  let temp: TempProject;
  let project: Project;

  // an undated edition's message is dated when it is made: two renders either side of a second's turn would
  // differ in their Date header, so the time is set, as the CLI's tests set it (SOURCE_DATE_EPOCH)
  const epoch = process.env.SOURCE_DATE_EPOCH;
  beforeAll(async () => {
    process.env.SOURCE_DATE_EPOCH = '1767225600';
    temp = await tempProject();
    project = (await loadProject({ root: temp.dir })).project!;
  });
  afterAll(async () => {
    if (epoch === undefined) delete process.env.SOURCE_DATE_EPOCH;
    else process.env.SOURCE_DATE_EPOCH = epoch;
    await temp.remove();
  });

  // by default where a build's pair hands an edition over
  const rendered = async (handover: Handover = HANDOVER.build, from = project) => {
    const entry = from.editions.find((e) => e.slug === 'kursk-talks')!;
    return renderTask(from, await withInputs(from, { index: 0, entry }), false, handover);
  };

  it('is written when both halves loaded the same project', async () => {
    const { result, cache } = await finishTask(project, await rendered());
    expect(result.ok, JSON.stringify(result.diagnostics)).toBe(true);
    expect(cache).toBeDefined();
    expect(existsSync(join(temp.dir, 'out/kursk-talks/index.html'))).toBe(true);
  });

  it('is not written, nor remembered, when a template changed between the two loads', async () => {
    const half = await rendered();
    const before = await temp.read('out/kursk-talks/index.txt');
    await temp.write(
      'templates/default.txt.hbs',
      `${await temp.read('templates/default.txt.hbs')}\nChanged.\n`,
    );
    const reloaded = (await loadProject({ root: temp.dir })).project!;
    const { result, cache } = await finishTask(reloaded, { ...half, index: 1 });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['PROJECT_CHANGED']);
    expect(cache).toBeUndefined();
    expect(await temp.read('out/kursk-talks/index.txt')).toBe(before);
  });

  const OUTPUT = ['index.html', 'index.txt', 'message.eml', 'manifest.json'];
  /** What crosses back to the main thread (the rendered edition stays in the worker), but the files' stamps:
   * the outputs' times, and the inputs', which are kept only once the files are a second old (RACY_MS in
   * cache/stamps.ts), so one build here may keep them and the next not. */
  const crossing = ({ result, cache }: TaskResult) => {
    if (!cache) return { result: withoutBuilt(result), cache };
    const { inputs: _inputs, ...rest } = cache;
    return {
      result: withoutBuilt(result),
      cache: { ...rest, outputs: cache.outputs.map(({ path, size }) => ({ path, size })) },
    };
  };

  it('writes the same files, and remembers them alike, handed over after its HTML or after its text', async () => {
    const whole = await finishTask(project, await rendered('after-text'));
    const files = await Promise.all(OUTPUT.map((f) => temp.read(`out/kursk-talks/${f}`)));
    const half = await rendered('after-html');
    expect('rendered' in half.part && 'text' in half.part.rendered.rendered).toBe(false);
    const split = await finishTask(project, half);
    expect(split.result.ok, JSON.stringify(split.result.diagnostics)).toBe(true);
    expect(crossing(split)).toEqual(crossing(whole));
    expect(await Promise.all(OUTPUT.map((f) => temp.read(`out/kursk-talks/${f}`)))).toEqual(files);
  });

  // the HTML half leaves the text to the finish half, but a failing edition reports what one pass reports: a
  // text template's error before MJML's, and beside a Handlebars error in the MJML layout
  const TEXT_BROKEN = (text: string) => text.replace('{{newsletter.name}}', '{{newsletter.nmae}}');
  const MJML_BROKEN = (footer: string) => footer.replace('<mj-divider', '<mj-dividr');
  const LAYOUT_BROKEN = (header: string) => header.replace('{{newsletter.name}}', '{{newsletter.nmae}}');
  it.each([
    ['the text template', { text: TEXT_BROKEN }, ['TEMPLATE_MISSING_VALUE']],
    ['MJML', { footer: MJML_BROKEN }, ['MJML_ERROR']],
    ['MJML and the text template', { footer: MJML_BROKEN, text: TEXT_BROKEN }, ['TEMPLATE_MISSING_VALUE']],
    [
      'the MJML layout and the text template',
      { header: LAYOUT_BROKEN, text: TEXT_BROKEN },
      ['TEMPLATE_MISSING_VALUE', 'TEMPLATE_MISSING_VALUE'],
    ],
  ] as const)('reports an error in %s alike, wherever the halves meet', async (_what, breaks, codes) => {
    const broken = await tempProject();
    try {
      const templates = {
        text: 'templates/default.txt.hbs',
        footer: 'templates/partials/footer.mjml.hbs',
        header: 'templates/partials/header.mjml.hbs',
      };
      for (const [which, change] of Object.entries(breaks) as [
        keyof typeof templates,
        (s: string) => string,
      ][])
        await broken.write(templates[which], change(await broken.read(templates[which])));
      const loaded = (await loadProject({ root: broken.dir })).project!;
      const whole = await finishTask(loaded, await rendered('after-text', loaded));
      const split = await finishTask(loaded, await rendered('after-html', loaded));
      expect(whole.result.diagnostics.map((d) => d.code)).toEqual(codes);
      expect(crossing(split)).toEqual(crossing(whole));
    } finally {
      await broken.remove();
    }
  });
});
