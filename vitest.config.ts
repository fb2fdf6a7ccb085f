import { defineConfig } from 'vitest/config'

/** Tests that start their own platforms (and kill them): run alone, last. */
const ENGINE_TESTS = ['tests/integration/local/engines.test.ts', 'tests/integration/local/restart.test.ts', 'tests/integration/fuzz/routes.fuzz.test.ts']

/**
 * Four projects: `fast` (unit and infrastructure tests, no services),
 * `platform` (integration tests against one embedded platform started by the
 * global setup), `browser` (Debian's Chromium against a platform of its own,
 * one file at a time) and `engines` (tests that start and kill platforms).
 */
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // expect.poll waits for what the platform or a page does asynchronously (a workflow step, a
    // projection, a re-render); on a busy 2-core machine that can take seconds. A wait, not a measure.
    expect: { poll: { timeout: 20_000, interval: 100 } },
    pool: 'forks',
    maxWorkers: 2,
    // Three groups, one after the other, so the browser tests (timing-sensitive: a stream seen as it arrives)
    // and the tests that start and kill whole platforms never compete for the two cores with the bulk of the suite.
    projects: [
      { extends: true, test: { name: 'fast', include: ['tests/unit/**/*.test.ts', 'tests/infra/**/*.test.ts'], sequence: { groupOrder: 0 } } },
      {
        extends: true,
        test: {
          name: 'platform', include: ['tests/integration/**/*.test.ts'], exclude: [...ENGINE_TESTS],
          globalSetup: ['tests/support/global-setup.ts'], sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'browser', include: ['tests/e2e/**/*.test.ts'], globalSetup: ['tests/support/global-setup.ts'], poolOptions: { forks: { singleFork: true } }, sequence: { groupOrder: 1 },
          // One retry for the browser tests only: the assistant's side-panel walk (two answers, a document page) timed out in 2 of
          // the last 5 full runs and passed alone every time; a real failure still fails twice. Under investigation (see the session note).
          retry: 1,
        },
      },
      { extends: true, test: { name: 'engines', include: [...ENGINE_TESTS], poolOptions: { forks: { singleFork: true } }, sequence: { groupOrder: 2 } } },
    ],
  },
})
