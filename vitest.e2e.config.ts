import { defineConfig } from 'vitest/config';

// End-to-end tests drive the built app in real headless Chromium; they run one file at a time
// because each starts its own browser and static server.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    // expect.poll waits for a condition; a second (the default) is short for a page whose data is
    // validated in a worker on a busy two-core machine.
    expect: { poll: { timeout: 10_000 } },
  },
});
