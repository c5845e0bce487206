/**
 * Workshop mode: frame times while a presentation moves between two views of a 2,000-entity map
 * (camera along d3's zoom path, every entry sliding to its new place). Records the interval
 * between frames during each transition (target: one 60 Hz frame, 16.7 ms, at p95) and the time
 * each frame's drawing takes, then how long after each move its full picture at rest comes (drawn
 * by the drawing worker; the next move waits for it). For this machine's floor, a plain page in
 * the same browser then draws a moving frame of the same kind on a canvas of the slide's size
 * (2,000 pre-drawn discs and 800 one-pixel lines, no app around it).
 */
import { expect, test } from '../e2e/fixtures'
import { Carnet } from '../e2e/web/carnet'
import { generateNotebook } from './generate-notebook'
import { percentile, record } from './measure'
import { collectGarbage, traced } from './page-timing'
import { notebookId, writeRecords } from '../helpers/notebook-seed'

const ENTITIES = Number(process.env.CARNET_DECK_BENCH_ENTITIES ?? 2_000)
const TIES = Number(process.env.CARNET_DECK_BENCH_TIES ?? 4_000)
const SCALE = `${String(ENTITIES)} entries / ${String(TIES)} ties`

interface Transition {
  frames: number[]
  paints: number[]
  /** A move to another slide (short ones follow live edits). */
  long: boolean
  /** performance.now() at the move's last frame. */
  endedAt: number
}

