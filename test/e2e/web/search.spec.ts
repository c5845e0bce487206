/**
 * Search from the command palette: customers and the full text of notes, accents ignored,
 * matches highlighted, Enter opens the result, and the index survives a reload (loaded from its
 * cache rather than rebuilt).
 */
import { collectPageErrors, expect, test } from '../fixtures'
import { Carnet } from './carnet'

async function search(carnet: Carnet, text: string) {
  const { page } = carnet
  await page.keyboard.press(`${carnet.mod}+k`)
  const input = carnet.palette().getByRole('combobox')
  await expect(input).toBeFocused()
  await input.fill(text)
  return carnet.palette().getByTestId('search-results')
}

test('finds customers and notes, highlights the words, opens a result, survives a reload', async ({
  page,
}) => {
  const errors = collectPageErrors(page)
  const carnet = new Carnet(page)
  await carnet.open()
  await carnet.startWithSample('English')

  let results = await search(carnet, 'zoe')
  const zoe = results.getByRole('option').first()
  await expect(zoe).toContainText('Zoe Fisher')
  await expect(zoe.locator('mark')).toHaveText('Zoe')

  // A word that appears only in the text of one note, typed in part: prefix matching.
  await carnet.palette().getByRole('combobox').fill('punct')
  results = carnet.palette().getByTestId('search-results')
  await expect(results).toHaveAttribute('data-source', 'index')
  const note = results.getByRole('option').first()
  await expect(note).toContainText('the rider had a puncture')
  await expect(note.locator('mark')).toHaveText('puncture')
  // The best result is selected, and comes before the actions.
  await expect(note).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('Enter')
  await expect(carnet.palette()).toBeHidden()
  await expect(page).toHaveURL(/#\/journal\/[\w-]+$/)

  // Enter on a customer opens its page.
  results = await search(carnet, 'zoe fish')
  await expect(results.getByRole('option').first()).toContainText('Zoe Fisher')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/#\/customers\/[\w-]+$/)

  // After a reload the index is loaded from its cache, not rebuilt.
  await page.reload()
  await expect(page.getByRole('navigation')).toBeVisible()
  results = await search(carnet, 'puncture')
  await expect(results).toHaveAttribute('data-index-source', 'cache')
  await expect(results.getByRole('option').first()).toContainText('puncture')
  expect(errors).toEqual([])
})

test('ignores accents: zoe finds Zoé in the French sample', async ({ page }) => {
  const errors = collectPageErrors(page)
  const carnet = new Carnet(page)
  await carnet.open()
  await carnet.startWithSample('Français')
  const results = await search(carnet, 'zoe')
  const first = results.getByRole('option').first()
  await expect(first).toContainText('Zoé Fabre')
  await expect(first.locator('mark')).toHaveText('Zoé')
  // A note word with an accent, typed without it.
  await carnet.palette().getByRole('combobox').fill('ecluses')
  await expect(carnet.palette().getByTestId('search-results').locator('mark').first()).toHaveText(
    /Écluses/,
  )
  expect(errors).toEqual([])
})

test('the sidebar search button opens the palette, labelled', async ({ page }) => {
  const carnet = new Carnet(page)
  await carnet.open()
  await carnet.startWithSample('English')
  await page.getByRole('button', { name: 'Search customers and notes' }).click()
  await expect(carnet.palette().getByRole('combobox')).toBeFocused()
})
