/**
 * Playwright fixtures for Carnet's end-to-end tests. Import `test` and `expect` from here, never
 * from '@playwright/test' directly.
 *
 * Carnet keeps everything in IndexedDB, so what matters most is the browser profile: every test
 * gets a brand-new one (an empty database, as on first launch) that survives reloads within the
 * test, and `reopen()` closes the browser and starts it again on the same profile, to check that
 * quitting and relaunching keeps the user's data.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test'

export { expect }

/** The browser profile of the current test. */
export type BrowserProfile = {
  /** Chromium user-data directory, unique to this test and deleted after it. */
  readonly dir: string
  /** The open persistent context; replaced by `relaunch()`. */
  context: BrowserContext
  /** Close the browser, start it again on the same directory, and return the new context. */
  relaunch: () => Promise<BrowserContext>
}

type Fixtures = {
  browserProfile: BrowserProfile
  /**
   * Close the browser and launch it again on the same profile, as a user quitting and reopening
   * Carnet. Returns the new page (still blank: navigate it). The `context` and `page` fixtures
   * keep pointing at the closed ones, so use the returned page (and `page.context()`) afterwards.
   */
  reopen: () => Promise<Page>
}

async function firstPage(context: BrowserContext): Promise<Page> {
  // A persistent context opens with one tab already; a second one would just be noise.
  return context.pages()[0] ?? (await context.newPage())
}

export const test = base.extend<Fixtures>({
  browserProfile: async ({ playwright, launchOptions, headless }, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'carnet-e2e-profile-'))
    // Launch through the `playwright` fixture so the runner's defaults and hooks apply: baseURL,
    // viewport and locale from the config, traces and failure screenshots. executablePath,
    // channel and args come from the project's launchOptions (playwright.config.ts).
    const launch = () =>
      playwright.chromium.launchPersistentContext(dir, { ...launchOptions, headless })
    const removeDir = () =>
      rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 })
    let context: BrowserContext
    try {
      context = await launch()
    } catch (error) {
      await removeDir()
      throw error
    }
    const profile: BrowserProfile = {
      dir,
      context,
      async relaunch() {
        // Closing ends the Chromium process, which flushes IndexedDB and localStorage to disk
        // and releases the profile lock, exactly like quitting the app.
        await profile.context.close()
        profile.context = await launch()
        return profile.context
      },
    }
    try {
      await use(profile)
    } finally {
      // Chromium must have exited before its profile can be deleted.
      await profile.context.close().catch(() => undefined)
      await removeDir()
    }
  },

  // Replaces Playwright's context, which would be an incognito one in a shared browser: its
  // IndexedDB would be empty but could not outlive a browser restart.
  context: async ({ browserProfile }, use) => {
    await use(browserProfile.context)
  },

  page: async ({ context }, use) => {
    await use(await firstPage(context))
  },

  reopen: async ({ browserProfile }, use) => {
    await use(async () => firstPage(await browserProfile.relaunch()))
  },
})

/**
 * Start recording the page's uncaught exceptions and console errors. Returns a live array, so a
 * test ends with `expect(errors).toEqual([])`, and a failure shows the messages themselves.
 * Call it right after getting the page, before navigating; after `reopen()`, call it again on
 * the new page.
 */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.name}: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() !== 'error') return
    const { url, lineNumber } = message.location()
    const where = url ? ` (${url}:${String(lineNumber + 1)})` : ''
    errors.push(`console.error: ${message.text()}${where}`)
  })
  return errors
}
