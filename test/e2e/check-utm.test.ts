// With link tracking on (the README's example), the sample still passes the strict gate: tracked URLs make
// long lines, and the plain text keeps each long URL on a line of its own.
import { afterAll, expect, it } from 'vitest';
import { tempProject, type TempProject } from '../helpers/project.js';
import { withIdentity } from '../helpers/sample-config.js';

let project: TempProject;
afterAll(() => project?.remove());

it('passes check --strict on the sample with UTM tracking configured', async () => {
  project = await tempProject();
  await project.write(
    'newsletter.config.json',
    withIdentity(
      JSON.stringify({ utm: { source: 'fieldnotes', medium: 'email', campaign: 'autumn', content: true } }),
    ),
  );
  const result = await project.runHere(['check', '--strict']);
  expect(result.stderr).toContain('0 errors, 0 warnings');
  expect(result.code).toBe(0);
});
