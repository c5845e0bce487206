/**
 * The deck editor and the presentation in both languages, light and dark, at 1920×1080 and
 * 1280×720, with no overlap or cut text. With CARNET_SCREENSHOTS=<dir>, saves each as a PNG.
 */
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { collectPageErrors, expect, test } from '../fixtures'
import { Carnet } from './carnet'
import { DeckPage } from './deck-page'
import { MapPage } from './map-page'

const SHOTS = process.env.CARNET_SCREENSHOTS
const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
] as const

/** Nothing in the presentation bar or the slide list spills out of its box. */
async function expectNoOverflow(page: Page, selector: string): Promise<void> {
  const spilled = await page
    .locator(selector)
    .evaluateAll((elements) =>
      elements
        .filter((element) => element.scrollWidth > element.clientWidth + 1)
        .map((element) => element.textContent),
    )
  expect(spilled).toEqual([])
}

for (const [language, sample] of [
  ['en', 'English'],
  ['fr', 'Français'],
] as const) {
  test(`deck editor and presentation look right (${language})`, async ({ page }) => {
    test.setTimeout(120_000)
    const errors = collectPageErrors(page)
    const carnet = new Carnet(page)
    const decks = new DeckPage(page)
    await carnet.open()
    if (language === 'fr') await carnet.runCommand('Français')
    await carnet.startWithSample(sample)
    const map = new MapPage(page)
    await map.open()
    await map.settled()
    await decks.addView()
    await carnet.goTo(/^(Segments)$/)
    await decks.addView(page.getByTestId('chart-value-map'))
    await decks.open(language === 'fr' ? 'Atelier' : 'Workshop')
    await page
      .getByRole('button', { name: /Add a text slide|Ajouter une diapositive de texte/ })
      .click()
    await page
      .getByLabel(/^(Title|Titre)$/)
      .fill(language === 'fr' ? 'Qui recommande qui ?' : 'Who recommends whom?')
    await page
      .getByLabel(/^Caption|^Légende/)
      .fill(
        language === 'fr'
          ? 'Trois clients amènent **la moitié** des nouveaux.'
          : 'Three customers bring in **half** of the new ones.',
      )
    await page.getByLabel(/^Speaker notes|^Notes de l’orateur/).focus()
    await decks.slides().first().click()
    await page
      .getByLabel(/^Caption|^Légende/)
      .fill(
        language === 'fr'
          ? 'Le quartier autour de la boutique'
          : 'The neighbourhood around the shop',
      )
    await decks.slides().first().focus()

    for (const theme of ['light', 'dark'] as const) {
      await carnet.runCommand(
        theme === 'dark'
          ? language === 'fr'
            ? 'thème sombre'
            : 'dark theme'
          : language === 'fr'
            ? 'thème clair'
            : 'light theme',
      )
      for (const size of SIZES) {
        await page.setViewportSize(size)
        await decks.slides().first().click()
        await expectNoOverflow(page, '.decks-toolbar button, .deck-slide-item')
        if (SHOTS)
          await page.screenshot({
            path: join(SHOTS, `deck-editor-${language}-${theme}-${String(size.width)}.png`),
          })
        await decks.present()
        await expect(decks.position()).toHaveText(/1/)
        await page.waitForTimeout(400)
        await expectNoOverflow(page, '.present-bar button')
        if (SHOTS)
          await page.screenshot({
            path: join(SHOTS, `present-${language}-${theme}-${String(size.width)}-map.png`),
          })
        await page.keyboard.press('End')
        await page.waitForTimeout(200)
        if (SHOTS)
          await page.screenshot({
            path: join(SHOTS, `present-${language}-${theme}-${String(size.width)}-text.png`),
          })
        await page.keyboard.press('Escape')
        await expect(decks.presentation()).toBeHidden()
      }
    }
    // The projector theme, once.
    await decks.present()
    await page.getByRole('button', { name: /High contrast|Contraste élevé/ }).click()
    await page.keyboard.press('ArrowRight')
    await page.waitForTimeout(300)
    if (SHOTS)
      await page.screenshot({ path: join(SHOTS, `present-${language}-contrast-chart.png`) })
    await page.keyboard.press('ArrowLeft')
    await page.waitForTimeout(1300)
    if (SHOTS) await page.screenshot({ path: join(SHOTS, `present-${language}-contrast-map.png`) })
    await page.keyboard.press('Escape')
    expect(errors).toEqual([])
  })
}
