/**
 * Narrowing the map down on the English sample: to one tie type, to a tag, to a segment's
 * customers, and to the notebook as it was on a past day. Each filter leaves exactly the entries
 * that pass it, as the options list of the map (what a screen reader reads) shows.
 */
import { collectPageErrors, expect, test } from '../fixtures'
import { Carnet } from './carnet'
import { MapPage } from './map-page'

test('the map narrows down by tie type, tag, segment and date', async ({ page }) => {
  const errors = collectPageErrors(page)
  const carnet = new Carnet(page)
  await carnet.open()
  await carnet.startWithSample('English')
  const map = new MapPage(page)
  await map.open()
  await expect.poll(() => map.options().count()).toBeGreaterThan(80)
  const everyone = await map.options().count()
  const filters = page.getByRole('complementary', { name: 'Filters' })

  // Only the prescriptions, without the entries left with no tie: the prescriber and the 8
  // customers she prescribes to.
  await filters.getByText('Every type of tie').click()
  const types = filters.locator('.map-tie-types label')
  for (const type of await types.all()) {
    if ((await type.innerText()).trim() !== 'Prescribes') await type.getByRole('checkbox').uncheck()
  }
  await expect(filters.getByText('1 type of tie')).toBeVisible()
  await filters.getByLabel('Hide entries without ties').check()
  await expect(map.options()).toHaveCount(9)
  await expect(map.options().filter({ hasText: 'Helen Marsh' })).toHaveCount(1)
  await filters.getByLabel('Hide entries without ties').uncheck()
  for (const type of await types.all()) await type.getByRole('checkbox').check()
  await expect(filters.getByText('Every type of tie')).toBeVisible()
  await expect(map.options()).toHaveCount(everyone)

  // A tag keeps the entries that carry it.
  await filters.getByLabel('With tag').selectOption('vegan')
  const tagged = await map.options().count()
  expect(tagged).toBeGreaterThan(2)
  expect(tagged).toBeLessThan(everyone)
  await filters.getByLabel('With tag').selectOption('')

  // A segment keeps its customers (other kinds stay): the top 5% are two customers.
  await filters.getByLabel('Customers in segment').selectOption({ label: 'Top 5%' })
  await expect(map.options().filter({ hasText: ', Customer,' })).toHaveCount(2)
  await expect(map.options().filter({ hasText: 'Mark Oliver' })).toHaveCount(1)
  await filters.getByLabel('Customers in segment').selectOption('')

  // A year ago, the notebook held fewer entries.
  const yearAgo = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10)
  await filters.getByLabel('As it was on').fill(yearAgo)
  await expect.poll(() => map.options().count()).toBeLessThan(everyone)
  await filters.getByLabel('As it was on').fill('')
  await expect(map.options()).toHaveCount(everyone)
  expect(errors).toEqual([])
})
