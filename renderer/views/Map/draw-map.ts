/**
 * Draws a map on a canvas: ties (curved apart when a pair has several, arrows on directed types,
 * dashed when the sentiment is negative), entries shaped and coloured by kind, and names placed
 * so they never pile up. Names are drawn with fillText: text, never HTML.
 */
import { polygonHull } from 'd3-polygon'
import { placeLabels } from '../../../src/graph/labels'
import type { LabelRequest } from '../../../src/graph/labels'
import type { GraphEdge, GraphNode } from '../../../src/graph/shown-graph'
import type { Entity, Tie } from '../../../src/model/records'
import { FAMILY_COLOUR, KIND_STYLE, curveControl, labelFont, shapePoints } from './map-style'
import type { Theme } from './map-style'

/** The page's canvas or a worker's offscreen one: the map draws the same on both. */
export type MapContext = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D

/**
 * Only what a drawing reads of the shown graph, so a slim copy can be sent to the drawing worker
 * (a ShownGraph is one as it is).
 */
export interface DrawNode extends Pick<GraphNode, 'id' | 'radius' | 'degree'> {
  entity: Pick<Entity, 'kind' | 'name'>
}
export interface DrawEdge extends Pick<
  GraphEdge,
  'source' | 'target' | 'family' | 'bend' | 'directed'
> {
  tie: Pick<Tie, 'strength' | 'sentiment'>
}
export interface DrawGraph {
  nodes: readonly DrawNode[]
  edges: readonly DrawEdge[]
}

export interface Camera {
  x: number
  y: number
  k: number
}

export interface DrawState {
  camera: Camera
  /** CSS pixels. */
  width: number
  height: number
  theme: Theme
  hovered: string | null
  selected: string | null
  focused: string | null
  /** Ids to keep bright (hover or selection and their neighbours); others are dimmed. */
  highlight: ReadonlySet<string> | null
  /** A tie being drawn by dragging: from a node to the pointer (screen pixels). */
  pendingTie: { from: string; x: number; y: number } | null
  /** A node whose name is being edited in place: its label is not drawn. */
  editing: string | null
  /** Groups drawn as coloured hulls under the entries (communities), with their names. */
  groups?: readonly MapGroup[]
  /**
   * False leaves out the selection and focus rings and the pending tie: the page draws them over
   * a picture made elsewhere (`drawOverlay`), so they follow the pointer and the keyboard at once.
   */
  overlay?: boolean
}

/** What `drawOverlay` needs: the marks that answer the pointer and the keyboard at once. */
export type OverlayState = Pick<
  DrawState,
  'camera' | 'theme' | 'selected' | 'focused' | 'pendingTie'
>

export interface MapGroup {
  id: string
  name: string
  colour: string
  memberIds: readonly string[]
}

/** How big a node is on screen at a zoom: it grows more slowly than the map. */
export function screenRadius(radius: number, k: number): number {
  return radius * Math.min(1.8, Math.max(0.3, Math.sqrt(k)))
}

/**
 * How much thinner ties (and the outlines of entries) are drawn on a zoomed-out map: like the
 * entries, they shrink with the map, more slowly. Zoomed out, thousands of ties at full width only
 * hide the entries, and a line of a pixel or less is drawn as a hairline, several times faster
 * than a wider stroke.
 */
export function tieWidthScale(k: number): number {
  return Math.min(1, Math.max(0.3, Math.sqrt(k)))
}

export const CURVE_SPACING = 26
/** Ties of one look stroked together (see where ties are drawn). */
const TIES_PER_PATH = 32
const LABEL_SIZE = 12
const MAX_LABELS = 700

const widthCache = new Map<string, number>()
function textWidth(ctx: MapContext, text: string, font: string): number {
  const key = `${font}\u0000${text}`
  let width = widthCache.get(key)
  if (width === undefined) {
    ctx.font = font
    width = ctx.measureText(text).width
    if (widthCache.size > 20_000) widthCache.clear()
    widthCache.set(key, width)
  }
  return width
}

/** Shortens a long name for the map (the whole name is in the side panel and the list). */
export function shortName(name: string): string {
  const line = name.replace(/\s+/g, ' ').trim()
  return line.length > 32 ? `${line.slice(0, 31)}…` : line
}

function nodeIndex(graph: DrawGraph): Map<string, number> {
  const index = new Map<string, number>()
  graph.nodes.forEach((node, i) => index.set(node.id, i))
  return index
}

