/**
 * The picture of a map while it moves between two slides. A transition lasts under a second and
 * the eye follows shapes, not names, so frames in motion draw less: ties as straight lines in one
 * stroke per family, entries as discs in one fill per kind, no names, no arrows. The full
 * drawing (`drawMap`) comes back on the last frame. On a big map this is what keeps every frame
 * within the display's budget: canvas work is mostly paid when the browser rasterises it, and
 * text with halos and thousands of separately styled paths are the expensive part.
 */
import type { ShownGraph } from '../../../src/graph/shown-graph'
import { screenRadius } from '../Map/draw-map'
import { FAMILY_COLOUR, KIND_STYLE } from '../Map/map-style'
import type { Theme } from '../Map/map-style'

const MAX_MOTION_TIES = 800

const sprites = new Map<string, HTMLCanvasElement>()
function sprite(colour: string, r: number, ratio: number): HTMLCanvasElement {
  const key = `${colour}|${String(r)}|${String(ratio)}`
  let canvas = sprites.get(key)
  if (!canvas) {
    canvas = document.createElement('canvas')
    const size = Math.max(2, Math.ceil(r * 2 * ratio))
    canvas.width = size
    canvas.height = size
    const ctx = canvas.getContext('2d')
    if (ctx) {
      ctx.fillStyle = colour
      ctx.beginPath()
      ctx.arc(size / 2, size / 2, size / 2, 0, Math.PI * 2)
      ctx.fill()
    }
    if (sprites.size > 500) sprites.clear()
    sprites.set(key, canvas)
  }
  return canvas
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
  const index = new Map<string, number>()
  graph.nodes.forEach((node, i) => index.set(node.id, i))
  const sx = (i: number) => positions[i * 2]! * k + camera.x
  const sy = (i: number) => positions[i * 2 + 1]! * k + camera.y

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
  ctx.lineWidth = 1.2
  ctx.globalAlpha = highlight ? 0.25 : 0.55
  for (const [family, path] of lines) {
    ctx.strokeStyle = FAMILY_COLOUR[family as keyof typeof FAMILY_COLOUR]
    ctx.stroke(path)
  }

  // Entries as copies of one pre-drawn disc per kind and size: a copy costs far less than
  // rasterising an anti-aliased arc, thousands of times a frame.
  const ratio = ctx.getTransform().a
  graph.nodes.forEach((node, i) => {
    const x = sx(i)
    const y = sy(i)
    if (x < -40 || y < -40 || x > width + 40 || y > height + 40) return
    const r = Math.max(1, Math.round(screenRadius(node.radius, k)))
    const dim = highlight !== null && !highlight.has(node.id)
    ctx.globalAlpha = dim ? 0.2 : 1
    ctx.drawImage(sprite(KIND_STYLE[node.entity.kind].colour, r, ratio), x - r, y - r, r * 2, r * 2)
  })
  ctx.restore()
}
