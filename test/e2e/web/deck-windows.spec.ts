/**
 * Workshop mode's second windows in a browser, through the browser bridge: the presenter view
 * opens as a popup at `#/presenter/<id>`, and "Export PDF" opens the print view, which lays out
 * one page per slide and then opens the print dialog (stubbed here to count its calls). The
 * desktop does the same through its own windows: test/e2e/electron/workshop.spec.ts.
 */
import { collectPageErrors, expect, test } from '../fixtures'
import { Carnet } from './carnet'
import { DeckPage } from './deck-page'
import { MapPage } from './map-page'

test('the presenter view opens as a popup, and Export PDF prints the print view', async ({
  page,
}) => {
  test.setTimeout(60_000)
  await page.addInitScript(() => {
    const counted = window as { __carnetPrints?: number }
    counted.__carnetPrints = 0
    window.print = () => {
      counted.__carnetPrints = (counted.__carnetPrints ?? 0) + 1
    }
  })
  const errors = collectPageErrors(page)
  const carnet = new Carnet(page)
  const decks = new DeckPage(page)
  await carnet.open()
  await carnet.startWithSample()
  const map = new MapPage(page)
  await map.open()
  await map.settled()
  await decks.addView()
  await decks.open('Workshop')

  await decks.slides().first().click()
  await decks.present()
  const [popup] = await Promise.all([
    page.waitForEvent('popup'),
    page.getByRole('button', { name: 'Presenter view' }).click(),
  ])
  await expect(popup).toHaveURL(/#\/presenter\/[^/]+$/)
  await expect(popup.getByTestId('presenter')).toBeVisible()
  await popup.close()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Workshop')

  await page.getByRole('button', { name: 'Export PDF' }).click()
  await expect(page).toHaveURL(/#\/deck-print\/[^/]+$/)
  await expect(page.locator('.deck-print-page')).toHaveCount(1)
  await expect
    .poll(() => page.evaluate(() => (window as { __carnetPrints?: number }).__carnetPrints))
    .toBe(1)
  expect(errors).toEqual([])
})
