import { collectPageErrors, expect, test } from '../fixtures'
import { Carnet } from './carnet'

test('the sample notebook loads and is still there after a reload and a restart', async ({ page, reopen }) => {
  const errors = collectPageErrors(page)
  const carnet = new Carnet(page)
  await carnet.open()
  await expect(page.getByRole('heading', { name: 'Welcome to Carnet' })).toBeVisible()
  await carnet.startWithSample('English')

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Canal Street Bakery (sample)')
  const counts = carnet.counts()
  await expect(counts).toContainText(/\d+ customers/)
  const before = await counts.getByRole('listitem').allInnerTexts()
  const customers = Number(/(\d+) customers/.exec(before[0] ?? '')?.[1])
  expect(customers).toBeGreaterThanOrEqual(35)

  await carnet.goTo('Customers')
  // The list is virtualised: the grid counts every customer, the page holds the rows in view.
  await expect(carnet.customerGrid()).toHaveAttribute('aria-rowcount', String(customers + 1))
  await expect(carnet.customerRows().first()).toBeVisible()
  const names = await carnet.customerRows().locator('th').allInnerTexts()

  await page.reload()
  await expect(carnet.customerGrid()).toHaveAttribute('aria-rowcount', String(customers + 1))
  await expect(carnet.customerRows().first()).toBeVisible()
  expect(await carnet.customerRows().locator('th').allInnerTexts()).toEqual(names)

  const again = await reopen()
  const reopened = new Carnet(again)
  await reopened.open()
  await expect(again.getByRole('heading', { level: 1 })).toHaveText('Canal Street Bakery (sample)')
  await expect(reopened.counts().getByRole('listitem')).toHaveText(before)
  expect(errors).toEqual([])
})

test('two notebooks keep their data apart', async ({ page }) => {
  const errors = collectPageErrors(page)
  const carnet = new Carnet(page)
  await carnet.open()
  await carnet.startEmpty()
  await carnet.addCustomer('Alice from the bike shop')
  await expect(carnet.customerRows()).toHaveText([/Alice from the bike shop/])

  await carnet.runCommand('New notebook')
  await carnet.answerPrompt('Client B')
  await expect(page.getByTestId('notebook-switcher')).toHaveValue(/.+/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Client B')
  await carnet.addCustomer('Bob of client B')
  await expect(carnet.customerRows()).toHaveText([/Bob of client B/])

  const switcher = page.getByTestId('notebook-switcher')
  await switcher.selectOption({ label: 'My notebook' })
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My notebook')
  await carnet.goTo('Customers')
  await expect(carnet.customerRows()).toHaveText([/Alice from the bike shop/])

  await switcher.selectOption({ label: 'Client B' })
  await carnet.goTo('Customers')
  await expect(carnet.customerRows()).toHaveText([/Bob of client B/])
  expect(errors).toEqual([])
})

test('undo and redo a new customer from the keyboard', async ({ page }) => {
  const carnet = new Carnet(page)
  await carnet.open()
  await carnet.startEmpty()
  await carnet.addCustomer('Zoé Martin')
  await expect(carnet.customerRows()).toHaveCount(1)
  await page.locator('body').click()
  await page.keyboard.press(`${carnet.mod}+z`)
  await expect(page.getByTestId('toast').last()).toContainText('Undone: New customer')
  await expect(page.getByRole('heading', { name: 'No customers yet' })).toBeVisible()
  await page.keyboard.press(`${carnet.mod}+Shift+z`)
  await expect(carnet.customerRows()).toHaveText([/Zoé Martin/])
})

test('deleting a notebook asks first and can be undone', async ({ page }) => {
  const carnet = new Carnet(page)
  await carnet.open()
  await carnet.startEmpty()
  await carnet.addCustomer('Keep me')
  await carnet.goTo('Notebooks')

  await page.getByTestId('notebook-item').getByRole('button', { name: 'Delete' }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toContainText('Delete “My notebook”?')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByTestId('notebook-item')).toHaveCount(1)

  await page.getByTestId('notebook-item').getByRole('button', { name: 'Delete' }).click()
  await dialog.getByRole('button', { name: 'Delete' }).click()
  await expect(page.getByTestId('notebook-item')).toHaveCount(0)
  await expect(page.getByText('Recently deleted')).toBeVisible()

  await page.getByTestId('toast').getByRole('button', { name: 'Undo' }).click()
  await expect(page.getByTestId('toast').last()).toContainText('restored')
  await carnet.goTo('Customers')
  await expect(carnet.customerRows()).toHaveText([/Keep me/])
})

test('the language can be switched to French and is remembered', async ({ page }) => {
  const carnet = new Carnet(page)
  await carnet.open()
  await carnet.startEmpty()
  await carnet.goTo('Settings')
  await page.getByLabel('Language').selectOption('fr')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Réglages')
  await page.reload()
  await expect(carnet.section('Clients')).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
})

test('the command palette opens on Ctrl/Cmd+K and lists what can be done', async ({ page }) => {
  const carnet = new Carnet(page)
  await carnet.open()
  await carnet.startEmpty()
  await page.keyboard.press(`${carnet.mod}+k`)
  const palette = carnet.palette()
  await expect(palette.getByRole('option', { name: /New customer/ })).toBeVisible()
  await palette.getByRole('combobox').fill('dark')
  // A query that spells out a command puts it first and selected, whatever else matches.
  await expect(palette.getByRole('option').first()).toHaveText(/Use the dark theme/)
  await expect(palette.getByRole('option', { selected: true })).toHaveText(/Use the dark theme/)
  await page.keyboard.press('Enter')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await page.keyboard.press('Escape')
})
