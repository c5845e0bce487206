/** Owning your data: a notebook leaves as a file and comes back whole. */
import { readFile } from 'node:fs/promises'
import { collectPageErrors, expect, test } from '../fixtures'
import { Carnet } from './carnet'

test('export the sample, delete it, import the file as a new notebook with the same content', async ({
  page,
}) => {
  const errors = collectPageErrors(page)
  const carnet = new Carnet(page)
  await carnet.open()
  await carnet.startWithSample()
  const counts = await carnet.counts().innerText()

  await carnet.goTo(/^Notebooks$/)
  await page.getByRole('button', { name: 'Export this notebook…' }).click()
  const dialog = page.getByRole('dialog', { name: /^Export/ })
  await expect(dialog).toBeVisible()
  const download = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Export' }).click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/\.carnet$/)
  const path = await file.path()
  const text = await readFile(path, 'utf8')
  expect(JSON.parse(text)).toMatchObject({ format: 'carnet-notebook' })

  await page.getByRole('button', { name: 'Delete' }).first().click()
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click()

  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Import a notebook file…' }).click()
  await (await chooser).setFiles(path)
  const choice = page.getByRole('dialog', { name: /^Import/ })
  await expect(choice).toContainText(/The file holds/)
  await choice.getByRole('button', { name: 'Import as a new notebook' }).click()
  await expect(page.getByText(/imported/).first()).toBeVisible()
  await expect(carnet.counts()).toBeVisible()
  await expect.poll(() => carnet.counts().innerText()).toBe(counts)
  expect(errors).toEqual([])
})

test('an encrypted export needs its passphrase, and a wrong one changes nothing', async ({
  page,
}) => {
  const carnet = new Carnet(page)
  await carnet.open()
  await carnet.startWithSample()
  await carnet.goTo(/^Notebooks$/)
  await page.getByRole('button', { name: 'Export this notebook…' }).click()
  const dialog = page.getByRole('dialog', { name: /^Export/ })
  await dialog.getByLabel('Passphrase (optional)').fill('correct horse')
  await dialog.getByLabel('Passphrase again').fill('correct horse')
  const download = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Export' }).click()
  const path = await (await download).path()
  expect(await readFile(path, 'utf8')).not.toContain('Canal')

  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Import a notebook file…' }).click()
  await (await chooser).setFiles(path)
  const unlock = page.getByRole('dialog', { name: 'This file is encrypted' })
  await unlock.getByLabel('Passphrase').fill('wrong horse')
  await unlock.getByRole('button', { name: 'Unlock' }).click()
  await expect(unlock.getByRole('alert')).toContainText('Wrong passphrase')
  await unlock.getByLabel('Passphrase').fill('correct horse')
  await unlock.getByRole('button', { name: 'Unlock' }).click()
  const choice = page.getByRole('dialog', { name: /^Import/ })
  await choice.getByRole('button', { name: /^Merge into/ }).click()
  await expect(
    page.getByText('This file holds nothing this notebook does not already have.'),
  ).toBeVisible()
})
