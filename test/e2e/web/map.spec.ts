import type { Page } from '@playwright/test'
import { generateNotebook } from '../../bench/generate-notebook'
import { notebookDatabase, writeRecords } from '../../helpers/notebook-seed'
import { collectPageErrors, expect, test } from '../fixtures'
import { Carnet } from './carnet'
import { MapPage, visiblyDifferentPixels } from './map-page'

test('a map drawn by hand is saved, reopens identical, and exports as PNG, SVG and GraphML', async ({
  page,
}) => {
  const errors = collectPageErrors(page)
  const carnet = new Carnet(page)
  await carnet.open()
  await carnet.startEmpty()
  const map = new MapPage(page)
  await map.open()

  const zoe = { x: 200, y: 160 }
  const bakery = { x: 420, y: 260 }
  const market = { x: 240, y: 360 }
  await map.addEntity(zoe.x, zoe.y, 'Customer', 'Zoé Martin')
  await map.addEntity(bakery.x, bakery.y, 'Product', 'Sourdough <b>loaf</b>')
  await map.addEntity(market.x, market.y, 'Place', 'Saturday market')
  await map.tie(zoe, bakery, 'Uses')
  await map.tie(zoe, market, 'Frequents')
  await map.tie(bakery, market, 'Complements')
  await expect(map.options().filter({ hasText: 'Zoé Martin' })).toHaveText(/2 ties/)
  await expect(map.options().filter({ hasText: 'Saturday market' })).toHaveText(/2 ties/)

  // One undo: the last tie goes.
  await map.rest()
  await map.canvas().focus()
  await page.keyboard.press('Control+z')
  await expect(map.options().filter({ hasText: 'Saturday market' })).toHaveText(/1 tie$/)
  const entries = await map.optionTexts()
  expect(entries).toEqual([
    'Saturday market, Place, 1 tie',
    'Sourdough <b>loaf</b>, Product, 1 tie',
    'Zoé Martin, Customer, 2 ties',
  ])

  // Save it under a name.
  await page.getByRole('button', { name: 'Save as…' }).click()
  await carnet.answerPrompt('Zoé’s week')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zoé’s week')
  await expect(page).toHaveURL(/#\/map\/[^/]+$/)
  await map.rest()
  const before = await map.pixels()
  expect(await map.paintedPixels()).toBeGreaterThan(500)

  // Reload: the saved map opens exactly as it was.
  await page.reload()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zoé’s week')
  await map.settled()
  await map.rest()
  expect(await map.optionTexts()).toEqual(entries)
  // The same picture, up to the faint shading of edges (sub-pixel positions read back from the
  // saved view).
  await expect.poll(async () => visiblyDifferentPixels(before, await map.pixels())).toBeLessThan(40)

  // Exports.
  const png = await map.export(/Picture \(PNG\)/)
  expect(png.download.suggestedFilename()).toBe('Zoé’s week.png')
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

  const svg = await map.export(/Drawing \(SVG\)/)
  const svgText = svg.bytes.toString('utf8')
  const parsed = await page.evaluate((text) => {
    const document = new DOMParser().parseFromString(text, 'image/svg+xml')
    return {
      error: document.querySelector('parsererror')?.textContent ?? null,
      texts: [...document.querySelectorAll('text')].map((node) => node.textContent),
      elements: document.querySelectorAll('b').length,
    }
  }, svgText)
  expect(parsed.error).toBeNull()
  expect(parsed.texts).toEqual(
    expect.arrayContaining(['Zoé Martin', 'Sourdough <b>loaf</b>', 'Saturday market']),
  )
  expect(parsed.elements).toBe(0)

  const graphml = (await map.export(/GraphML/)).bytes.toString('utf8')
  expect(graphml.match(/<node /g)).toHaveLength(3)
  expect(graphml.match(/<edge /g)).toHaveLength(2)
  expect(graphml).toContain('<data key="label">Sourdough &lt;b&gt;loaf&lt;/b&gt;</data>')
  expect(graphml).toContain('<data key="e_type">frequents</data>')
  expect(errors).toEqual([])
})

/** The English sample's map, drawn and settled. */
async function openSampleMap(page: Page): Promise<MapPage> {
  const carnet = new Carnet(page)
  await carnet.open()
  await carnet.startWithSample('English')
  const map = new MapPage(page)
  await map.open()
  await expect.poll(() => map.options().count()).toBeGreaterThan(20)
  await map.settled()
  return map
}

test('the map of the English sample draws, with no page errors', async ({ page }) => {
  const errors = collectPageErrors(page)
  const map = await openSampleMap(page)
  expect(await map.paintedPixels()).toBeGreaterThan(5_000)
  // Keyboard: arrows move between entries, Enter opens the entry's page.
  await map.canvas().focus()
  await page.keyboard.press('ArrowRight')
  await expect(map.canvas()).toHaveAttribute('aria-activedescendant', /map-node-\d+/)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/#\/customers\/[^/]+$/)
  expect(errors).toEqual([])
})

test('every entry of the map is in the accessibility tree, named as the list says it', async ({
  page,
}) => {
  const map = await openSampleMap(page)
  const texts = await map.optionTexts()
  // What Chromium gives a screen reader: the options' contents are skipped by the style
  // (content-visibility), not the options themselves.
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Accessibility.enable')
  const { nodes } = await cdp.send('Accessibility.getFullAXTree')
  const named = nodes
    .filter((node) => !node.ignored && node.role?.value === 'option')
    .map((node) => String(node.name?.value ?? ''))
  for (const text of texts) expect(named).toContain(text)
})

test('a map of 2,000 entries is drawn off the page and stays drawn after a pan', async ({
  page,
}) => {
  test.setTimeout(90_000)
  const errors = collectPageErrors(page)
  const carnet = new Carnet(page)
  await carnet.open()
  await carnet.startEmpty()
  const notebook = generateNotebook(20_261_122, {
    customers: 2_000,
    notes: 0,
    ties: 3_000,
    transactions: 0,
  })
  const database = await notebookDatabase(page)
  await writeRecords(page, database, 'entities', notebook.entities)
  await writeRecords(page, database, 'ties', notebook.ties)
  await page.reload()
  await expect(carnet.counts()).toBeVisible()
  const map = new MapPage(page)
  // Opens the map and waits until the drawing worker has drawn it, then shown on the page.
  const openDrawnByWorker = async () => {
    await page.evaluate(() => {
      ;(window as { __carnetMapWorkerDrawMs?: number[] }).__carnetMapWorkerDrawMs = []
    })
    await map.open()
    await expect.poll(() => map.options().count(), { timeout: 30_000 }).toBe(2_000)
    await map.settled(60_000)
    await expect
      .poll(() =>
        page.evaluate(
          () => (window as { __carnetMapWorkerDrawMs?: number[] }).__carnetMapWorkerDrawMs!.length,
        ),
      )
      .toBeGreaterThan(0)
    await expect.poll(() => map.paintedPixels(), { timeout: 15_000 }).toBeGreaterThan(20_000)
  }
  await openDrawnByWorker()

  // A drag pans the picture; once it rests, the map is drawn again in full.
  const box = (await map.canvas().locator('canvas').boundingBox())!
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await page.mouse.down()
  await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2 + 60, { steps: 10 })
  await page.mouse.up()
  await expect.poll(() => map.paintedPixels(), { timeout: 15_000 }).toBeGreaterThan(20_000)

  // Left and opened again: the drawing worker kept from the first visit draws it again.
  await carnet.showHash('#/home')
  await expect(carnet.counts()).toBeVisible()
  await openDrawnByWorker()
  expect(errors).toEqual([])
})

