/** Backups in the browser version: no disk, so Settings explains and remembers the last export. */
import { expect, test } from '../fixtures'
import { Carnet } from './carnet'

test('Settings explains browser backups and shows the last export', async ({ page }) => {
  const carnet = new Carnet(page)
  await carnet.open()
  await carnet.startWithSample()
  await carnet.goTo(/^Settings$/)
  const backups = page.getByTestId('backups')
  await expect(backups).toContainText('cannot write backups to disk')
  await expect(backups).toContainText('No export yet.')

  await carnet.goTo(/^Notebooks$/)
  await page.getByRole('button', { name: 'Export this notebook…' }).click()
  const download = page.waitForEvent('download')
  await page
    .getByRole('dialog', { name: /^Export/ })
    .getByRole('button', { name: 'Export' })
    .click()
  await download
  await carnet.goTo(/^Settings$/)
  await expect(page.getByTestId('backups')).toContainText('Last export:')
})
