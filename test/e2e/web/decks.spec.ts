/**
 * Workshop mode: a three-slide deck built from the sample notebook (two map views and a chart),
 * presented and moved through with the keyboard, one live edit (saved and undoable), then
 * exported as one HTML file that a second page opens from disk, with the network blocked, and
 * moves through with the arrow keys.
 */
import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Page } from '@playwright/test'
import { collectPageErrors, expect, test } from '../fixtures'
import { Carnet } from './carnet'
import { DeckPage } from './deck-page'
import { MapPage } from './map-page'

/** Adds the map as a slide twice: the whole of it, then zoomed in two steps. */
async function addTwoMapViews(page: Page, decks: DeckPage): Promise<void> {
  const map = new MapPage(page)
  await map.open()
  await map.settled()
  await decks.addView()
  await page.getByRole('button', { name: 'Zoom in' }).click()
  await page.getByRole('button', { name: 'Zoom in' }).click()
  await decks.addView()
}

test('a deck is built, presented with the keyboard, edited live and exported as HTML', async ({
  page,
}) => {
  test.setTimeout(90_000)
  const errors = collectPageErrors(page)
  const carnet = new Carnet(page)
  const decks = new DeckPage(page)
  await carnet.open()
  await carnet.startWithSample()

  // Slides 1 and 2: the whole map, then the same map zoomed in.
  await addTwoMapViews(page, decks)
  // Slide 3: a segment chart.
  await carnet.goTo('Segments')
  await decks.addView(page.getByTestId('chart-pareto'))

  await decks.open('Workshop')
  await expect(decks.slides()).toHaveCount(3)
  await expect(decks.slides().nth(2)).toContainText('Chart')
  await page.getByLabel('Caption (markdown, shown to the room)').fill('Who **recommends** whom')
  await page.getByLabel('Speaker notes (only in the presenter view)').fill('Ask the room first')
  await page.getByLabel('Title').first().focus()

  // Reorder by keyboard and undo it.
  await decks.slides().nth(2).focus()
  await page.keyboard.press('Alt+ArrowUp')
  await expect(decks.slides().nth(1)).toContainText('Chart')
  await page.keyboard.press('Control+z')
  await expect(decks.slides().nth(2)).toContainText('Chart')

  // Present: move with the keyboard.
  await decks.slides().first().click()
  await decks.present()
  await expect(decks.position()).toHaveText('Slide 1 of 3')
  await expect(decks.presentation()).toContainText('Who recommends whom')
  await page.keyboard.press('ArrowRight')
  await expect(decks.position()).toHaveText('Slide 2 of 3')
  await page.keyboard.press('Space')
  await expect(decks.position()).toHaveText('Slide 3 of 3')
  await expect(decks.presentation().locator('.slide-chart img')).toBeVisible()
  await page.keyboard.press('PageUp')
  await expect(decks.position()).toHaveText('Slide 2 of 3')
  await page.keyboard.press('1')
  await page.keyboard.press('Enter')
  await expect(decks.position()).toHaveText('Slide 1 of 3')

  // One live edit: an entry added from the presentation is saved, shown, and undoable.
  const shown = await decks.entries().count()
  await decks.presentation().getByRole('button', { name: 'Add an entry' }).click()
  const dialog = page.getByRole('dialog', { name: /New entry/ })
  await dialog.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Person' })
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Guest from the room')
  await dialog.getByRole('button', { name: 'Add' }).click()
  await expect(dialog).toBeHidden()
  await expect(decks.entries()).toHaveCount(shown + 1)
  await expect(decks.entries().filter({ hasText: 'Guest from the room' })).toHaveCount(1)
  await page.keyboard.press('Control+z')
  await expect(decks.entries()).toHaveCount(shown)
  await page.keyboard.press('Control+Shift+z')
  await expect(decks.entries()).toHaveCount(shown + 1)

  // Leave.
  await page.keyboard.press('Escape')
  await expect(decks.presentation()).toBeHidden()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Workshop')

  // Export HTML and open it offline in a second page.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export HTML' }).click(),
  ])
  expect(download.suggestedFilename()).toBe('Workshop.html')
  const file = join(tmpdir(), `carnet-deck-${String(Date.now())}.html`)
  await download.saveAs(file)
  const offline = await page.context().newPage()
  const requests: string[] = []
  await offline.route('**/*', (route) => {
    const url = route.request().url()
    if (url.startsWith('file:')) return route.continue()
    requests.push(url)
    return route.abort()
  })
  const offlineErrors = collectPageErrors(offline)
  await offline.goto(pathToFileURL(file).href)
  await expect(offline.locator('#position')).toHaveText('Slide 1 of 3')
  await expect(offline.locator('.slide.current img')).toBeVisible()
  await expect(offline.locator('.slide.current')).toContainText('Who recommends whom')
  await expect(offline.locator('body')).not.toContainText('Ask the room first')
  await offline.keyboard.press('ArrowRight')
  await expect(offline.locator('#position')).toHaveText('Slide 2 of 3')
  await offline.keyboard.press('ArrowRight')
  await expect(offline.locator('#position')).toHaveText('Slide 3 of 3')
  await offline.keyboard.press('ArrowLeft')
  await expect(offline.locator('#position')).toHaveText('Slide 2 of 3')
  expect(requests).toEqual([])
  expect(offlineErrors).toEqual([])
  await writeFile(file, '')
  expect(errors).toEqual([])
})

test('with reduced motion, a map slide shows its view without travelling to it', async ({
  page,
}) => {
  test.setTimeout(60_000)
  const carnet = new Carnet(page)
  const decks = new DeckPage(page)
  await carnet.open()
  await carnet.startWithSample()
  await addTwoMapViews(page, decks)
  await decks.open('Workshop')
  await expect(decks.slides()).toHaveCount(2)

  /** Moves to the next slide and tells whether the map travelled there (frames were drawn). */
  const travels = async (from: string, to: string) => {
    await expect(decks.position()).toHaveText(from)
    await page.evaluate(() => {
      ;(window as { __carnetDeckTransitions?: unknown[] }).__carnetDeckTransitions = []
    })
    await page.keyboard.press('ArrowRight')
    await expect(decks.position()).toHaveText(to)
    // A travel lasts at most 1.2 s; wait past it.
    await page.waitForTimeout(1_500)
    return page.evaluate(
      () => (window as { __carnetDeckTransitions?: unknown[] }).__carnetDeckTransitions!.length > 0,
    )
  }

  await decks.slides().first().click()
  await decks.present()
  expect(await travels('Slide 1 of 2', 'Slide 2 of 2')).toBe(true)
  await page.keyboard.press('Escape')

  await page.emulateMedia({ reducedMotion: 'reduce' })
  await decks.slides().first().click()
  await decks.present()
  expect(await travels('Slide 1 of 2', 'Slide 2 of 2')).toBe(false)
})