test('an entry put in place by hand stays through a new layout until it is let go', async ({
  page,
}) => {
  const errors = collectPageErrors(page)
  const carnet = new Carnet(page)
  await carnet.open()
  await carnet.startEmpty()
  const map = new MapPage(page)
  await map.open()
  const zoe = { x: 120, y: 100 }
  await map.addEntity(zoe.x, zoe.y, 'Customer', 'Zoé Martin')
  await map.addEntity(420, 300, 'Product', 'Sourdough loaf')
  await map.settled()

  const relaidOut = async () => {
    await map.rest()
    const before = await map.pixels()
    await page.getByRole('button', { name: 'Lay out again' }).click()
    await map.settled()
    await map.rest()
    return visiblyDifferentPixels(before, await map.pixels())
  }
  // Both were placed by hand: a new layout leaves them where they are.
  expect(await relaidOut()).toBeLessThan(40)

  // Let Zoé go, from the panel: the next layout moves her.
  const point = await map.at(zoe.x, zoe.y)
  await page.mouse.click(point.x, point.y)
  const panel = page.getByTestId('map-selected')
  await expect(panel.getByRole('heading', { name: 'Zoé Martin' })).toBeVisible()
  await panel.getByRole('button', { name: 'Let it move freely' }).click()
  await expect(panel.getByRole('button', { name: 'Let it move freely' })).toHaveCount(0)
  expect(await relaidOut()).toBeGreaterThan(200)
  expect(errors).toEqual([])
})
