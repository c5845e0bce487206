/**
 * The desktop backup flow of the page (scheduler, Settings list, restore preview), run in
 * Chromium with an in-memory stand-in for the preload's `window.carnet`: the real Electron run is
 * test/e2e/electron/backups.spec.ts, which needs the Electron binary. The stand-in keeps backups
 * in memory; what the main process does on disk is unit-tested in test/unit/electron/.
 */
import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures'
import { Carnet } from './carnet'

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    type Entry = { file: string; notebookId: string; name: string; createdAt: number; size: number }
    const stored = new Map<string, { entry: Entry; bytes: Uint8Array }>()
    let clock = Date.now()
    const carnet = {
      appInfo: () =>
        Promise.resolve({
          name: 'Carnet',
          version: '0.0.0-test',
          runtime: 'desktop',
          locales: ['en-GB'],
          backupsFolder: '/home/test/.config/Carnet/Backups',
        }),
      openExternal: () => Promise.resolve(false),
      chooseFile: () => Promise.resolve(null),
      saveFile: () => Promise.resolve({ status: 'cancelled' }),
      writeBackup: (request: { notebookId: string; name: string; bytes: Uint8Array }) => {
        const createdAt = (clock += 60_000)
        const file = `${new Date(createdAt).toISOString().replace(/[:.]/g, '-')}_${request.notebookId}_${request.name}.carnet`
        const entry = {
          file,
          notebookId: request.notebookId,
          name: request.name,
          createdAt,
          size: request.bytes.byteLength,
        }
        stored.set(file, { entry, bytes: request.bytes.slice() })
        return Promise.resolve({ status: 'written', backup: entry })
      },
      listBackups: () => Promise.resolve([...stored.values()].map(({ entry }) => entry).reverse()),
      readBackup: (file: string) => {
        const found = stored.get(file)
        return found ? Promise.resolve(found.bytes) : Promise.reject(new Error('missing'))
      },
      onMenuCommand: () => () => undefined,
      // The backup at quit: what the page says, and a way for the test to ask like the shell.
      backupsPending: (isPending: boolean) => {
        said.push(isPending ? 'pending' : 'clean')
        return Promise.resolve()
      },
      backupsFlushed: () => {
        said.push('flushed')
        return Promise.resolve()
      },
      onFlushBackups: (listener: () => void) => {
        flushListeners.add(listener)
        return () => void flushListeners.delete(listener)
      },
    }
    const said: string[] = []
    const flushListeners = new Set<() => void>()
    Object.defineProperty(window, 'carnet', { value: carnet })
    Object.defineProperty(window, 'shellStandIn', {
      value: {
        said,
        backupCount: () => stored.size,
        askToFlush: () => flushListeners.forEach((listener) => listener()),
      },
    })
  })
})

/** Through the Customers view's button (the palette may list search results first). */
async function addCustomer(carnet: Carnet, name: string): Promise<void> {
  await carnet.goTo(/^Customers$/)
  await carnet.page.getByRole('button', { name: 'New customer' }).click()
  await carnet.answerPrompt(name)
  // Written before the page goes away, or there is nothing new to back up.
  await carnet.customerAdded(name)
}

test('a change is backed up when the page goes away, listed in Settings, and restored after a preview', async ({
  page,
}) => {
  const carnet = new Carnet(page)
  await carnet.open()
  await carnet.startWithSample()
  await addCustomer(carnet, 'Backup Before')
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')))

  await addCustomer(carnet, 'Added After')
  await carnet.goTo(/^Settings$/)
  const backups = page.getByTestId('backups')
  await expect(backups).toContainText('/home/test/.config/Carnet/Backups')
  await expect(backups.getByRole('row')).toHaveCount(2)
  await expect(backups).toContainText(/\d kB/)

  await backups.getByRole('button', { name: /^Restore / }).click()
  const preview = page.getByRole('dialog', { name: /^Restore “/ })
  await expect(preview.getByTestId('restore-counts')).toContainText('Entries')
  await expect(preview).toContainText('Added After')
  await expect(preview).toContainText('removed')
  await preview.getByRole('button', { name: 'Restore' }).click()
  await expect(page.getByText(/restored from the backup/)).toBeVisible()
  await backups.getByRole('button', { name: 'Refresh' }).click()
  // The replaced state was kept as a backup first.
  await expect(backups.getByRole('row')).toHaveCount(3)

  await carnet.goTo(/^Customers$/)
  await carnet.searchCustomers('Added After')
  await expect(carnet.customerRows()).toHaveCount(0)
  await carnet.searchCustomers('Backup Before')
  await expect(carnet.customerRows()).toHaveCount(1)

  await page.getByRole('heading', { level: 1 }).click()
  await page.keyboard.press(`${carnet.mod}+z`)
  await expect(page.getByText(/^Undone/).first()).toBeVisible()
  await carnet.searchCustomers('Added After')
  await expect(carnet.customerRows()).toHaveCount(1)
})

interface ShellStandIn {
  said: string[]
  backupCount(): number
  askToFlush(): void
}

/** The stand-in's test handles (each `evaluate` runs in the page, so each reaches them itself). */
function shell(page: Page) {
  type Holder = { shellStandIn: ShellStandIn }
  return {
    said: () => page.evaluate(() => [...(window as unknown as Holder).shellStandIn.said]),
    backupCount: () =>
      page.evaluate(() => (window as unknown as Holder).shellStandIn.backupCount()),
    askToFlush: () => page.evaluate(() => (window as unknown as Holder).shellStandIn.askToFlush()),
  }
}

test('at quit the page backs up what changed when the shell asks, answers, and pagehide does not do it again', async ({
  page,
}) => {
  const carnet = new Carnet(page)
  await carnet.open()
  await carnet.startWithSample()
  const standIn = shell(page)
  await addCustomer(carnet, 'Before Quit')
  await expect.poll(() => standIn.said()).toContain('pending')
  const before = await standIn.backupCount()

  await standIn.askToFlush()
  await expect.poll(() => standIn.said()).toContain('flushed')
  const after = await standIn.backupCount()
  expect(after).toBeGreaterThan(before)

  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')))
  // Give a second backup every chance to happen: it must not.
  await page.waitForTimeout(500)
  expect(await standIn.backupCount()).toBe(after)
})
