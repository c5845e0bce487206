/**
 * The hostile-notes corpus (test/fixtures/hostile/notes.json) in a real Chromium, under the real
 * CSP: written straight into the notebook's IndexedDB, as an imported or synced notebook could
 * hold them, then shown by the journal. Nothing may run, nothing may be fetched from outside,
 * and the app must stay usable.
 */
import { hostileNotes, TRAP } from '../../helpers/hostile-notes'
import { notebookDatabase, writeRecords } from '../../helpers/notebook-seed'
import { collectPageErrors, expect, test } from '../fixtures'
import type { Page } from '@playwright/test'
import { Carnet } from './carnet'

/** What a rendered note should never contain: handlers, styles, bad links, active elements. */
async function unsafeMarkup(page: Page): Promise<string[]> {
  return page.locator('.markdown-body').evaluateAll((bodies) =>
    bodies.flatMap((body) =>
      [...body.querySelectorAll('*')].flatMap((element) => {
        const found = [...element.attributes]
          .filter((attribute) => /^on/i.test(attribute.name) || attribute.name === 'style')
          .map((attribute) => `${attribute.name} on <${element.localName}>`)
        const href = element.getAttribute('href')
        if (href !== null && href !== '#' && !/^(https?|mailto|tel):/i.test(href)) {
          found.push(`href ${href}`)
        }
        if (/^(script|img|iframe|svg|math|style|form|object|embed)$/.test(element.localName)) {
          found.push(`<${element.localName}>`)
        }
        return found
      }),
    ),
  )
}

declare global {
  interface Window {
    __pwned?: () => void
    __pwnedCalls?: number
  }
}

test('hostile notes run nothing, load nothing and leave the journal usable', async ({
  page,
  baseURL,
}) => {
  // Laying out the 1 MB note (its first 200 KB) takes a few seconds on a 2-core CI runner.
  test.setTimeout(45_000)
  const errors = collectPageErrors(page)
  const origin = new URL(baseURL!).origin
  const outside: string[] = []
  page.on('request', (request) => {
    const url = request.url()
    if (new URL(url).origin !== origin) outside.push(url)
  })
  // Before any page script: every payload in the corpus calls this.
  await page.addInitScript((trap) => {
    window.__pwnedCalls = 0
    Object.defineProperty(window, trap, {
      value: () => {
        window.__pwnedCalls = (window.__pwnedCalls ?? 0) + 1
      },
    })
  }, TRAP)

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
  expect(await unsafeMarkup(page)).toEqual([])

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
    unsafe.push(...(await unsafeMarkup(page)))
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

  expect(await page.evaluate(() => window.__pwnedCalls)).toBe(0)
  expect(outside).toEqual([])
  expect(errors).toEqual([])
})
