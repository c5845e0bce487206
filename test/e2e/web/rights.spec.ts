/** The customer's rights: consent, access (export) and erasure, on the English sample. */
import { readFile } from 'node:fs/promises'
import { collectPageErrors, expect, test } from '../fixtures'
import { Carnet } from './carnet'

const NAME = 'Mark Oliver'

test('record consent, export a customer, erase them and find no trace anywhere', async ({
  page,
}) => {
  const errors = collectPageErrors(page)
  const carnet = new Carnet(page)
  await carnet.open()
  await carnet.startWithSample()
  await carnet.openCustomer(NAME)
  const id = decodeURIComponent(page.url().split('/').pop() ?? '')

  const consents = page.getByTestId('consents')
  await consents.getByLabel('Purpose').fill('Newsletter')
  await consents.getByLabel('How it was given').fill('Signed form at the counter')
  await consents.getByRole('button', { name: 'Record consent' }).click()
  await expect(consents.getByRole('listitem').first()).toContainText('Given')
  await expect(consents.getByTestId('consent-log')).toContainText('Newsletter')
  await consents.getByRole('radio', { name: 'Withdrawn' }).check()
  await consents.getByRole('button', { name: 'Record withdrawal' }).click()
  await expect(consents.getByTestId('consent-log').getByRole('listitem')).toHaveCount(2)
  await expect(consents.getByTestId('consent-log').getByRole('listitem').first()).toContainText(
    'Withdrawn',
  )

  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export everything (data)' }).click()
  const json = JSON.parse(await readFile(await (await download).path(), 'utf8')) as {
    entity: { name: string }
    notes: { text: string }[]
    consents: { purpose: string; given: boolean }[]
  }
  expect(json.entity.name).toBe(NAME)
  expect(json.notes.length).toBeGreaterThan(0)
  expect(json.notes.some((note) => note.text.includes(NAME))).toBe(true)
  expect(json.consents.map((consent) => consent.given)).toEqual([false, true])

  const readable = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export everything (readable)' }).click()
  const html = await readFile(await (await readable).path(), 'utf8')
  expect(html).toContain(`Everything Carnet holds about ${NAME}`)
  expect(html).not.toMatch(/<script/i)

  await page.getByRole('button', { name: 'Erase completely…' }).click()
  const confirm = page.getByRole('dialog', { name: `Erase ${NAME} completely?` })
  await expect(confirm).toContainText(/notes only about them/)
  await confirm.getByRole('button', { name: 'Erase' }).click()
  await expect(page).toHaveURL(/#\/customers$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Customers')

  const main = page.locator('#main')
  await carnet.searchCustomers('Mark')
  await expect(main).not.toContainText(NAME)
  await carnet.goTo(/^Journal$/)
  await expect(carnet.journalNotes().first()).toBeVisible()
  await expect(main).not.toContainText(NAME)
  await expect(main).toContainText('a former customer')

  await page.keyboard.press(`${carnet.mod}+k`)
  await carnet.palette().getByRole('combobox').fill(NAME)
  await expect(carnet.palette().getByRole('option').first()).toBeVisible()
  await expect(carnet.palette()).not.toContainText(NAME)
  await page.keyboard.press('Escape')

  await carnet.goTo(/^Notebooks$/)
  await page.getByRole('button', { name: 'Export this notebook…' }).click()
  const exportDialog = page.getByRole('dialog', { name: /^Export/ })
  const notebookDownload = page.waitForEvent('download')
  await exportDialog.getByRole('button', { name: 'Export' }).click()
  const text = await readFile(await (await notebookDownload).path(), 'utf8')
  expect(text).toContain('a former customer')
  expect(text).not.toContain(NAME)
  expect(text).not.toContain(id)
  expect(errors).toEqual([])
})

test('the inactive customers review lists customers with no activity and links to them', async ({
  page,
}) => {
  const carnet = new Carnet(page)
  await carnet.open()
  await carnet.startWithSample()
  await carnet.goTo(/^Settings$/)
  const review = page.getByTestId('inactive-customers')
  await review.getByLabel('Years without activity').selectOption('1')
  await expect(review).toBeVisible()
  await expect(
    review.getByText(/No customer has been inactive|Last activity/).first(),
  ).toBeVisible()
})
