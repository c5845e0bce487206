/** Contacts in and out: every shared vCard fixture imports through the UI, duplicates are offered. */
import { existsSync, readdirSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import { collectPageErrors, expect, test } from '../fixtures'
import { Carnet } from './carnet'

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url))
const fixtures = join(repositoryRoot, '../shared/fixtures/vcard')
const files = existsSync(fixtures)
  ? readdirSync(fixtures)
      .filter((name) => /\.(vcf|vcard)$/i.test(name))
      .sort()
  : []

/** Runs a palette action by its label (search results may come before the actions). */
async function runPaletteAction(carnet: Carnet, label: string) {
  await carnet.page.keyboard.press(`${carnet.mod}+k`)
  const palette = carnet.palette()
  await palette.getByRole('combobox').fill(label)
  await palette.getByRole('option', { name: label, exact: true }).click()
}

async function importFile(carnet: Carnet, path: string) {
  const { page } = carnet
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Import contacts (vCard)…' }).click()
  await (await chooser).setFiles(path)
  return page.getByRole('dialog', { name: 'Import contacts' })
}

test('every shared vCard file imports; a second import is offered as a duplicate to merge', async ({
  page,
}) => {
  test.skip(files.length === 0, `No vCard fixtures in ${fixtures}: the shared folder is absent.`)
  const errors = collectPageErrors(page)
  const carnet = new Carnet(page)
  await carnet.open()
  await carnet.startEmpty()
  await carnet.goTo(/^Customers$/)

  for (const name of files) {
    const dialog = await importFile(carnet, join(fixtures, name))
    await expect(dialog, name).toContainText(/contacts? found/)
    await dialog.getByRole('button', { name: 'Import', exact: true }).click()
    await expect(dialog).toBeHidden()
    await expect(page.getByText(/contacts? imported/).last()).toBeVisible()
  }
  await expect(carnet.customerRows().first()).toBeVisible()

  const again = await importFile(carnet, join(fixtures, 'rfc6350-example.vcf'))
  const duplicates = again.getByTestId('contact-duplicates')
  await expect(duplicates).toContainText('Looks like Simon Perreault')
  await expect(duplicates).toContainText(/same (email|phone|name)/)
  const decision = again.getByRole('combobox', { name: 'What to do with Simon Perreault' })
  await expect(decision).toHaveValue('merge')
  await decision.selectOption('skip')
  await decision.selectOption('merge')
  await again.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(again).toBeHidden()
  await carnet.searchCustomers('Simon Perreault')
  await expect(carnet.customerRows()).toHaveCount(1)

  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export customers as vCard…' }).click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/\.vcf$/)
  const text = await readFile(await file.path(), 'utf8')
  expect(text.match(/^BEGIN:VCARD\r$/gm)?.length ?? 0).toBeGreaterThan(5)
  expect(text).toContain('FN:Simon Perreault')
  expect(errors).toEqual([])
})

test('contacts import and export are in the palette', async ({ page }) => {
  const carnet = new Carnet(page)
  await carnet.open()
  await carnet.startWithSample()
  const download = page.waitForEvent('download')
  await runPaletteAction(carnet, 'Export customers as vCard')
  const text = await readFile(await (await download).path(), 'utf8')
  expect(text).toContain('BEGIN:VCARD')
  const chooser = page.waitForEvent('filechooser')
  await runPaletteAction(carnet, 'Import contacts from a vCard file')
  await chooser
})

test('a 5,000-card address book is read without a long task on the page thread', async ({
  page,
}, testInfo) => {
  const errors = collectPageErrors(page)
  const count = 5_000
  const path = testInfo.outputPath('address-book.vcf')
  const cards = Array.from(
    { length: count },
    (_, index) =>
      `BEGIN:VCARD\r\nVERSION:3.0\r\nN:Person ${index};Generated;;;\r\nFN:Generated Person ${index}\r\n` +
      `EMAIL;TYPE=home:person.${index}@example.org\r\nTEL;TYPE=cell:+33 6 ${String(index).padStart(8, '0')}\r\n` +
      `ADR;TYPE=home:;;${index} rue des Lilas;Lyon;;69001;France\r\nNOTE:Met at the market\\, stall ${index}\r\n` +
      `END:VCARD\r\n`,
  ).join('')
  await writeFile(path, cards)

  const carnet = new Carnet(page)
  await carnet.open()
  await carnet.startEmpty()
  await carnet.goTo(/^Customers$/)

  // Every task over 50 ms from now until the review dialog shows (entry.duration in ms).
  await page.evaluate(() => {
    const longTasks: number[] = []
    ;(window as unknown as { longTasks: number[] }).longTasks = longTasks
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push(entry.duration)
    }).observe({ type: 'longtask' })
  })
  const dialog = await importFile(carnet, path)
  await expect(dialog).toContainText('5,000 contacts found', { timeout: 60_000 })
  const longTasks = await page.evaluate(
    () => (window as unknown as { longTasks: number[] }).longTasks,
  )
  // The old page-thread parse of this file took one task of several hundred ms; the margin
  // allows for a loaded machine (the dialog's own first render, garbage collection).
  expect(Math.max(0, ...longTasks), `long tasks: ${longTasks.join(', ')} ms`).toBeLessThan(200)

  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  expect(errors).toEqual([])
})