/** A tie being drawn by dragging, as a dashed line from its entry to the pointer. */
function drawPendingTie(
  ctx: MapContext,
  index: ReadonlyMap<string, number>,
  positions: Float32Array,
  state: OverlayState,
): void {
  if (!state.pendingTie) return
  const from = index.get(state.pendingTie.from)
  if (from === undefined) return
  const { camera } = state
  ctx.strokeStyle = state.theme.focus
  ctx.lineWidth = 2
  ctx.setLineDash([6, 4])
  ctx.beginPath()
  ctx.moveTo(
    positions[from * 2]! * camera.k + camera.x,
    positions[from * 2 + 1]! * camera.k + camera.y,
  )
  ctx.lineTo(state.pendingTie.x, state.pendingTie.y)
  ctx.stroke()
  ctx.setLineDash([])
}

/** Selection and keyboard focus rings. */
function drawRings(
  ctx: MapContext,
  graph: DrawGraph,
  index: ReadonlyMap<string, number>,
  positions: Float32Array,
  state: OverlayState,
): void {
  const { camera, theme } = state
  for (const [id, colour, gap] of [
    [state.selected, theme.text, 4],
    [state.focused, theme.focus, 7],
  ] as const) {
    const i = id ? index.get(id) : undefined
    if (i === undefined) continue
    ctx.strokeStyle = colour
    ctx.lineWidth = 2
    ctx.beginPath()
    ctx.arc(
      positions[i * 2]! * camera.k + camera.x,
      positions[i * 2 + 1]! * camera.k + camera.y,
      screenRadius(graph.nodes[i]!.radius, camera.k) + gap,
      0,
      Math.PI * 2,
    )
    ctx.stroke()
  }
}

/**
 * The pending tie and the rings, drawn over a picture of the map made without them
 * (`overlay: false`), at the positions and camera of now.
 */
export function drawOverlay(
  ctx: MapContext,
  graph: DrawGraph,
  positions: Float32Array,
  state: OverlayState,
): void {
  if (!state.pendingTie && !state.selected && !state.focused) return
  const index = nodeIndex(graph)
  ctx.save()
  ctx.lineCap = 'round'
  drawPendingTie(ctx, index, positions, state)
  drawRings(ctx, graph, index, positions, state)
  ctx.restore()
}

