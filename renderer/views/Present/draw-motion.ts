/**
 * The picture of a map while it moves between two slides. A transition lasts under a second and
 * the eye follows shapes, not names, so frames in motion draw less: ties as straight hairlines in
 * one stroke per family, entries as copies of a pre-drawn disc per kind, no names, no arrows. The
 * full drawing (`drawMap`) comes back on the last frame. On a big map this is what keeps every
 * frame within the display's budget: canvas work is mostly paid when the browser rasterises it,
 * and text with halos and wide strokes of long crossing lines are the expensive part.
 */
import type { ShownGraph } from '../../../src/graph/shown-graph'
import { screenRadius } from '../Map/draw-map'
import { FAMILY_COLOUR, KIND_STYLE } from '../Map/map-style'
import type { Theme } from '../Map/map-style'

const MAX_MOTION_TIES = 800
/** A tie's width in device pixels; just under one so rounding never makes it a wide stroke. */
const HAIRLINE = 0.99

/**
 * Pre-drawn discs, by colour and then by diameter in device pixels. A move through the zoom
 * levels asks for every diameter between its two ends, per kind: a few hundred discs.
 */
const sprites = new Map<string, Map<number, HTMLCanvasElement>>()
const MAX_SPRITES = 2_000
let spriteCount = 0
function sprite(colour: string, size: number): HTMLCanvasElement {
  let bySize = sprites.get(colour)
  if (!bySize) {
    bySize = new Map()
    sprites.set(colour, bySize)
  }
  let canvas = bySize.get(size)
  if (!canvas) {
    if (spriteCount >= MAX_SPRITES) {
      sprites.clear()
      spriteCount = 0
      bySize = new Map()
      sprites.set(colour, bySize)
    }
    canvas = document.createElement('canvas')
    canvas.width = size
    canvas.height = size
    const ctx = canvas.getContext('2d')
    if (ctx) {
      ctx.fillStyle = colour
      ctx.beginPath()
      ctx.arc(size / 2, size / 2, size / 2, 0, Math.PI * 2)
      ctx.fill()
    }
    bySize.set(size, canvas)
    spriteCount++
  }
  return canvas
}

/** Entry id → index, once per graph rather than once per frame. */
const indexes = new WeakMap<ShownGraph, Map<string, number>>()
function indexOf(graph: ShownGraph): Map<string, number> {
  let index = indexes.get(graph)
  if (!index) {
    index = new Map(graph.nodes.map((node, i) => [node.id, i]))
    indexes.set(graph, index)
  }
  return index
}

export function drawMotionFrame(
  ctx: CanvasRenderingContext2D,
  graph: ShownGraph,
  positions: Float32Array,
  state: {
    camera: { x: number; y: number; k: number }
    width: number
    height: number
    theme: Theme
    highlight: ReadonlySet<string> | null
  },
): void {
  const { camera, width, height, theme, highlight } = state
  const { k } = camera
  ctx.save()
  ctx.fillStyle = theme.background
  ctx.fillRect(0, 0, width, height)
  const index = indexOf(graph)
  const sx = (i: number) => positions[i * 2]! * k + camera.x
  const sy = (i: number) => positions[i * 2 + 1]! * k + camera.y

  // Device pixels per unit drawn: the canvas's own transform (screen ratio, type scale).
  const transform = ctx.getTransform()
  const ratio = transform.a

  const lines = new Map<string, Path2D>()
  // At most MAX_MOTION_TIES ties, evenly sampled: the web of ties still shows as it moves.
  const stride = Math.max(1, Math.ceil(graph.edges.length / MAX_MOTION_TIES))
  for (let e = 0; e < graph.edges.length; e += stride) {
    const edge = graph.edges[e]!
    const s = index.get(edge.source)
    const t = index.get(edge.target)
    if (s === undefined || t === undefined) continue
    const x1 = sx(s)
    const y1 = sy(s)
    const x2 = sx(t)
    const y2 = sy(t)
    if (
      Math.max(x1, x2) < 0 ||
      Math.min(x1, x2) > width ||
      Math.max(y1, y2) < 0 ||
      Math.min(y1, y2) > height
    )
      continue
    let path = lines.get(edge.family)
    if (!path) {
      path = new Path2D()
      lines.set(edge.family, path)
    }
    path.moveTo(x1, y1)
    path.lineTo(x2, y2)
  }
  // One device pixel wide, not wider: Skia draws a stroke at most a pixel wide as a hairline,
  // segment by segment, while a wider one is filled as one outline of hundreds of crossing
  // lines. With 800 long ties that outline took 50–170 ms to rasterise in software, whatever
  // the canvas's size, and was what held transition frames at 50 ms and more.
  ctx.lineWidth = HAIRLINE / ratio
  ctx.globalAlpha = highlight ? 0.3 : 0.7
  for (const [family, path] of lines) {
    ctx.strokeStyle = FAMILY_COLOUR[family as keyof typeof FAMILY_COLOUR]
    ctx.stroke(path)
  }

  // Entries as copies of one pre-drawn disc per kind and size: a copy costs far less than
  // rasterising an anti-aliased arc, thousands of times a frame. Each copy lands on whole device
  // pixels at the disc's own size, so the browser blends it straight in rather than resampling
  // it: resampled, 2,000 discs took about three times as long to rasterise.
  ctx.setTransform(1, 0, 0, 1, 0, 0)
  graph.nodes.forEach((node, i) => {
    const x = sx(i)
    const y = sy(i)
    if (x < -40 || y < -40 || x > width + 40 || y > height + 40) return
    const size = Math.max(2, Math.round(screenRadius(node.radius, k) * 2 * ratio))
    const dim = highlight !== null && !highlight.has(node.id)
    ctx.globalAlpha = dim ? 0.2 : 1
    ctx.drawImage(
      sprite(KIND_STYLE[node.entity.kind].colour, size),
      Math.round(x * ratio + transform.e - size / 2),
      Math.round(y * ratio + transform.f - size / 2),
    )
  })
  ctx.setTransform(transform)
  ctx.restore()
}
