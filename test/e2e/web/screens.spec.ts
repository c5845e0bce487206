/**
 * Every screen of the shell, light and dark, French and English: nothing spills out sideways
 * and every screen has its heading. Screenshots land in test-results/screens/ to be looked at.
 */
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures'
import { Carnet } from './carnet'

const SCREENS = [
  ['home', '#/home'],
  ['customers', '#/customers'],
  ['journal', '#/journal'],
  ['follow-ups', '#/follow-ups'],
  ['trash', '#/trash'],
  ['map', '#/map'],
  ['segments', '#/segments'],
  ['insights-influence', '#/insights/influence'],
  ['insights-prescribers', '#/insights/prescribers'],
  ['insights-voices', '#/insights/voices'],
  ['insights-communities', '#/insights/communities'],
  ['insights-besides', '#/insights/besides'],
  ['insights-themes', '#/insights/themes'],
  ['insights-attention', '#/insights/attention'],
  ['insights-gaps', '#/insights/gaps'],
  ['notebooks', '#/notebooks'],
  ['settings', '#/settings'],
] as const

async function expectNoHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
}

for (const language of ['en', 'fr'] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`screens in ${language}, ${scheme}`, async ({ page }, info) => {
      // A walk through a dozen screens, each photographed: more than one test's usual time.
      test.setTimeout(90_000)
      await page.emulateMedia({ colorScheme: scheme })
      const carnet = new Carnet(page)
      await carnet.open()
      if (language === 'fr') {
        await page.goto('/#/settings')
        await page.getByLabel('Language').selectOption('fr')
        await page.goto('/')
      }
      const shot = (name: string) =>
        page.screenshot({ path: join(info.project.outputDir, 'screens', `${name}-${language}-${scheme}.png`), fullPage: true })
      await shot('welcome')
      await expectNoHorizontalOverflow(page)
      await carnet.startWithSample(language === 'fr' ? 'Français' : 'English')
      for (const [name, hash] of SCREENS) {
        await page.goto(`/${hash}`)
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
        // Insights are computed in a worker: check them once they are shown.
        const section = /#\/insights\/(\w+)/.exec(hash)?.[1]
        if (section) await expect(page.getByTestId(`insights-${section}`)).toBeVisible()
        await expectNoHorizontalOverflow(page)
        await shot(name)
      }
      await page.goto('/#/home')
      await page.keyboard.press('Alt+n')
      await expect(page.getByRole('dialog')).toBeVisible()
      await page.keyboard.type('Sophie loved the new #rye loaf')
      await shot('capture')
      await page.keyboard.press('Escape')
      await expect(page.getByRole('dialog')).toBeHidden()
      await page.keyboard.press(`${carnet.mod}+k`)
      await expect(carnet.palette()).toBeVisible()
      await shot('palette')
      await page.keyboard.press('Escape')
      await page.goto('/#/notebooks')
      await page.getByTestId('notebook-item').getByRole('button', { name: /Delete|Supprimer/ }).click()
      await expect(page.getByRole('dialog')).toBeVisible()
      await shot('confirm-delete')
    })
  }
}
