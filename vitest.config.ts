import { defineConfig } from 'vitest/config';

// Test files that need a process of their own: one replaces a module (vi.mock), one asserts what loading MJML
// loads. Every other file shares its worker's process and modules, so the built CLI, MJML and the rest load
// once per worker rather than once per file (about a sixth of the suite's CPU).
const OWN_PROCESS = ['test/content/discover.test.ts', 'test/render/fast/mjml-load.test.ts'];

const shared = {
  // End-to-end tests spawn the CLI, compile MJML and start Chromium; on a shared 2-core machine with a
  // core taken, one can take ten times as long as alone. These limits only end a test that hangs: the
  // waits inside are events or bounded polls (test/helpers/wait.ts).
  testTimeout: 180_000,
  hookTimeout: 180_000,
  // the built CLI, called in a test's own process (test/helpers/in-process.ts), is loaded as Node loads it
  server: { deps: { external: [/\/dist\//] } },
};

export default defineConfig({
  test: {
    pool: 'forks',
    // Two test files at a time, one per core (Vitest's default is one fewer than the cores: one, here).
    // Most end-to-end tests spend their time in a spawned CLI or in Chromium, so a file waiting on one
    // leaves its core to the other; more than two only queue for the cores and stretch every wait.
    maxWorkers: 2,
    projects: [
      {
        test: {
          ...shared,
          name: 'shared',
          include: ['test/**/*.test.ts'],
          exclude: OWN_PROCESS,
          isolate: false,
        },
      },
      { test: { ...shared, name: 'own-process', include: OWN_PROCESS } },
    ],
  },
});
