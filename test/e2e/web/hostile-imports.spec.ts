/**
 * Hostile import files (test/fixtures/hostile/csv, vcard and graphs, and the big or byte-level
 * ones test/helpers/hostile-files.ts generates) through the UI a user would use, in a real
 * Chromium under the real CSP: purchases CSV from the Segments screen, contacts from the
 * Customers screen, graphs from the palette. Each file gets a preview (with its problems) or a
 * clear refusal; nothing runs, nothing is fetched from another origin, no page error, the app
 * keeps working, and what was stored before is unchanged when the user cancels or the file is
 * refused. The parsers themselves are unit-tested over the same files (test/unit/io/hostile-*).
 */
import type { Locator, Page } from '@playwright/test'
import { hostileCsvFiles, hostileGraphs, hostileVCards } from '../../helpers/hostile-files'
import type { HostileFile } from '../../helpers/hostile-files'
import { notebookDatabase, readRecords } from '../../helpers/notebook-seed'
import { expect, test } from '../fixtures'
import { Carnet } from './carnet'
import { guardPage, unsafeMarkup } from './hostile-guards'

const TABLES = [
  'entities',
  'ties',
  'notes',
  'transactions',
  'maps',
  'segments',
  'decks',
  'consents',
]

type Snapshot = Record<string, { id: string }[]>

/** Every record of the open notebook, table by table, sorted by id. */
async function snapshot(page: Page): Promise<Snapshot> {
  const database = await notebookDatabase(page)
  const tables: Snapshot = {}
  for (const table of TABLES) {
    const records = await readRecords<{ id: string }>(page, database, table)
    tables[table] = records.sort((a, b) => a.id.localeCompare(b.id))
  }
  return tables
}

/** The records of `before` as they are now: an import may add records, never change these. */
function unchangedPart(before: Snapshot, after: Snapshot): Snapshot {
  return Object.fromEntries(
    Object.entries(before).map(([table, records]) => {
      const now = new Map(after[table]!.map((record) => [record.id, record]))
      return [table, records.map((record) => now.get(record.id) ?? { id: `${record.id} (gone)` })]
    }),
  )
}

/** Picks `file` in the browser build's file chooser opened by `open`. */
async function choose(page: Page, file: HostileFile, open: () => Promise<void>): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await open()
  await (
    await chooser
  ).setFiles({ name: file.name, mimeType: 'text/plain', buffer: Buffer.from(file.bytes) })
}

/** Waits for a dialog or an error toast, whichever the file gives; returns which. */
async function outcome(page: Page, dialog: Locator): Promise<'dialog' | 'refused'> {
  const toast = page.getByTestId('toast').filter({ hasText: /could not be read|No contact/ })
  await expect(dialog.or(toast).first()).toBeVisible({ timeout: 20_000 })
  if (await dialog.isVisible()) return 'dialog'
  await toast.first().getByRole('button', { name: 'Dismiss' }).click()
  await expect(toast).toHaveCount(0)
  return 'refused'
}

async function open(page: Page, baseURL: string) {
  const guards = await guardPage(page, baseURL)
  const carnet = new Carnet(page)
  await carnet.open()
  await carnet.startWithSample('English')
  return { guards, carnet }
}

test('hostile purchase CSV files: a preview of problems or a refusal, and cancel stores nothing', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(60_000)
  const { guards, carnet } = await open(page, baseURL!)
  const before = await snapshot(page)
  await carnet.goTo('Segments')
  const dialog = page.getByRole('dialog', { name: 'Import purchases' })
  const seen: Record<string, string> = {}
  for (const file of hostileCsvFiles().filter((entry) => !entry.label.startsWith('1,000,000'))) {
    await choose(page, file, () =>
      page.getByRole('button', { name: 'Import purchases from CSV…' }).click(),
    )
    const result = await outcome(page, dialog.getByTestId('import-summary'))
    seen[file.label] = result
    if (result === 'dialog') {
      expect(await unsafeMarkup(page, '.purchase-import'), file.label).toEqual([])
      // The first rows are shown, each cell as text and cut when long.
      await expect(dialog.getByRole('region', { name: 'First rows' })).toBeVisible()
      await dialog.getByRole('button', { name: 'Cancel' }).click()
      await expect(dialog).toBeHidden()
    }
  }
  expect(seen).toEqual({
    'duplicate-headers-mixed-endings.csv': 'dialog',
    'formulas-and-markup.csv': 'dialog',
    'only-empty-lines.csv': 'refused',
    'UTF-16 with a byte-order mark': 'dialog',
    'Latin-1 with a formula': 'dialog',
    'invalid UTF-8 and lone surrogates': 'dialog',
    'a zip archive renamed .csv': 'dialog',
    'a 10 MB single field': 'dialog',
    '100,000 columns in the header': 'refused',
  })

  // The app still works, and nothing stored changed.
  await carnet.goTo(/^(Customers|Clients)$/)
  await expect(carnet.customerRows().first()).toBeVisible()
  expect(await snapshot(page)).toEqual(before)
  await guards.expectNothingHappened()
})

