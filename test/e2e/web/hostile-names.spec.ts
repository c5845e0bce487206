/**
 * Hostile entity names (test/fixtures/hostile/entity-names.json) in a real Chromium under the
 * real CSP: typed through the New customer action and written straight into IndexedDB (as an
 * imported notebook could hold them), then shown by the customers list, a customer page, the
 * palette search and the journal (through a mention). Nothing may run, nothing may be fetched
 * from another origin, no page error, the app keeps working and the stored data is unchanged.
 */
import type { Page } from '@playwright/test'
import { hostileNames } from '../../helpers/hostile-names'
import { notebookDatabase, readRecords, writeRecords } from '../../helpers/notebook-seed'
import { expect, test } from '../fixtures'
import { Carnet } from './carnet'
import { guardPage } from './hostile-guards'

type StoredEntity = { id: string; name: string } & Record<string, unknown>

/**
 * Reads every entity of the open notebook straight from IndexedDB, or first writes `seed` names
 * as customers (ids `hostile-000`…), each with the same text as its summary.
 */
/** Writes customers with the given names (if any), then returns every stored entity by id. */
async function notebookEntities(page: Page, seed: string[] = []): Promise<StoredEntity[]> {
  const database = await notebookDatabase(page)
  const now = Date.now()
  await writeRecords(
    page,
    database,
    'entities',
    seed.map((name, index) => ({
      id: `hostile-${String(index).padStart(3, '0')}`,
      kind: 'customer',
      name,
      tags: ['hostile'],
      summary: name,
      createdAt: now,
      updatedAt: now,
    })),
  )
  const all = await readRecords<StoredEntity>(page, database, 'entities')
  return all.sort((a, b) => a.id.localeCompare(b.id))
}

test('hostile customer names run nothing, load nothing and change nothing', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(90_000)
  const guards = await guardPage(page, baseURL!)

  const carnet = new Carnet(page)
  await carnet.open()
  await carnet.startEmpty()
  const names = hostileNames()

  // Through the UI: the New customer action, for a few of the worst.
  const typed = names.filter(({ label }) =>
    ['img onerror', '__proto__', 'constructor', 'RTL override', 'attribute breakout'].includes(
      label,
    ),
  )
  for (const { name } of typed) await carnet.addCustomer(name)
  // The 10,000-character name: the field keeps what fits, or the action refuses it clearly.
  const long = names.find(({ label }) => label === 'long name')!.name
  await carnet.runCommand('New customer')
  const prompt = page.getByRole('dialog')
  await prompt.getByRole('textbox').fill(long)
  await prompt.getByRole('button').last().click()
  await expect(prompt).toBeHidden()

  // Straight into IndexedDB: every name, with the same text as summary (rendered as markdown).
  const seeded = await notebookEntities(
    page,
    names.map(({ name }) => name),
  )
  expect(seeded.filter((entity) => entity.id.startsWith('hostile-'))).toHaveLength(names.length)
  await page.reload()
  await expect(page.getByRole('navigation')).toBeVisible()
  const before = await notebookEntities(page)
  expect(before.length).toBeGreaterThanOrEqual(names.length + typed.length)

  // The customers list shows each name as text.
  await carnet.goTo(/^(Customers|Clients)$/)
  await expect(carnet.customerRows().first()).toBeVisible()
  await carnet.searchCustomers('onerror')
  await expect(
    page.getByRole('rowheader', { name: '<img src=x onerror=window.__pwned()>', exact: true }),
  ).toHaveCount(2)
  await carnet.searchCustomers('')

  // A customer page for each kind of trouble.
  for (const label of ['img onerror', '__proto__', 'RTL override', 'markdown link', 'long name']) {
    const { name } = names.find((entry) => entry.label === label)!
    const index = names.findIndex((entry) => entry.label === label)
    await carnet.showHash(`#/customers/hostile-${String(index).padStart(3, '0')}`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name)
  }

  // The palette finds a hostile name and opens it.
  await page.keyboard.press(`${carnet.mod}+k`)
  const input = carnet.palette().getByRole('combobox')
  await expect(input).toBeFocused()
  await input.fill('__proto__')
  await expect(carnet.palette().getByRole('option').first()).toContainText('__proto__')
  await page.keyboard.press('Enter')
  await expect(carnet.palette()).toBeHidden()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('__proto__')

  // A note mentioning one, in the journal.
  await carnet.showHash('#/journal')
  await carnet.openCapture()
  await page.keyboard.type('Met @constru')
  await expect(carnet.mentionOptions().first()).toContainText('constructor')
  await page.keyboard.press('Enter')
  await page.keyboard.type(' at the market')
  await carnet.closeCapture()
  await expect(carnet.journalNotes().first()).toContainText('@constructor at the market')

  // Still working: the sections navigate and the list filters.
  await carnet.goTo(/^(Home|Accueil)$/)
  await carnet.goTo(/^(Customers|Clients)$/)
  await carnet.searchCustomers('Famille')
  await expect(carnet.customerRows()).toHaveCount(1)

  // What was stored before the visit is unchanged.
  expect(await notebookEntities(page)).toEqual(before)

  await guards.expectNothingHappened()
})
