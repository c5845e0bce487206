/**
 * Notes end to end: quick capture (keyboard only, mentions and tags), the journal, follow-ups,
 * the trash, undo, and a capture that survives the browser being closed mid-sentence.
 */
import { collectPageErrors, expect, test } from '../fixtures'
import { Carnet } from './carnet'

test('a note captured with the keyboard alone shows its mention and tag in the journal', async ({
  page,
}) => {
  const errors = collectPageErrors(page)
  const carnet = new Carnet(page)
  await carnet.open()
  await carnet.startEmpty()
  await carnet.addCustomer('Zoé Martin')
  await carnet.addCustomer('Paul Durand')

  await carnet.openCapture()
  await page.keyboard.type('Chatted with @zo')
  const options = carnet.mentionOptions()
  await expect(options).toHaveText([/Zoé Martin/])
  await expect(carnet.captureText()).toHaveAttribute('aria-activedescendant', /.+/)
  await page.keyboard.press('Enter')
  await expect(options).toHaveCount(0)
  await page.keyboard.type('about the #rye loaf, and @newc')
  await expect(options).toHaveText([/New customer “newc”/])
  await page.keyboard.press('Escape')
  await expect(options).toHaveCount(0)
  await expect(carnet.capture()).toBeVisible()
  await expect(carnet.captureText()).toHaveValue(
    /^Chatted with \[@Zoé Martin\]\(carnet:entity\/[\w-]+\) about the #rye loaf/,
  )
  await carnet.closeCapture()

  await page.keyboard.press(`${carnet.mod}+3`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Journal')
  const note = carnet.journalNotes()
  await expect(note).toHaveCount(1)
  await expect(note).toContainText('@Zoé Martin')
  await expect(note).toContainText('#rye')
  await expect(note).toContainText('About Zoé Martin')
  expect(errors).toEqual([])
})

test('a complaint with a follow-up waits in Follow-ups until done, and undo reopens it', async ({
  page,
}) => {
  const errors = collectPageErrors(page)
  const carnet = new Carnet(page)
  await carnet.open()
  await carnet.startEmpty()
  await carnet.writeNote('The croissants were cold', {
    kind: 'complaint',
    followUpDue: '2020-01-15',
  })

  await expect(carnet.section(/Follow-ups/)).toContainText('1')
  await carnet.goTo(/Follow-ups/)
  const open = page.getByTestId('open-follow-ups').getByTestId('journal-note')
  await expect(open).toHaveCount(1)
  await expect(open).toContainText('The croissants were cold')
  await expect(open).toContainText('Overdue')

  await open.getByRole('button', { name: 'Mark follow-up done' }).click()
  await expect(open).toHaveCount(0)
  await expect(page.getByRole('heading', { name: 'No open loops' })).toBeVisible()
  await expect(page.getByTestId('open-loops')).toHaveCount(0)
  await page.getByText('1 closed loop').click()
  await expect(page.getByTestId('closed-follow-ups')).toContainText('The croissants were cold')

  await page.locator('body').click({ position: { x: 600, y: 5 } })
  await page.keyboard.press(`${carnet.mod}+z`)
  await expect(open).toHaveCount(1)
  await expect(page.getByTestId('open-loops')).toContainText('1')
  expect(errors).toEqual([])
})

test('a note typed when the browser closes is there after relaunch', async ({ page, reopen }) => {
  const carnet = new Carnet(page)
  await carnet.open()
  await carnet.startEmpty()
  await carnet.openCapture()
  const text = 'Madame Roy asked whether we could bake a gluten-free loaf on Saturdays'
  await page.keyboard.type(text)
  // No closing, no waiting for the save: the browser goes away mid-capture.
  const again = await reopen()
  const errors = collectPageErrors(again)
  const reopened = new Carnet(again)
  await reopened.open()
  await expect(reopened.capture()).toBeVisible()
  await expect(reopened.captureText()).toHaveValue(text)
  await reopened.closeCapture()
  await reopened.goTo('Journal')
  await expect(reopened.journalNotes()).toHaveCount(1)
  await expect(reopened.journalNotes()).toContainText(text)
  expect(errors).toEqual([])
})

test('a deleted note waits in the trash and comes back; a deleted customer comes back with undo', async ({
  page,
}) => {
  const errors = collectPageErrors(page)
  const carnet = new Carnet(page)
  await carnet.open()
  await carnet.startEmpty()
  await carnet.addCustomer('Jeanne Roux')
  await carnet.openCapture()
  await page.keyboard.type('Bought two baguettes, @jea')
  await page.keyboard.press('Enter')
  const written = await carnet.captureText().inputValue()
  const customerId = /carnet:entity\/([\w-]+)/.exec(written)?.[1] ?? ''
  expect(customerId).not.toBe('')
  await carnet.closeCapture()

  await carnet.goTo('Journal')
  await expect(carnet.journalNotes()).toHaveCount(1)
  await carnet.journalNotes().getByRole('button', { name: 'Delete note' }).click()
  await expect(page.getByRole('heading', { name: 'No notes yet' })).toBeVisible()

  await carnet.goTo('Trash')
  await expect(carnet.trashItems()).toHaveCount(1)
  await expect(carnet.trashItems()).toContainText('Bought two baguettes, @Jeanne Roux')
  await expect(carnet.trashItems()).toContainText('1 note')
  await carnet
    .trashItems()
    .getByRole('button', { name: /^Restore/ })
    .click()
  await expect(page.getByRole('heading', { name: 'The trash is empty' })).toBeVisible()

  await carnet.goTo('Journal')
  await expect(carnet.journalNotes()).toContainText('Bought two baguettes')
  await carnet.showHash(`#/customers/${customerId}`)
  await page.getByRole('button', { name: 'Delete Jeanne Roux' }).click()
  await carnet.goTo('Trash')
  await expect(carnet.trashItems()).toHaveText([/Jeanne Roux/])

  await page.keyboard.press(`${carnet.mod}+z`)
  await expect(page.getByRole('heading', { name: 'The trash is empty' })).toBeVisible()
  await carnet.goTo('Customers')
  await expect(carnet.customerRows()).toHaveText([/Jeanne Roux/])
  expect(errors).toEqual([])
})