test('a 1,000,000-row CSV file is read off the page and its problems are listed in part', async ({
  page,
  baseURL,
}) => {
  // Reading a million rows takes tens of seconds on a busy two-core runner.
  test.setTimeout(150_000)
  const { guards, carnet } = await open(page, baseURL!)
  const before = await snapshot(page)
  await carnet.goTo('Segments')
  const file = hostileCsvFiles().find((entry) => entry.label.startsWith('1,000,000'))!
  await choose(page, file, () =>
    page.getByRole('button', { name: 'Import purchases from CSV…' }).click(),
  )
  const dialog = page.getByRole('dialog', { name: 'Import purchases' })
  await expect(dialog.getByTestId('import-summary')).toHaveText(
    '1000000 rows: 0 to add, 0 already imported, 1000000 with problems',
    { timeout: 100_000 },
  )
  const problems = dialog.getByTestId('import-problems').getByRole('listitem')
  await expect(problems).toHaveCount(201)
  await expect(problems.last()).toHaveText('…and 999,800 more problems')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  expect(await snapshot(page)).toEqual(before)
  await guards.expectNothingHappened()
})

test('hostile vCard files: reviewed or refused, shown as text once imported', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(60_000)
  const { guards, carnet } = await open(page, baseURL!)
  const before = await snapshot(page)
  await carnet.goTo(/^(Customers|Clients)$/)
  const dialog = page.getByRole('dialog', { name: 'Import contacts' })
  const importButton = () => page.getByRole('button', { name: 'Import contacts (vCard)…' }).click()
  const seen: Record<string, string> = {}
  for (const file of hostileVCards()) {
    await choose(page, file, importButton)
    const result = await outcome(page, dialog)
    seen[file.label] = result
    if (result === 'dialog') {
      expect(await unsafeMarkup(page, '[role=dialog]'), file.label).toEqual([])
      await dialog.getByRole('button', { name: 'Cancel' }).click()
      await expect(dialog).toBeHidden()
    }
  }
  expect(seen).toEqual({
    'folded-to-the-end.vcf': 'refused',
    'invalid-charsets.vcf': 'dialog',
    'no-name.vcf': 'dialog',
    'prototype-keys.vcf': 'dialog',
    'script-and-uris.vcf': 'dialog',
    'unterminated.vcf': 'dialog',
    'BEGIN:VCARD nested 10,000 deep': 'dialog',
    'a quoted-printable bomb': 'dialog',
    'a base64 photo bomb, with a javascript: photo URI after it': 'dialog',
    'a folded line that never ends': 'refused',
    '20,000 cards with no name at all': 'refused',
    '50,000 parameters on one line': 'dialog',
  })
  expect(await snapshot(page)).toEqual(before)

  // One imported for real: its name is a heading's text, its script URL only a field's text.
  const file = hostileVCards().find((entry) => entry.label === 'script-and-uris.vcf')!
  await choose(page, file, importButton)
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(dialog).toBeHidden()
  await carnet.openCustomer('<script>window.__pwned()</script>')
  await expect(page.getByRole('definition').filter({ hasText: 'javascript:window' })).toHaveText(
    /^javascript:window\.__pwned\(\)/,
  )
  expect(await unsafeMarkup(page, 'main')).toEqual([])
  const after = await snapshot(page)
  expect(after.entities).toHaveLength(before.entities!.length + 1)
  expect(unchangedPart(before, after)).toEqual(before)
  await guards.expectNothingHappened()
})

test('hostile GraphML and GEXF files: refused with a message, or imported as text', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(60_000)
  const { guards, carnet } = await open(page, baseURL!)
  const before = await snapshot(page)
  const imported = page.getByTestId('toast').filter({ hasText: /^Imported \d+ entries/ })
  const seen: Record<string, string> = {}
  for (const file of hostileGraphs()) {
    await choose(page, file, async () => {
      await page.keyboard.press(`${carnet.mod}+k`)
      const palette = carnet.palette()
      await palette.getByRole('combobox').fill('Import a graph')
      await palette.getByRole('option', { name: 'Import a graph (GraphML, GEXF)' }).click()
    })
    const result = await outcome(page, imported)
    seen[file.label] =
      result === 'dialog' ? await imported.locator('.toast-message').innerText() : result
    if (result === 'dialog') {
      await expect(page).toHaveURL(/#\/map/)
      expect(await unsafeMarkup(page, 'main'), file.label).toEqual([])
      await imported.getByRole('button', { name: 'Dismiss' }).click()
      await expect(imported).toHaveCount(0)
    }
  }
  expect(seen).toEqual({
    'billion-laughs.graphml': 'refused',
    'external-dtd.gexf': 'Imported 3 entries and 1 ties.',
    'external-entity.graphml': 'refused',
    'parameter-entity.gexf': 'refused',
    'prototype-entity.graphml': 'refused',
    'script-labels.graphml': 'Imported 3 entries and 1 ties.',
    '10,000-level nesting': 'refused',
    'a 10 MB attribute value': 'refused',
    'a 10 MB label in a data element': 'Imported 0 entries and 0 ties.',
    'character references out of range': 'refused',
    '1,000 nodes, each with an edge to a node that does not exist':
      'Imported 1000 entries and 0 ties.',
  })
  // What was there before is untouched; the map still draws.
  expect(unchangedPart(before, await snapshot(page))).toEqual(before)
  await carnet.goTo(/^(Customers|Clients)$/)
  await carnet.goTo(/^(Map|Carte)$/)
  await guards.expectNothingHappened()
})