/** A big map's full picture at rest, drawn off the page and shown after the move. */
interface Picture {
  drawMs: number
  shownAt: number
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
  await collectGarbage(page)
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
    ;(window as { __carnetDeckPictures?: unknown[] }).__carnetDeckPictures = []
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
  // Long tasks over the moves, their last frames included: the full picture is drawn then, and
  // each next move waits for it, as a room would look at the view before moving on.
  await page.evaluate(() => {
    const durations: number[] = []
    ;(window as { __carnetDeckLongTasks?: number[] }).__carnetDeckLongTasks = durations
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) durations.push(entry.duration)
    }).observe({ type: 'longtask' })
  })
  const rounds = 6
  await traced(page, 'deck-moves', async () => {
    for (let i = 0; i < rounds; i++) {
      await page.keyboard.press(i % 2 === 0 ? 'ArrowRight' : 'ArrowLeft')
      await expect
        .poll(() =>
          page.evaluate(
            () =>
              (window as { __carnetDeckTransitions?: unknown[] }).__carnetDeckTransitions!.length,
          ),
        )
        .toBe(i + 1)
      await expect
        .poll(
          () =>
            page.evaluate(() => {
              const probe = window as {
                __carnetDeckTransitions?: Transition[]
                __carnetDeckPictures?: Picture[]
              }
              const ended = probe.__carnetDeckTransitions!.at(-1)!.endedAt
              return probe.__carnetDeckPictures!.some((picture) => picture.shownAt >= ended)
            }),
          { timeout: 30_000 },
        )
        .toBe(true)
    }
  })
  const transitions = (
    await page.evaluate(
      () => (window as { __carnetDeckTransitions?: Transition[] }).__carnetDeckTransitions ?? [],
    )
  ).filter((one) => one.long)
  expect(transitions).toHaveLength(rounds)
  const pictures = await page.evaluate(
    () => (window as { __carnetDeckPictures?: Picture[] }).__carnetDeckPictures ?? [],
  )
  // The first picture shown after each move.
  const shown = transitions.map((one) =>
    pictures.find((picture) => picture.shownAt >= one.endedAt)!,
  )
  await page.waitForTimeout(1_000)
  const longTasks = await page.evaluate(
    () => (window as { __carnetDeckLongTasks?: number[] }).__carnetDeckLongTasks ?? [],
  )
  record({
    measure: `deck (${SCALE}): longest page task over ${String(rounds)} transitions, last frames included`,
    unit: 'ms',
    samples: [Math.max(0, ...longTasks)],
  })

  const slideCanvas = await page
    .getByRole('img', { name: new RegExp(`${String(ENTITIES)} entries`) })
    .evaluate((canvas) => ({
      width: (canvas as HTMLCanvasElement).width,
      height: (canvas as HTMLCanvasElement).height,
    }))
  const plain = await page.context().newPage()
  await plain.setViewportSize(page.viewportSize()!)
  await plain.setContent('<!doctype html><html><body style="margin:0"></body></html>')
  await plain.bringToFront()
  const plainFrames = await plain.evaluate(
    ({ width, height, discs, lines }) =>
      new Promise<number[]>((resolve) => {
        const canvas = document.createElement('canvas')
        canvas.width = width
        canvas.height = height
        document.body.append(canvas)
        const ctx = canvas.getContext('2d')!
        const sprites = [12, 20, 28, 36, 44].map((size) => {
          const sprite = document.createElement('canvas')
          sprite.width = size
          sprite.height = size
          const drawing = sprite.getContext('2d')!
          drawing.fillStyle = '#d9622b'
          drawing.beginPath()
          drawing.arc(size / 2, size / 2, size / 2, 0, Math.PI * 2)
          drawing.fill()
          return sprite
        })
        const deltas: number[] = []
        let last = performance.now()
        const frame = (now: number) => {
          deltas.push(now - last)
          last = now
          const t = (deltas.length % 60) / 60
          const at = (i: number): [number, number] => {
            const r = (1 - t) * 9 * Math.sqrt(i + 0.5) + t * 0.4 * height
            const a = (1 - t) * i * 2.399963 + t * (i / discs) * Math.PI * 2
            return [width / 2 + r * Math.cos(a), height / 2 + r * Math.sin(a)]
          }
          ctx.fillStyle = '#fbfaf7'
          ctx.fillRect(0, 0, width, height)
          const path = new Path2D()
          for (let e = 0; e < lines; e++) {
            path.moveTo(...at((e * 7) % discs))
            path.lineTo(...at((e * 13 + 5) % discs))
          }
          ctx.globalAlpha = 0.7
          ctx.strokeStyle = '#8b93a1'
          ctx.lineWidth = 0.99
          ctx.stroke(path)
          ctx.globalAlpha = 1
          for (let i = 0; i < discs; i++) {
            const [x, y] = at(i)
            const sprite = sprites[i % sprites.length]!
            ctx.drawImage(
              sprite,
              Math.round(x - sprite.width / 2),
              Math.round(y - sprite.height / 2),
            )
          }
          if (deltas.length < 121) requestAnimationFrame(frame)
          else resolve(deltas.slice(1))
        }
        requestAnimationFrame(frame)
      }),
    { ...slideCanvas, discs: ENTITIES, lines: 800 },
  )
  await plain.close()
  record({
    measure: `deck (${SCALE}): frame interval during a transition`,
    unit: 'ms',
    samples: transitions.flatMap((one) => one.frames),
    target: 16.7,
    reference: { name: '60 Hz frame', value: 1000 / 60 },
    display: percentile(idle, 95),
  })
  record({
    measure: `deck (${SCALE}): frame interval, plain canvas page drawing the same kind of frame (this machine's floor)`,
    unit: 'ms',
    samples: plainFrames,
  })
  record({
    measure: `deck (${SCALE}): frame interval with nothing moving (this machine's reference)`,
    unit: 'ms',
    samples: idle,
  })
  record({
    measure: `deck (${SCALE}): full picture at rest shown, after the move's last frame`,
    unit: 'ms',
    samples: shown.map((picture, i) => picture.shownAt - transitions[i]!.endedAt),
  })
  record({
    measure: `deck (${SCALE}): full picture at rest, drawing time in the worker`,
    unit: 'ms',
    samples: shown.map((picture) => picture.drawMs),
  })
  record({
    measure: `deck (${SCALE}): drawing time per transition frame`,
    unit: 'ms',
    samples: transitions.flatMap((one) => one.paints),
  })
})
