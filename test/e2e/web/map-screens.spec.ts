/**
 * Pictures of the map on the samples, light and dark, in English and French, for looking at by
 * eye (not compared). Runs only when CARNET_MAP_SCREENSHOTS names a folder to write them to.
 */
import { collectPageErrors, expect, test } from '../fixtures'
import { Carnet } from './carnet'
import { MapPage } from './map-page'

const folder = process.env.CARNET_MAP_SCREENSHOTS

for (const language of ['English', 'Français'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`map of the ${language} sample, ${theme}`, async ({ page }) => {
      test.skip(!folder, 'set CARNET_MAP_SCREENSHOTS to a folder to take these pictures')
      const errors = collectPageErrors(page)
      await page.setViewportSize({ width: 1600, height: 1000 })
      await page.emulateMedia({ colorScheme: theme })
      const carnet = new Carnet(page)
      await carnet.open()
      await carnet.startWithSample(language)
      if (language === 'Français') await carnet.runCommand('Passer en français')
      const map = new MapPage(page)
      await map.open()
      await expect.poll(() => map.options().count()).toBeGreaterThan(20)
      await map.settled()
      await page.mouse.move(1, 1)
      await page.screenshot({ path: `${folder!}/map-${language}-${theme}.png` })
      // Choosing an entry by keyboard highlights its neighbours and shows its ties and notes.
      await map.canvas().focus()
      await page.keyboard.press('ArrowRight')
      await page.keyboard.press('ArrowRight')
      await page.keyboard.press('Space')
      await expect(page.getByTestId('map-selected')).toBeVisible()
      await page.screenshot({ path: `${folder!}/map-${language}-${theme}-selected.png` })
      expect(errors).toEqual([])
    })
  }
}
