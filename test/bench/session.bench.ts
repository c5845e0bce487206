/**
 * A long working session on the sample notebook, scripted: every screen in turn, notes captured,
 * customers searched and opened, the map panned, insights and segments read. The page's live
 * JavaScript heap (after a forced garbage collection) is measured once the app is open and warm,
 * and again at the end: a leak shows as growth. The session lasts
 * `CARNET_BENCH_SESSION_MINUTES` (60 by default, the target's hour; 3 with
 * `CARNET_BENCH_SCALE=small`). `CARNET_BENCH_TRACE_HEAP=1` prints the heap after every round, to
 * see whether growth levels off.
 */
import type { Page } from '@playwright/test'
import { expect, test } from '../e2e/fixtures'
import { Carnet } from '../e2e/web/carnet'
import { MapPage } from '../e2e/web/map-page'
import { record } from './measure'
import { collectGarbage } from './page-timing'

const SMALL = process.env.CARNET_BENCH_SCALE === 'small'
const MINUTES = Number(process.env.CARNET_BENCH_SESSION_MINUTES ?? (SMALL ? 3 : 60))
const MB = 1024 * 1024

/** Live heap after a full collection, in bytes (Chromium's DevTools protocol). */
async function liveHeap(page: Page): Promise<number> {
  await collectGarbage(page)
  const cdp = await page.context().newCDPSession(page)
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  await cdp.detach()
  return usedSize
}

/** One round of ordinary work, touching every screen. */
async function round(page: Page, carnet: Carnet, map: MapPage, index: number): Promise<void> {
  await page.goto('/#/home')
  await expect(page.getByTestId('insights-dashboard')).toBeVisible()
  await carnet.openCapture()
  await page.keyboard.type(`Session note ${String(index)}: asked about the rye loaf #session`)
  await page.waitForTimeout(700)
  await carnet.closeCapture()
  await page.goto('/#/customers')
  await carnet.searchCustomers('son')
  await carnet.customerRows().first().getByRole('rowheader').click()
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await page.goto('/#/journal')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await page.keyboard.press(`${carnet.mod}+k`)
  await carnet.palette().getByRole('combobox').fill('gluten')
  await page.waitForTimeout(300)
  await page.keyboard.press('Escape')
  await map.open()
  const centre = await map.at(250, 200)
  await page.mouse.move(centre.x, centre.y)
  for (let step = 0; step < 10; step++) await page.mouse.wheel(0, step % 2 ? 120 : -120)
  for (const section of ['influence', 'themes', 'voices']) {
    await page.goto(`/#/insights/${section}`)
    await expect(page.getByTestId(`insights-${section}`)).toBeVisible()
  }
  await page.goto('/#/segments')
  await expect(page.getByTestId('segment-item').first()).toBeVisible()
}

test(`memory over a ${String(MINUTES)}-minute session`, async ({ page }) => {
  test.setTimeout((MINUTES + 10) * 60_000)
  const carnet = new Carnet(page)
  const map = new MapPage(page)
  await carnet.open()
  await carnet.startWithSample('English')
  // Warm: every screen once, so caches that are meant to stay are already there.
  await round(page, carnet, map, 0)
  const opened = await liveHeap(page)

  const ends = Date.now() + MINUTES * 60_000
  let rounds = 1
  while (Date.now() < ends) {
    await round(page, carnet, map, rounds++)
    if (process.env.CARNET_BENCH_TRACE_HEAP)
      console.log(rounds, ((await liveHeap(page)) / MB).toFixed(2))
  }
  const after = await liveHeap(page)

  record({
    measure: `page heap after opening (sample, every screen once)`,
    unit: 'MB',
    samples: [opened / MB],
  })
  record({
    measure: `page heap after a ${String(MINUTES)}-minute session (${String(rounds)} rounds)`,
    unit: 'MB',
    samples: [after / MB],
    target: Math.round((1.5 * opened) / MB),
    reference: { name: 'heap after opening', value: opened / MB },
  })
})
