/**
 * Workshop mode on the desktop, end to end: the presenter view opens in one second window (made
 * by the same secure factory, at app://carnet/#/presenter/<id>), and "Export PDF" prints the deck
 * in a hidden window and writes a PDF where the save dialog says. The save dialog is answered by
 * replacing `dialog.showSaveDialog` in the main process. Skips itself where the Electron binary
 * (or a display) is missing; the logic is unit-tested in test/unit/electron/deck-windows.test.ts.
 */
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron } from '@playwright/test'
import type { ElectronApplication, Page } from '@playwright/test'
import { expect, test } from '../fixtures'
import { Carnet } from '../web/carnet'
import { DeckPage } from '../web/deck-page'
import { MapPage } from '../web/map-page'
import {
  BUILT_MAIN_SCRIPT,
  DISPLAY_MISSING,
  electronBinary,
  electronLaunchArguments,
  electronLaunchEnvironment,
  ELECTRON_BINARY_MISSING,
  hasDisplay,
  hasElectronBinary,
} from './electron-binary'

test.skip(!hasElectronBinary, ELECTRON_BINARY_MISSING)
test.skip(!hasDisplay, DISPLAY_MISSING)

let application: ElectronApplication
let page: Page
let userDataDirectory: string

test.beforeEach(async () => {
  expect(existsSync(BUILT_MAIN_SCRIPT), 'out/main/index.js is missing: run `npm run build`').toBe(
    true,
  )
  userDataDirectory = await mkdtemp(join(tmpdir(), 'carnet-e2e-workshop-'))
  application = await _electron.launch({
    executablePath: electronBinary ?? undefined,
    args: electronLaunchArguments(),
    env: electronLaunchEnvironment(userDataDirectory),
  })
  page = await application.firstWindow()
  await page.waitForLoadState('domcontentloaded')
})

test.afterEach(async () => {
  await application.close()
  await rm(userDataDirectory, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 })
})

/** The sample notebook and a one-slide deck named "Workshop", open in the deck editor. */
async function oneSlideDeck(): Promise<DeckPage> {
  const carnet = new Carnet(page)
  const decks = new DeckPage(page)
  await carnet.startWithSample()
  const map = new MapPage(page)
  await map.open()
  await map.settled()
  await decks.addView()
  await decks.open('Workshop')
  return decks
}

test('the presenter view opens in one second window, at its route', async () => {
  test.setTimeout(60_000)
  const decks = await oneSlideDeck()
  await decks.slides().first().click()
  await decks.present()

  const opened = application.waitForEvent('window')
  await page.getByRole('button', { name: 'Presenter view' }).click()
  const presenter = await opened
  expect(presenter.url()).toMatch(/^app:\/\/carnet\/#\/presenter\/[^/]+$/)
  await expect(presenter.getByTestId('presenter')).toBeVisible()

  // Asked again: the same window comes forward, no third one.
  await page.getByRole('button', { name: 'Presenter view' }).click()
  await expect.poll(() => application.windows().length).toBe(2)
})

test('Export PDF writes a PDF of the deck where the save dialog says', async () => {
  test.setTimeout(60_000)
  const target = join(userDataDirectory, 'Workshop.pdf')
  await application.evaluate(({ dialog }, filePath) => {
    dialog.showSaveDialog = () => Promise.resolve({ canceled: false, filePath })
  }, target)
  await oneSlideDeck()

  await page.getByRole('button', { name: 'Export PDF' }).click()
  await expect(page.getByTestId('toast').last()).toContainText('Saved Workshop.pdf', {
    timeout: 30_000,
  })
  const pdf = await readFile(target)
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  // The hidden print window is gone: only the main window is left.
  expect(application.windows()).toHaveLength(1)
})
