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
  },
})
