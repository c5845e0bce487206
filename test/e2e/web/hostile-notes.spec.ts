/**
 * The hostile-notes corpus (test/fixtures/hostile/notes.json) in a real Chromium, under the real
 * CSP: written straight into the notebook's IndexedDB, as an imported or synced notebook could
 * hold them, then shown by the journal. Nothing may run, nothing may be fetched from outside,
 * and the app must stay usable.
 */
import { hostileNotes } from '../../helpers/hostile-notes'
import { notebookDatabase, writeRecords } from '../../helpers/notebook-seed'
import { expect, test } from '../fixtures'
import type { Page } from '@playwright/test'
import { Carnet } from './carnet'
import { guardPage, unsafeMarkup } from './hostile-guards'

/** What a rendered note should never contain: handlers, styles, bad links, active elements. */
function unsafeNoteMarkup(page: Page): Promise<string[]> {
  return unsafeMarkup(page, '.markdown-body > *', {
    elements: /^(script|img|iframe|svg|math|style|form|object|embed)$/,
    styles: true,
    links: /^(#$|https?:|mailto:|tel:)/,
  })
}

test('hostile notes run nothing, load nothing and leave the journal usable', async ({
  page,
  baseURL,
}) => {
  // Laying out the 1 MB note (its first 200 KB) takes a few seconds on a 2-core CI runner.
  test.setTimeout(45_000)
  // Before any page script: every payload in the corpus calls the trap.
  const guards = await guardPage(page, baseURL!)

  const carnet = new Carnet(page)
  await carnet.open()
  await carnet.startEmpty()

  const notes = hostileNotes()
  const now = Date.now()
  // Every field of noteSchema (src/model/records.ts), newest first in the corpus's order.
  const written = await writeRecords(
    page,
    await notebookDatabase(page),
    'notes',
    notes.map((note, index) => ({
      id: `hostile-${String(index).padStart(3, '0')}`,
      text: note.text,
      kind: 'observation',
      touchpoint: 'shop',
      at: now - index * 60_000,
      about: [],
      tags: [],
      facets: [],
      source: 'observed',
      sentiment: 0,
      createdAt: now,
      updatedAt: now,
    })),
  )
  expect(written).toBe(notes.length)

  await page.reload()
  // Home shows the newest notes, folded.
  await expect(page.locator('.note-card')).toHaveCount(5)
  expect(await unsafeNoteMarkup(page)).toEqual([])

  // The journal is virtualised: scroll it end to end, checking what each screen renders, so
  // every note is laid out, painted and given its chance to fire (the 1 MB one renders its
  // first 200 KB whole and says so).
  await carnet.goTo(/Journal/)
  const cards = page.getByTestId('journal-note')
  await expect(cards.first()).toBeVisible()
  const seen = new Set<string>()
  const unsafe: string[] = []
  let sawTruncation = false
  for (let step = 0; step < 200 && seen.size < notes.length; step += 1) {
    const indexes = await page
      .locator('[data-index]')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-index') ?? ''))
    for (const index of indexes) seen.add(index)
    unsafe.push(...(await unsafeNoteMarkup(page)))
    sawTruncation ||= (await page.locator('.markdown-truncated').count()) > 0
    // Bring the last rendered card to the top, so the next ones render: a wheel step would
    // take ages through the 1 MB note's card.
    await page.evaluate(() => {
      const last = [...document.querySelectorAll('[data-index]')].at(-1)
      if (last) window.scrollBy(0, Math.max(last.getBoundingClientRect().top, 200))
    })
    await page.waitForTimeout(50)
  }
  expect(seen.size).toBe(notes.length)
  expect(unsafe).toEqual([])
  expect(sawTruncation).toBe(true)
  await page.evaluate(() => window.scrollTo(0, 0))

  // The app still navigates.
  await carnet.goTo(/Home|Accueil/)
  await carnet.goTo(/Journal/)
  await expect(cards.first()).toBeVisible()

  await guards.expectNothingHappened()
})
