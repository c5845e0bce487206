import { notebookDatabase, readRecords } from '../../helpers/notebook-seed'
import { collectPageErrors, expect, test } from '../fixtures'
import { Carnet } from './carnet'
import { MapPage } from './map-page'

test('a note about two entries suggests tying them on the map, with the note as evidence', async ({
  page,
}) => {
  const errors = collectPageErrors(page)
  const carnet = new Carnet(page)
  await carnet.open()
  await carnet.startEmpty()
  await carnet.addCustomer('Zoé Martin')
  await carnet.addCustomer('Paul Durand')
  const map = new MapPage(page)
  await map.open()
  await map.settled()
  const panel = page.getByRole('complementary', { name: 'Suggested by the notes' })
  await expect(panel).toContainText('No suggestions')

  // Written while the map is open: the suggestion comes without reading the notes on the page.
  await carnet.openCapture()
  await page.keyboard.type('Saw @zo')
  await expect(carnet.mentionOptions()).toHaveText([/Zoé Martin/])
  await page.keyboard.press('Enter')
  await page.keyboard.type(' with @pa')
  await expect(carnet.mentionOptions()).toHaveText([/Paul Durand/])
  await page.keyboard.press('Enter')
  await carnet.closeCapture()
  const suggestion = panel.getByRole('listitem')
  await expect(suggestion).toHaveCount(1)
  await expect(suggestion).toContainText('Zoé Martin')
  await expect(suggestion).toContainText('Paul Durand')
  await expect(suggestion).toContainText('1 note')

  // A map sized by value still draws every entry.
  await page.getByRole('combobox', { name: 'Size by' }).selectOption({ label: 'Spend' })
  await map.settled()
  await expect(map.options()).toHaveCount(2)

  await suggestion.getByRole('button', { name: 'Tie' }).click()
  const dialog = page.getByRole('dialog', { name: /New tie/ })
  await dialog.getByRole('combobox', { name: /^Type$/ }).selectOption({ label: 'Friend' })
  await dialog.getByRole('button', { name: /Tie them/ }).click()
  await expect(dialog).toBeHidden()
  await expect(panel.getByRole('listitem')).toHaveCount(0)
  await expect(panel).toContainText('No suggestions')

  const database = await notebookDatabase(page)
  const [note] = await readRecords<{ id: string }>(page, database, 'notes')
  const ties = await readRecords<{ evidence: string[] }>(page, database, 'ties')
  expect(ties.map((tie) => tie.evidence)).toEqual([[note!.id]])
  expect(errors).toEqual([])
})
