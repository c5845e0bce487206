import { generateNotebook } from '../../bench/generate-notebook'
import { notebookDatabase, writeRecords } from '../../helpers/notebook-seed'
import { collectPageErrors, expect, test } from '../fixtures'
import { Carnet } from './carnet'
import { paintedPixels } from './map-page'

test('a map slide of 2,000 entries moves to the next view and is then drawn in full off the page', async ({
  page,
}) => {
  test.setTimeout(90_000)
  const errors = collectPageErrors(page)
  const carnet = new Carnet(page)
  await carnet.open()
  await carnet.startEmpty()
  const notebook = generateNotebook(20_261_124, {
    customers: 2_000,
    notes: 0,
    ties: 3_000,
    transactions: 0,
  })
  const database = await notebookDatabase(page)
  await writeRecords(page, database, 'entities', notebook.entities)
  await writeRecords(page, database, 'ties', notebook.ties)
  const ring: Record<string, { x: number; y: number; pinned: boolean }> = {}
  notebook.entities.forEach((entity, i) => {
    const angle = (i / notebook.entities.length) * Math.PI * 2
    ring[entity.id] = { x: 600 * Math.cos(angle), y: 600 * Math.sin(angle), pinned: true }
  })
  const now = Date.now()
  const slide = (slideId: string, camera: object) => ({
    id: slideId,
    kind: 'map',
    title: slideId,
    caption: '',
    speakerNotes: '',
    view: { filters: {}, positions: ring, camera, highlights: [] },
  })
  await writeRecords(page, database, 'decks', [
    {
      id: 'big-deck',
      name: 'Big deck',
      createdAt: now,
      updatedAt: now,
      slides: [slide('Wide', { x: 0, y: 0, k: 0.4 }), slide('Close', { x: -200, y: 100, k: 1.2 })],
    },
  ])
  await page.reload()
  await expect(carnet.counts()).toBeVisible()
  await carnet.showHash('#/present/big-deck')
  const map = page.getByRole('img', { name: /2000 entries/ })
  await expect(map).toBeVisible({ timeout: 30_000 })

  // Each full picture shown on the slide, with when (drawn by the worker, not the page).
  await page.evaluate(() => {
    ;(window as { __carnetDeckPictures?: unknown[] }).__carnetDeckPictures = []
    ;(window as { __carnetDeckTransitions?: unknown[] }).__carnetDeckTransitions = []
  })
  await page.keyboard.press('ArrowRight')
  await expect(page.getByTestId('present-position')).toHaveText('Slide 2 of 2')
  await expect(page.getByRole('heading', { name: 'Close' })).toBeVisible()
  await expect
    .poll(
      () =>
        page.evaluate(() => {
          const probe = window as {
            __carnetDeckTransitions?: { endedAt: number }[]
            __carnetDeckPictures?: { shownAt: number }[]
          }
          const ended = probe.__carnetDeckTransitions!.at(-1)?.endedAt
          return (
            ended !== undefined &&
            probe.__carnetDeckPictures!.some((picture) => picture.shownAt >= ended)
          )
        }),
      { timeout: 30_000 },
    )
    .toBe(true)
  const painted = await paintedPixels(map)
  expect(painted).toBeGreaterThan(20_000)

  // Back to the first view: the slide still follows the keys.
  await page.keyboard.press('ArrowLeft')
  await expect(page.getByTestId('present-position')).toHaveText('Slide 1 of 2')
  expect(errors).toEqual([])
})