export function drawMap(
  ctx: MapContext,
  graph: DrawGraph,
  positions: Float32Array,
  state: DrawState,
): void {
  const { camera, width, height, theme, highlight } = state
  const { k } = camera
  const sx = (i: number) => positions[i * 2]! * k + camera.x
  const sy = (i: number) => positions[i * 2 + 1]! * k + camera.y
  const index = nodeIndex(graph)
  const overlay = state.overlay ?? true

  ctx.save()
  ctx.fillStyle = theme.background
  ctx.fillRect(0, 0, width, height)
  ctx.lineCap = 'round'
  const margin = 60
  const onScreen = (x: number, y: number) =>
    x > -margin && y > -margin && x < width + margin && y < height + margin

  const groupNames = drawGroups(ctx, state.groups ?? [], index, sx, sy)

  // Ties, batched by look.
  const strokes = new Map<
    string,
    {
      paths: Path2D[]
      /** Ties in the last path. */
      count: number
      colour: string
      width: number
      dim: boolean
      dashed: boolean
    }
  >()
  const arrows = new Map<string, { path: Path2D; colour: string; dim: boolean }>()
  for (const edge of graph.edges) {
    const s = index.get(edge.source)
    const t = index.get(edge.target)
    if (s === undefined || t === undefined) continue
    const x1 = sx(s)
    const y1 = sy(s)
    const x2 = sx(t)
    const y2 = sy(t)
    if (!onScreen(x1, y1) && !onScreen(x2, y2)) {
      // Both ends off screen: draw only if the segment may cross the screen.
      if (
        Math.max(x1, x2) < 0 ||
        Math.min(x1, x2) > width ||
        Math.max(y1, y2) < 0 ||
        Math.min(y1, y2) > height
      )
        continue
    }
    const dim = highlight !== null && !(highlight.has(edge.source) && highlight.has(edge.target))
    const dashed = edge.tie.sentiment < 0
    const lineWidth = 0.6 + edge.tie.strength * 0.35
    const key = `${edge.family}|${String(edge.tie.strength)}|${String(dim)}|${String(dashed)}`
    let stroke = strokes.get(key)
    if (!stroke) {
      stroke = {
        paths: [new Path2D()],
        count: 0,
        colour: FAMILY_COLOUR[edge.family],
        width: lineWidth * tieWidthScale(k),
        dim,
        dashed,
      }
      strokes.set(key, stroke)
    }
    const forward = edge.source < edge.target
    const { cx, cy } = curveControl(
      x1,
      y1,
      x2,
      y2,
      edge.bend,
      forward,
      CURVE_SPACING * Math.min(1.5, Math.sqrt(k)),
    )
    // A wide stroke of one long path is filled as a whole by the rasteriser, and slows down far
    // more than its length when thousands of ties cross the picture (zoomed in on a dense map):
    // a few dozen ties per path draw several times faster.
    if (stroke.count === TIES_PER_PATH) {
      stroke.paths.push(new Path2D())
      stroke.count = 0
    }
    stroke.count += 1
    const path = stroke.paths[stroke.paths.length - 1]!
    path.moveTo(x1, y1)
    if (edge.bend === 0) path.lineTo(x2, y2)
    else path.quadraticCurveTo(cx, cy, x2, y2)
    if (edge.directed) {
      const r = screenRadius(graph.nodes[t]!.radius, k)
      const dx = x2 - (edge.bend === 0 ? x1 : cx)
      const dy = y2 - (edge.bend === 0 ? y1 : cy)
      const length = Math.hypot(dx, dy)
      if (length > r + 4) {
        const ux = dx / length
        const uy = dy / length
        const tipX = x2 - ux * (r + 2)
        const tipY = y2 - uy * (r + 2)
        const size = 5 + lineWidth * 1.6
        const arrowKey = `${edge.family}|${String(dim)}`
        let arrow = arrows.get(arrowKey)
        if (!arrow) {
          arrow = { path: new Path2D(), colour: FAMILY_COLOUR[edge.family], dim }
          arrows.set(arrowKey, arrow)
        }
        arrow.path.moveTo(tipX, tipY)
        arrow.path.lineTo(tipX - ux * size - uy * size * 0.5, tipY - uy * size + ux * size * 0.5)
        // Left open: filling closes it. Chromium's closePath on a Path2D takes longer the longer
        // the path (8,000 arrows: 170 ms against 2 ms without).
        arrow.path.lineTo(tipX - ux * size + uy * size * 0.5, tipY - uy * size - ux * size * 0.5)
      }
    }
  }
  for (const stroke of strokes.values()) {
    ctx.globalAlpha = stroke.dim ? 0.1 : 0.7
    ctx.strokeStyle = stroke.colour
    ctx.lineWidth = stroke.width
    ctx.setLineDash(stroke.dashed ? [5, 4] : [])
    for (const path of stroke.paths) ctx.stroke(path)
  }
  ctx.setLineDash([])
  for (const arrow of arrows.values()) {
    ctx.globalAlpha = arrow.dim ? 0.1 : 0.85
    ctx.fillStyle = arrow.colour
    ctx.fill(arrow.path)
  }
  ctx.globalAlpha = 1

  if (overlay) drawPendingTie(ctx, index, positions, state)

  // Entries, batched by kind and brightness.
  const fills = new Map<string, { path: Path2D; ring: boolean; colour: string; dim: boolean }>()
  const labels: LabelRequest[] = []
  graph.nodes.forEach((node, i) => {
    const x = sx(i)
    const y = sy(i)
    if (!onScreen(x, y)) return
    const r = screenRadius(node.radius, k)
    const dim = highlight !== null && !highlight.has(node.id)
    const style = KIND_STYLE[node.entity.kind]
    const key = `${node.entity.kind}|${String(dim)}`
    let fill = fills.get(key)
    if (!fill) {
      fill = { path: new Path2D(), ring: style.shape === 'ring', colour: style.colour, dim }
      fills.set(key, fill)
    }
    const points = shapePoints(style.shape, x, y, r)
    if (points) {
      fill.path.moveTo(points[0]![0], points[0]![1])
      for (const [px, py] of points.slice(1)) fill.path.lineTo(px, py)
      // Back to the first corner rather than closePath, which is slow on a long Path2D (see the
      // arrows); the outline's round caps meet there as a join would.
      fill.path.lineTo(points[0]![0], points[0]![1])
    } else {
      fill.path.moveTo(x + r, y)
      fill.path.arc(x, y, r, 0, Math.PI * 2)
    }
    if (node.id === state.editing) return
    const important =
      node.id === state.selected || node.id === state.hovered || node.id === state.focused
    const priority = important
      ? 1e9
      : (highlight?.has(node.id) ? 1e6 : 0) + node.radius * 10 + node.degree
    if (!important && !highlight?.has(node.id) && k < 0.35 && node.radius < 14) return
    labels.push({ id: node.id, x, y, radius: r, width: 0, height: LABEL_SIZE + 4, priority })
  })
  for (const fill of fills.values()) {
    ctx.globalAlpha = fill.dim ? 0.18 : 1
    if (fill.ring) {
      ctx.fillStyle = theme.background
      ctx.fill(fill.path)
      ctx.strokeStyle = fill.colour
      ctx.lineWidth = 3
      ctx.stroke(fill.path)
    } else {
      ctx.fillStyle = fill.colour
      ctx.fill(fill.path)
      ctx.strokeStyle = theme.background
      // Zoomed out, the outline that parts touching entries is a hairline (drawn far faster).
      ctx.lineWidth = Math.max(1, 1.5 * tieWidthScale(k))
      ctx.stroke(fill.path)
    }
  }
  ctx.globalAlpha = 1

  if (overlay) drawRings(ctx, graph, index, positions, state)

  // Names: the most important first, each where it overlaps nothing. Group names come right
  // after the entry in hand, so they are placed before the crowd of entry names.
  const names = new Map<string, { text: string; bold: boolean; colour?: string }>()
  for (const group of groupNames) {
    const id = `group\u0000${group.id}`
    names.set(id, { text: group.text, bold: true, colour: group.colour })
    labels.push({
      id,
      x: group.x,
      y: group.y,
      radius: 0,
      width: 0,
      height: LABEL_SIZE + 4,
      priority: 5e8,
    })
  }
  labels.sort((a, b) => b.priority - a.priority)
  const candidates = labels.slice(0, MAX_LABELS)
  for (const label of candidates) {
    const i = index.get(label.id)
    if (i !== undefined) {
      const node = graph.nodes[i]!
      const bold = label.priority >= 1e9 || node.entity.kind === 'customer'
      names.set(label.id, { text: shortName(node.entity.name), bold })
    }
    const name = names.get(label.id)!
    label.width = textWidth(ctx, name.text, labelFont(LABEL_SIZE, name.bold)) + 4
  }
  const placed = placeLabels(candidates, { width, height })
  ctx.textBaseline = 'middle'
  ctx.lineJoin = 'round'
  for (const label of placed) {
    const name = names.get(label.id)!
    const dim = highlight !== null && !highlight.has(label.id)
    ctx.globalAlpha = dim ? 0.35 : 1
    ctx.font = labelFont(LABEL_SIZE, name.bold)
    ctx.lineWidth = 3.5
    ctx.strokeStyle = theme.halo
    ctx.strokeText(name.text, label.x + 2, label.y + label.height / 2)
    ctx.fillStyle = name.colour ?? theme.text
    ctx.fillText(name.text, label.x + 2, label.y + label.height / 2)
  }
  ctx.restore()
}

