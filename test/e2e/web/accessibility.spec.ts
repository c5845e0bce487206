/**
 * axe-core on every screen and dialog (the deck editor and the presentation included), light and
 * dark, English and French: no serious or critical violation of WCAG 2.0/2.1 A and AA. A failure
 * prints each violation with the rule, its help page and the offending elements, so it can be
 * fixed without opening the report.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures'
import { Carnet } from './carnet'
import { DeckPage } from './deck-page'

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']
const FAILING_IMPACTS = new Set(['serious', 'critical'])

const SCREENS = [
  ['home', '#/home'],
  ['customers list', '#/customers'],
  ['journal', '#/journal'],
  ['follow-ups', '#/follow-ups'],
  ['trash', '#/trash'],
  ['notebooks', '#/notebooks'],
  ['settings', '#/settings'],
  ['map', '#/map'],
  ['segments and charts', '#/segments'],
  ['social power', '#/insights/influence'],
  ['prescribers', '#/insights/prescribers'],
  ['ambassadors and sceptics', '#/insights/voices'],
  ['communities', '#/insights/communities'],
  ['besides you', '#/insights/besides'],
  ['themes', '#/insights/themes'],
  ['attention', '#/insights/attention'],
  ['knowledge gaps', '#/insights/gaps'],
] as const

/** The serious and critical violations on the page as it is, one readable line per element. */
async function violations(page: Page, screen: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze()
  return results.violations
    .filter((violation) => FAILING_IMPACTS.has(violation.impact ?? ''))
    .flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `[${screen}] ${violation.impact ?? ''} ${violation.id}: ${violation.help} (${violation.helpUrl})\n` +
          `    ${node.target.join(' ')}\n    ${node.failureSummary?.replaceAll('\n', '\n    ') ?? ''}`,
      ),
    )
}

for (const language of ['en', 'fr'] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`no serious accessibility violation in ${language}, ${scheme}`, async ({ page }) => {
      test.setTimeout(180_000)
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' })
      const carnet = new Carnet(page)
      await carnet.open()
      if (language === 'fr') {
        await page.goto('/#/settings')
        await page.getByLabel('Language').selectOption('fr')
        await page.goto('/')
      }
      const found: string[] = []
      const check = async (screen: string) => found.push(...(await violations(page, screen)))

      await check('welcome')
      await carnet.startWithSample(language === 'fr' ? 'Français' : 'English')
      for (const [name, hash] of SCREENS) {
        await page.goto(`/${hash}`)
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
        // Insights are computed in a worker: check them once they are shown.
        const section = /#\/insights\/(\w+)/.exec(hash)?.[1]
        if (section) await expect(page.getByTestId(`insights-${section}`)).toBeVisible()
        await check(name)
      }

      // A customer page: the first of the list.
      await page.goto('/#/customers')
      await carnet.customerRows().first().getByRole('rowheader').click()
      await expect(page).toHaveURL(/#\/customers\/[\w-]+$/)
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      await check('customer page')

      // The dialogs: command palette (with results), quick capture (with mention suggestions),
      // and a confirmation.
      await page.goto('/#/home')
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      await page.keyboard.press(`${carnet.mod}+k`)
      await expect(carnet.palette()).toBeVisible()
      await carnet.palette().getByRole('combobox').fill('a')
      await check('command palette')
      await page.keyboard.press('Escape')
      await expect(carnet.palette()).toBeHidden()

      await carnet.openCapture()
      await page.keyboard.type('Talked with @a')
      await expect(carnet.mentionOptions().first()).toBeVisible()
      await check('capture')
      await page.keyboard.press('Escape')
      await page.keyboard.press('Control+a')
      await page.keyboard.press('Delete')
      await carnet.closeCapture()

      // The deck editor with a map slide, and the presentation of it.
      const decks = new DeckPage(page)
      await page.goto('/#/map')
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      await decks.addView()
      await decks.open(language === 'fr' ? 'Atelier' : 'Workshop')
      await expect(page).toHaveURL(/#\/decks\/[\w-]+$/)
      await expect(decks.slides()).toHaveCount(1)
      await check('deck editor')
      await decks.present()
      await expect(page).toHaveURL(/#\/present\/[\w-]+$/)
      await expect(decks.entries().first()).toBeAttached()
      await check('presentation')
      await page.keyboard.press('Escape')
      await expect(decks.presentation()).toBeHidden()

      await page.goto('/#/notebooks')
      await page
        .getByTestId('notebook-item')
        .getByRole('button', { name: /Delete|Supprimer/ })
        .click()
      await expect(page.getByRole('dialog')).toBeVisible()
      await check('confirm dialog')

      expect(found, `serious or critical violations:\n${found.join('\n')}`).toEqual([])
    })
  }
}
