/**
 * End-to-end tests. `npm test` builds first and then runs this; see test/e2e/README.md.
 *
 * - `web`: the browser build (dist-web, served by `vite preview`) in Chromium, each test in a
 *   fresh profile (test/e2e/fixtures.ts).
 * - `electron`: the desktop build (out/) in Electron; those tests skip themselves when the
 *   Electron binary is not installed.
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from '@playwright/test'

type Resolution = {
  source: 'env' | 'playwright' | 'system' | 'missing'
  executablePath: string | null
}
type ChromiumModule = {
  CHROMIUM_ARGS: string[]
  MISSING_CHROMIUM_HELP: string
  resolveChromium: () => Resolution
}

// The resolution is shared with scripts/setup.mjs, which must stay plain JavaScript (it runs
// before node_modules exists). Imported through a computed URL because TypeScript cannot type a
// static import of an .mjs file; the shape is declared just above.
const chromiumModuleUrl = new URL('./scripts/chromium.mjs', import.meta.url).href
const { CHROMIUM_ARGS, MISSING_CHROMIUM_HELP, resolveChromium } = (await import(
  chromiumModuleUrl
)) as ChromiumModule

const CI = Boolean(process.env.CI)
// Fixed in vite.web.config.ts too: IndexedDB belongs to an origin, port included.
// CARNET_E2E_PORT lets two checkouts run their suites side by side on one machine.
const PORT = Number(process.env.CARNET_E2E_PORT ?? 4180)
const BASE_URL = `http://127.0.0.1:${PORT}`
// CARNET_E2E_DIST serves a web build made elsewhere (`vite build --outDir …`), so a second
// build does not replace the files under a run that is still going.
// Absolute: `vite preview` reads a relative folder from the web app's root (renderer/), not from here.
const DIST = resolve(
  fileURLToPath(new URL('.', import.meta.url)),
  process.env.CARNET_E2E_DIST ?? 'dist-web',
)

// `npm test` resolved (and if needed installed) the browser already and passes the result down,
// empty meaning Playwright's own. A bare `npx playwright test` resolves here.
const chromiumPath =
  process.env.CARNET_CHROMIUM !== undefined
    ? process.env.CARNET_CHROMIUM || null
    : resolveChromium().executablePath

// The config is loaded by the runner and again by every worker; warn once, from the runner.
const isRunner = process.env.TEST_WORKER_INDEX === undefined
if (isRunner && process.env.CARNET_CHROMIUM === undefined) {
  if (resolveChromium().source === 'missing') console.warn(`\n${MISSING_CHROMIUM_HELP}\n`)
}
if (isRunner && !existsSync(resolve(DIST, 'index.html'))) {
  console.warn(`\n${DIST}/ is not built: run \`npm run build:web\` first (npm test does).\n`)
}

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 30_000,
  // A flaky test is a bug to fix, not to retry into green.
  retries: 0,
  // CI runners have 2 cores; each worker runs one Chromium.
  workers: 2,
  forbidOnly: CI,
  reporter: CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'web',
      testMatch: 'test/e2e/web/**/*.spec.ts',
      // Every test has its own browser profile, so tests cannot depend on one another.
      fullyParallel: true,
      use: {
        baseURL: BASE_URL,
        headless: true,
        launchOptions: {
          // No path: Playwright's own Chromium. Channel 'chromium' picks the full build that
          // scripts/chromium.mjs checked for, not the separate headless shell, which may be absent.
          ...(chromiumPath ? { executablePath: chromiumPath } : { channel: 'chromium' }),
          args: CHROMIUM_ARGS,
        },
      },
    },
    {
      name: 'electron',
      testMatch: 'test/e2e/electron/**/*.spec.ts',
      // Desktop instances share OS-level state (single-instance lock, userData): one at a time.
      workers: 1,
    },
  ],
  webServer: {
    // Serves the dist-web that `npm test` built just before; it does not build.
    command: `npx vite preview --config vite.web.config.ts --outDir "${DIST}" --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: BASE_URL,
    reuseExistingServer: !CI,
    timeout: 60_000,
  },
})
