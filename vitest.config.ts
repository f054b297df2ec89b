import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests spawn the CLI, compile MJML and start Chromium; on a shared 2-core machine with a
    // core taken, one can take ten times as long as alone. These limits only end a test that hangs: the
    // waits inside are events or bounded polls (test/helpers/wait.ts).
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // Two test files at a time, one per core (Vitest's default is one fewer than the cores: one, here).
    // Most end-to-end tests spend their time in a spawned CLI or in Chromium, so a file waiting on one
    // leaves its core to the other; more than two only queue for the cores and stretch every wait.
    maxWorkers: 2,
    // the built CLI, called in a test's own process (test/helpers/in-process.ts), is loaded as Node loads it
    server: { deps: { external: [/\/dist\//] } },
  },
});
