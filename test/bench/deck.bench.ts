/**
 * Workshop mode: frame times while a presentation moves between two views of a 2,000-entity map
 * (camera along d3's zoom path, every entry sliding to its new place). Records the interval
 * between frames during each transition (target: one 60 Hz frame, 16.7 ms, at p95) and the time
 * each frame's drawing takes.
 */
import { expect, test } from '../e2e/fixtures'
import { Carnet } from '../e2e/web/carnet'
import { generateNotebook } from './generate-notebook'
import { record } from './measure'
import { notebookId, writeRecords } from '../helpers/notebook-seed'

const ENTITIES = Number(process.env.CARNET_DECK_BENCH_ENTITIES ?? 2_000)
const TIES = Number(process.env.CARNET_DECK_BENCH_TIES ?? 4_000)
const SCALE = `${String(ENTITIES)} entries / ${String(TIES)} ties`

interface Transition {
  frames: number[]
  paints: number[]
  /** A move to another slide (short ones follow live edits). */
  long: boolean
}

test('deck: transitions between map views at 2,000 entries', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 })
  const carnet = new Carnet(page)
  await carnet.open()
  await carnet.startEmpty()
  const id = await notebookId(page)
  const notebook = generateNotebook(20_261_123, {
    customers: ENTITIES,
    notes: 0,
    ties: TIES,
    transactions: 0,
  })
  const database = `carnet-notebook-${id}`
  await writeRecords(page, database, 'entities', notebook.entities)
  await writeRecords(page, database, 'ties', notebook.ties)

  // Two views of the same map: a wide one laid out as a disc, and a closer one as a ring.
  const wide: Record<string, { x: number; y: number; pinned: boolean }> = {}
  const ring: Record<string, { x: number; y: number; pinned: boolean }> = {}
  notebook.entities.forEach((entity, i) => {
    const r = 22 * Math.sqrt(i + 0.5)
    const a = i * 2.399963
    wide[entity.id] = { x: r * Math.cos(a), y: r * Math.sin(a), pinned: true }
    const b = (i / notebook.entities.length) * Math.PI * 2
    ring[entity.id] = { x: 700 * Math.cos(b), y: 700 * Math.sin(b), pinned: true }
  })
  const now = Date.now()
  const slide = (slideId: string, positions: typeof wide, camera: object) => ({
    id: slideId,
    kind: 'map',
    title: slideId,
    caption: '',
    speakerNotes: '',
    view: { filters: {}, positions, camera, highlights: [] },
  })
  await writeRecords(page, database, 'decks', [
    {
      id: 'bench-deck',
      name: 'Bench deck',
      createdAt: now,
      updatedAt: now,
      slides: [
        slide('wide', wide, { x: 0, y: 0, k: 0.45 }),
        slide('ring', ring, { x: -300, y: 120, k: 0.9 }),
      ],
    },
  ])
  await page.reload()
  await expect(carnet.counts()).toBeVisible()
  await carnet.showHash('#/present/bench-deck')
  await expect(page.getByTestId('present-position')).toHaveText('Slide 1 of 2')
  await expect(
    page.getByRole('img', { name: new RegExp(`${String(ENTITIES)} entries`) }),
  ).toBeVisible({ timeout: 30_000 })
  await page.waitForTimeout(500)
  await page.evaluate(() => {
    ;(window as { __carnetDeckTransitions?: unknown[] }).__carnetDeckTransitions = []
  })
  const idle = await page.evaluate(
    () =>
      new Promise<number[]>((resolve) => {
        const deltas: number[] = []
        let last = performance.now()
        const loop = (now: number) => {
          deltas.push(now - last)
          last = now
          if (deltas.length < 60) requestAnimationFrame(loop)
          else resolve(deltas.slice(1))
        }
        requestAnimationFrame(loop)
      }),
  )
  const rounds = 6
  for (let i = 0; i < rounds; i++) {
    await page.keyboard.press(i % 2 === 0 ? 'ArrowRight' : 'ArrowLeft')
    await expect
      .poll(() =>
        page.evaluate(
          () => (window as { __carnetDeckTransitions?: unknown[] }).__carnetDeckTransitions!.length,
        ),
      )
      .toBe(i + 1)
  }
  const transitions = (
    await page.evaluate(
      () => (window as { __carnetDeckTransitions?: Transition[] }).__carnetDeckTransitions ?? [],
    )
  ).filter((one) => one.long)
  expect(transitions).toHaveLength(rounds)
  record({
    measure: `deck (${SCALE}): frame interval during a transition`,
    unit: 'ms',
    samples: transitions.flatMap((one) => one.frames),
    target: 16.7,
    reference: { name: '60 Hz frame', value: 1000 / 60 },
  })
  record({
    measure: `deck (${SCALE}): frame interval with nothing moving (this machine's reference)`,
    unit: 'ms',
    samples: idle,
  })
  record({
    measure: `deck (${SCALE}): drawing time per transition frame`,
    unit: 'ms',
    samples: transitions.flatMap((one) => one.paints),
  })
})
