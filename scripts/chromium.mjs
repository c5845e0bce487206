/**
 * Which Chromium the end-to-end tests drive, decided in one place so that `npm test`
 * (scripts/test.mjs via scripts/setup.mjs) and a bare `npx playwright test`
 * (playwright.config.ts) always agree.
 *
 * Pure resolution: this module only looks at the disk and the environment. Installing a missing
 * browser is scripts/setup.mjs's job. It uses Node builtins only, because setup imports it before
 * node_modules exists.
 */
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')

/** Debian's package (`apt-get install chromium`); what CI and this dev container use. */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium'

/**
 * Flags for every launch. The sandbox needs user namespaces that containers and CI runners often
 * lack; the GPU is absent there; the rest stop Chromium from talking to Google services, which
 * would make tests slow and noisy offline (and Carnet must work with no network at all).
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
]

/**
 * The Chromium that Playwright downloaded itself (`npx playwright install chromium`), if present.
 * On a developer laptop that is the best choice: it is the exact build this Playwright version is
 * tested against. Returns null when playwright-core is not installed yet or the browser is absent.
 */
export function findPlaywrightChromium() {
  try {
    const require = createRequire(join(ROOT, 'package.json'))
    const path = require('playwright-core').chromium.executablePath()
    return path && existsSync(path) ? path : null
  } catch {
    return null
  }
}

/**
 * Decide which Chromium to use, in order of preference:
 *  1. CARNET_CHROMIUM, when a developer points it at an existing browser on purpose;
 *  2. Playwright's own Chromium;
 *  3. Debian's /usr/bin/chromium.
 *
 * `executablePath` is null for Playwright's own browser: Playwright then finds it by itself
 * (launched with channel 'chromium', see playwright.config.ts).
 *
 * @returns {{ source: 'env' | 'playwright' | 'system' | 'missing', executablePath: string | null }}
 */
export function resolveChromium(env = process.env) {
  const fromEnv = env.CARNET_CHROMIUM
  if (fromEnv && existsSync(fromEnv)) return { source: 'env', executablePath: fromEnv }
  if (findPlaywrightChromium()) return { source: 'playwright', executablePath: null }
  if (existsSync(SYSTEM_CHROMIUM)) return { source: 'system', executablePath: SYSTEM_CHROMIUM }
  return { source: 'missing', executablePath: null }
}

/** What to tell a human when no Chromium can be found or installed. */
export const MISSING_CHROMIUM_HELP = [
  'No Chromium found for the end-to-end tests. Any one of these fixes it:',
  '  - Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium',
  '  - with internet:  npx playwright install chromium',
  '  - or point CARNET_CHROMIUM at an existing Chromium or Chrome executable.',
].join('\n')
