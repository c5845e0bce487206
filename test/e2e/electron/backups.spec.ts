/**
 * Backups on the desktop, end to end: a changed notebook is written to userData/Backups (the page
 * exports it, the main process writes and verifies it), Settings lists it, and a restore shows
 * its preview, keeps the replaced state as a backup first, then brings the backup back.
 * Skips itself where the Electron binary (or a display) is missing.
 */
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron } from '@playwright/test'
import type { ElectronApplication, Page } from '@playwright/test'
import { expect, test } from '../fixtures'
import { Carnet } from '../web/carnet'
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
  userDataDirectory = await mkdtemp(join(tmpdir(), 'carnet-e2e-backups-'))
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

const backupsFolder = () => join(userDataDirectory, 'Backups')

async function backupFiles(): Promise<string[]> {
  return existsSync(backupsFolder())
    ? (await readdir(backupsFolder())).filter((file) => file.endsWith('.carnet'))
    : []
}

/** What the app does when the window goes away (quit), without closing it. */
async function leavePage(): Promise<void> {
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')))
}

/** Through the Customers view's button (the palette may list search results first). */
async function addCustomer(carnet: Carnet, name: string): Promise<void> {
  await carnet.goTo(/^Customers$/)
  await carnet.page.getByRole('button', { name: 'New customer' }).click()
  await carnet.answerPrompt(name)
}

test('a changed notebook is backed up, verified, listed and restored after a preview', async () => {
  const carnet = new Carnet(page)
  await expect(page.locator('#root')).not.toBeEmpty()
  await carnet.startWithSample()
  await addCustomer(carnet, 'Backup Before')
  await leavePage()
  await expect.poll(backupFiles, { timeout: 15_000 }).toHaveLength(1)
  const [first] = await backupFiles()
  const saved = JSON.parse(await readFile(join(backupsFolder(), first ?? ''), 'utf8')) as {
    format: string
    tables: { entities: { name: string }[] }
  }
  expect(saved.format).toBe('carnet-notebook')
  expect(saved.tables.entities.map((entity) => entity.name)).toContain('Backup Before')

  // Nothing changed: no second backup.
  await leavePage()
  await page.waitForTimeout(1_000)
  expect(await backupFiles()).toHaveLength(1)

  await addCustomer(carnet, 'Added After')
  await carnet.goTo(/^Settings$/)
  const backups = page.getByTestId('backups')
  await expect(backups).toContainText(join(userDataDirectory, 'Backups'))
  await expect(backups.getByRole('row')).toHaveCount(2)
  await expect(backups).toContainText(/kB/)

  await backups.getByRole('button', { name: /^Restore / }).click()
  const preview = page.getByRole('dialog', { name: /^Restore “/ })
  await expect(preview.getByTestId('restore-counts')).toContainText('Entries')
  await expect(preview).toContainText('Added After')
  await preview.getByRole('button', { name: 'Restore' }).click()
  await expect(page.getByText(/restored from the backup/)).toBeVisible()
  // The replaced state was kept first.
  expect(await backupFiles()).toHaveLength(2)

  await carnet.goTo(/^Customers$/)
  await carnet.searchCustomers('Added After')
  await expect(carnet.customerRows()).toHaveCount(0)
  await carnet.searchCustomers('Backup Before')
  await expect(carnet.customerRows()).toHaveCount(1)
})
