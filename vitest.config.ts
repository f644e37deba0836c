import { defineConfig } from 'vitest/config';

// Two projects: `unit` (pure logic, no cluster, runs in seconds) and `integration` (core against real
// API servers that test/integration/global-setup.ts starts once for the whole run).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/integration/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
