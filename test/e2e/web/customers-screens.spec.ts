/**
 * The customers list (empty and full) and a customer's page, light and dark, French and
 * English: nothing spills out sideways. Screenshots land in the output dir's customers/ folder,
 * to be looked at.
 */
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures'
import { Carnet } from './carnet'

async function expectNoHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow).toBeLessThanOrEqual(0)
}

for (const language of ['en', 'fr'] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`customers screens in ${language}, ${scheme}`, async ({ page }, info) => {
      await page.emulateMedia({ colorScheme: scheme })
      const carnet = new Carnet(page)
      await carnet.open()
      if (language === 'fr') {
        await page.goto('/#/settings')
        await page.getByLabel('Language').selectOption('fr')
        await page.goto('/')
      }
      const shot = async (name: string) => {
        await expectNoHorizontalOverflow(page)
        await page.screenshot({
          path: join(info.project.outputDir, 'customers', `${name}-${language}-${scheme}.png`),
          fullPage: true,
        })
      }
      await carnet.startEmpty()
      await page.goto('/#/customers')
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      await shot('customers-empty')

      await carnet.runCommand(language === 'fr' ? 'Nouveau client' : 'New customer')
      await carnet.answerPrompt('Zoé Martin')
      await carnet.openCustomer('Zoé Martin')
      await shot('customer-new')

      await carnet.runCommand(
        language === 'fr' ? 'Nouveau carnet d’exemple' : 'New sample notebook',
      )
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(/sample|exemple/)
      await page.goto('/#/customers')
      await expect(carnet.customerRows().first()).toBeVisible()
      await shot('customers-full')
      await carnet.openCustomer(language === 'fr' ? 'Sophie Lefèvre' : 'Sophie Fletcher')
      await shot('customer-page')
    })
  }
}
