import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Vitest's default of one worker fewer than the cores leaves a two-core machine
// running the files one by one, while much of the suite waits on child
// processes (LibreOffice, tesseract, Chromium, the sixteen signing processes).
// One worker per core measured 86 s against 136 s on two cores; three workers
// gained 8 s more but oversubscribe the machine the timing-bound tests run on.
const workers = Math.max(2, availableParallelism());

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    maxWorkers: workers,
    minWorkers: workers,
  },
});
