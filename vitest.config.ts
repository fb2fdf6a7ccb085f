import { defineConfig } from 'vitest/config'

/**
 * Two projects: `fast` (unit and infrastructure tests, no services) and
 * `platform` (integration and browser tests against one embedded platform
 * started by the global setup).
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
    projects: [
      { extends: true, test: { name: 'fast', include: ['tests/unit/**/*.test.ts', 'tests/infra/**/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'platform', include: ['tests/integration/**/*.test.ts', 'tests/e2e/**/*.test.ts'], globalSetup: ['tests/support/global-setup.ts'] },
      },
    ],
  },
})