/** Padding around a group's members, in screen pixels. */
const HULL_PADDING = 22

/**
 * Each group as a rounded hull around its members: the convex hull stroked with a wide round pen
 * pads it evenly; one or two members make a disc or a capsule. Returns where each group's name
 * belongs (just above its hull), for the label placement to draw with the entries' names.
 */
function drawGroups(
  ctx: MapContext,
  groups: readonly MapGroup[],
  index: ReadonlyMap<string, number>,
  sx: (i: number) => number,
  sy: (i: number) => number,
): { id: string; text: string; x: number; y: number; colour: string }[] {
  const names: { id: string; text: string; x: number; y: number; colour: string }[] = []
  if (groups.length === 0) return names
  ctx.save()
  ctx.lineJoin = 'round'
  ctx.lineCap = 'round'
  for (const group of groups) {
    const points: [number, number][] = []
    for (const id of group.memberIds) {
      const i = index.get(id)
      if (i !== undefined) points.push([sx(i), sy(i)])
    }
    if (points.length === 0) continue
    const outline = points.length >= 3 ? (polygonHull(points) ?? points) : points
    const path = new Path2D()
    path.moveTo(outline[0]![0], outline[0]![1])
    for (const [x, y] of outline.slice(1)) path.lineTo(x, y)
    path.closePath()
    ctx.globalAlpha = 0.13
    ctx.fillStyle = group.colour
    ctx.strokeStyle = group.colour
    ctx.lineWidth = HULL_PADDING * 2
    ctx.fill(path)
    ctx.stroke(path)
    let top = outline[0]!
    for (const point of outline) if (point[1] < top[1]) top = point
    names.push({
      id: group.id,
      text: shortName(group.name),
      x: top[0],
      y: top[1] - HULL_PADDING,
      colour: group.colour,
    })
  }
  ctx.restore()
  return names
}
