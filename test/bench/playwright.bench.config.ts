/**
 * Benchmarks run against the production web build in Chromium, one at a time so they do not
 * compete for the two cores. `npm run bench` builds, runs this, and prints the table.
 */
import { fileURLToPath } from 'node:url'
import { defineConfig } from '@playwright/test'
import baseConfig from '../../playwright.config'

const web = baseConfig.projects?.find((project) => project.name === 'web')

export default defineConfig({
  ...baseConfig,
  testDir: '.',
  timeout: 10 * 60_000,
  workers: 1,
  reporter: [['list']],
  // No trace: recording one snapshots the page at every step, on the thread being measured.
  projects: [{ name: 'bench', testMatch: '**/*.bench.ts', use: { ...web?.use, trace: 'off' } }],
  // The server runs from the repository root, where the vite config is, not from this folder.
  webServer:
    baseConfig.webServer && !Array.isArray(baseConfig.webServer)
      ? { ...baseConfig.webServer, cwd: fileURLToPath(new URL('../..', import.meta.url)) }
      : baseConfig.webServer,
})
