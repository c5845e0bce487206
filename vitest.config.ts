import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  plugins: [react()],
  test: {
    include: ['test/unit/**/*.test.ts', 'test/component/**/*.test.tsx'],
    // Core and shell tests run in Node; component tests ask for jsdom in their first line.
    environment: 'node',
    setupFiles: ['test/helpers/setup.ts'],
    restoreMocks: true,
    // Property tests run hundreds of cases; on a busy two-core machine 5 s (the default) is
    // reached by load alone. A hang still fails, and speed is measured by the benchmarks.
    testTimeout: 30_000,
  },
})
