/**
 * Pictures of the current map: an SVG drawn with d3-selection (names set with `.text()`, never as
 * HTML), with a legend, and a PNG made by drawing that SVG on a canvas.
 */
import { create } from 'd3-selection'
import { placeLabels } from '../../../src/graph/labels'
import type { LabelRequest } from '../../../src/graph/labels'
import type { ShownGraph } from '../../../src/graph/shown-graph'
import { ENTITY_KINDS, TIE_FAMILIES } from '../../../src/model/vocabulary'
import type { EntityKind, TieFamily } from '../../../src/model/vocabulary'
import { polygonHull } from 'd3-polygon'
import { CURVE_SPACING, shortName } from './draw-map'
import type { MapGroup } from './draw-map'
import { FAMILY_COLOUR, KIND_STYLE, LIGHT, curveControl, labelFont, shapePoints } from './map-style'

export interface SvgOptions {
  title: string
  kindLabel(kind: EntityKind): string
  familyLabel(family: TieFamily): string
  legendTitle: string
  /** Communities drawn as hulls under the entries, as on screen. */
  groups?: readonly MapGroup[]
}

let measuring: CanvasRenderingContext2D | null = null
function measure(text: string, font: string): number {
  measuring ??= document.createElement('canvas').getContext('2d')
  if (!measuring) return text.length * 7
  measuring.font = font
  return measuring.measureText(text).width
}

/** The SVG of a graph at its map positions, framed to fit, with a legend of what is shown. */
export function buildMapSvg(
  graph: ShownGraph,
  positions: ReadonlyMap<string, { x: number; y: number }>,
  options: SvgOptions,
): { svg: string; width: number; height: number } {
  const theme = LIGHT
  const at = (id: string) => positions.get(id) ?? { x: 0, y: 0 }
  let x0 = Infinity
  let y0 = Infinity
  let x1 = -Infinity
  let y1 = -Infinity
  for (const node of graph.nodes) {
    const p = at(node.id)
    x0 = Math.min(x0, p.x - node.radius)
    y0 = Math.min(y0, p.y - node.radius)
    x1 = Math.max(x1, p.x + node.radius + 140)
    y1 = Math.max(y1, p.y + node.radius + 20)
  }
  if (!Number.isFinite(x0)) [x0, y0, x1, y1] = [0, 0, 400, 300]
  const pad = 40
  const legendWidth = 190
  const headerHeight = 48
  const kinds = ENTITY_KINDS.filter((kind) => graph.nodes.some((node) => node.entity.kind === kind))
  const families = TIE_FAMILIES.filter((family) =>
    graph.edges.some((edge) => edge.family === family),
  )
  const legendHeight = 40 + (kinds.length + families.length) * 22 + (families.length ? 16 : 0)
  const width = Math.ceil(x1 - x0 + pad * 2 + legendWidth)
  const height = Math.ceil(Math.max(y1 - y0 + pad * 2, legendHeight + pad) + headerHeight)
  const ox = pad - x0
  const oy = pad + headerHeight - y0
  const sx = (id: string) => at(id).x + ox
  const sy = (id: string) => at(id).y + oy

  const svg = create('svg')
    .attr('xmlns', 'http://www.w3.org/2000/svg')
    .attr('width', width)
    .attr('height', height)
    .attr('viewBox', `0 0 ${String(width)} ${String(height)}`)
    .attr('font-family', 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif')
  svg.append('title').text(options.title)
  svg.append('rect').attr('width', width).attr('height', height).attr('fill', theme.background)
  svg
    .append('text')
    .attr('x', pad)
    .attr('y', 32)
    .attr('font-size', 20)
    .attr('font-weight', 600)
    .attr('fill', theme.text)
    .text(options.title)

  const defs = svg.append('defs')
  for (const family of TIE_FAMILIES) {
    defs
      .append('marker')
      .attr('id', `arrow-${family}`)
      .attr('viewBox', '0 0 10 10')
      .attr('refX', 10)
      .attr('refY', 5)
      .attr('markerWidth', 7)
      .attr('markerHeight', 7)
      .attr('markerUnits', 'userSpaceOnUse')
      .attr('orient', 'auto')
      .append('path')
      .attr('d', 'M0,0 L10,5 L0,10 z')
      .attr('fill', FAMILY_COLOUR[family])
  }

  const hulls = svg.append('g').attr('class', 'communities')
  for (const group of options.groups ?? []) {
    const points = group.memberIds
      .filter((id) => positions.has(id))
      .map((id): [number, number] => [sx(id), sy(id)])
    if (points.length === 0) continue
    const outline = points.length >= 3 ? (polygonHull(points) ?? points) : points
    // A wide round stroke of the hull pads it evenly, as on screen.
    hulls
      .append('path')
      .attr('d', `M${outline.map(([x, y]) => `${fmt(x)},${fmt(y)}`).join(' L')} Z`)
      .attr('fill', group.colour)
      .attr('stroke', group.colour)
      .attr('stroke-width', 44)
      .attr('stroke-linejoin', 'round')
      .attr('opacity', 0.13)
    const top = outline.reduce((best, point) => (point[1] < best[1] ? point : best))
    hulls
      .append('text')
      .attr('x', fmt(top[0]))
      .attr('y', fmt(top[1] - 30))
      .attr('text-anchor', 'middle')
      .attr('font-size', 12)
      .attr('font-weight', 600)
      .attr('fill', group.colour)
      .text(shortName(group.name))
  }

  const radiusOf = new Map(graph.nodes.map((node) => [node.id, node.radius]))
  const edges = svg.append('g').attr('class', 'ties').attr('fill', 'none')
  for (const edge of graph.edges) {
    const [ax, ay, bx, by] = [sx(edge.source), sy(edge.source), sx(edge.target), sy(edge.target)]
    const { cx, cy } = curveControl(
      ax,
      ay,
      bx,
      by,
      edge.bend,
      edge.source < edge.target,
      CURVE_SPACING,
    )
    // End the line at the target's edge so the arrow shows.
    const dx = bx - (edge.bend ? cx : ax)
    const dy = by - (edge.bend ? cy : ay)
    const length = Math.hypot(dx, dy) || 1
    const back = (radiusOf.get(edge.target) ?? 8) + 2
    const ex = edge.directed ? bx - (dx / length) * back : bx
    const ey = edge.directed ? by - (dy / length) * back : by
    const path = edges
      .append('path')
      .attr(
        'd',
        edge.bend
          ? `M${fmt(ax)},${fmt(ay)} Q${fmt(cx)},${fmt(cy)} ${fmt(ex)},${fmt(ey)}`
          : `M${fmt(ax)},${fmt(ay)} L${fmt(ex)},${fmt(ey)}`,
      )
      .attr('stroke', FAMILY_COLOUR[edge.family])
      .attr('stroke-width', fmt(0.6 + edge.tie.strength * 0.35))
      .attr('stroke-opacity', 0.75)
    if (edge.tie.sentiment < 0) path.attr('stroke-dasharray', '5 4')
    if (edge.directed) path.attr('marker-end', `url(#arrow-${edge.family})`)
    path.append('title').text(edge.tie.type)
  }

  const nodes = svg.append('g').attr('class', 'entries')
  for (const node of graph.nodes) {
    const style = KIND_STYLE[node.entity.kind]
    const x = sx(node.id)
    const y = sy(node.id)
    const points = shapePoints(style.shape, x, y, node.radius)
    const shape = nodes.append<SVGElement>(points ? 'polygon' : 'circle')
    if (points) shape.attr('points', points.map(([px, py]) => `${fmt(px)},${fmt(py)}`).join(' '))
    else shape.attr('cx', fmt(x)).attr('cy', fmt(y)).attr('r', fmt(node.radius))
    if (style.shape === 'ring')
      shape.attr('fill', theme.background).attr('stroke', style.colour).attr('stroke-width', 3)
    else shape.attr('fill', style.colour).attr('stroke', theme.background).attr('stroke-width', 1.5)
    shape.append('title').text(node.entity.name)
  }

  const requests: LabelRequest[] = graph.nodes.map((node) => ({
    id: node.id,
    x: sx(node.id),
    y: sy(node.id),
    radius: node.radius,
    width: measure(shortName(node.entity.name), labelFont(12, node.entity.kind === 'customer')) + 4,
    height: 16,
    priority: node.radius * 10 + node.degree,
  }))
  const names = new Map(graph.nodes.map((node) => [node.id, node.entity]))
  const labels = svg
    .append('g')
    .attr('class', 'names')
    .attr('font-size', 12)
    .attr('fill', theme.text)
    .attr('stroke', theme.halo)
    .attr('stroke-width', 3.5)
    .attr('stroke-linejoin', 'round')
    .attr('paint-order', 'stroke')
  for (const label of placeLabels(requests, { width: width - legendWidth, height })) {
    const entity = names.get(label.id)!
    labels
      .append('text')
      .attr('x', fmt(label.x + 2))
      .attr('y', fmt(label.y + label.height / 2))
      .attr('dominant-baseline', 'middle')
      .attr('font-weight', entity.kind === 'customer' ? 600 : 400)
      .text(shortName(entity.name))
  }

  const legend = svg
    .append('g')
    .attr('class', 'legend')
    .attr('transform', `translate(${String(width - legendWidth)},${String(headerHeight + 8)})`)
  legend
    .append('rect')
    .attr('width', legendWidth - 16)
    .attr('height', legendHeight)
    .attr('rx', 8)
    .attr('fill', '#ffffff')
    .attr('stroke', '#e1ddd5')
  legend
    .append('text')
    .attr('x', 14)
    .attr('y', 24)
    .attr('font-size', 13)
    .attr('font-weight', 600)
    .attr('fill', theme.text)
    .text(options.legendTitle)
  let row = 48
  for (const kind of kinds) {
    const style = KIND_STYLE[kind]
    const points = shapePoints(style.shape, 22, row - 4, 6)
    const swatch = legend.append<SVGElement>(points ? 'polygon' : 'circle')
    if (points) swatch.attr('points', points.map(([px, py]) => `${fmt(px)},${fmt(py)}`).join(' '))
    else
      swatch
        .attr('cx', 22)
        .attr('cy', row - 4)
        .attr('r', 6)
    if (style.shape === 'ring')
      swatch.attr('fill', '#ffffff').attr('stroke', style.colour).attr('stroke-width', 2.5)
    else swatch.attr('fill', style.colour)
    legend
      .append('text')
      .attr('x', 38)
      .attr('y', row)
      .attr('font-size', 12)
      .attr('fill', theme.text)
      .text(options.kindLabel(kind))
    row += 22
  }
  if (families.length) row += 16
  for (const family of families) {
    legend
      .append('line')
      .attr('x1', 12)
      .attr('x2', 32)
      .attr('y1', row - 4)
      .attr('y2', row - 4)
      .attr('stroke', FAMILY_COLOUR[family])
      .attr('stroke-width', 2.5)
    legend
      .append('text')
      .attr('x', 38)
      .attr('y', row)
      .attr('font-size', 12)
      .attr('fill', theme.text)
      .text(options.familyLabel(family))
    row += 22
  }

  const text = new XMLSerializer().serializeToString(svg.node()!)
  return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${text}`, width, height }
}

function fmt(value: number): string {
  return String(Math.round(value * 100) / 100)
}

/** Draws an SVG on a canvas at `scale` and returns the PNG's bytes. */
export async function svgToPng(
  svg: string,
  width: number,
  height: number,
  scale = 2,
): Promise<Uint8Array> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }))
  try {
    const image = new Image()
    image.src = url
    await image.decode()
    const canvas = document.createElement('canvas')
    canvas.width = Math.ceil(width * scale)
    canvas.height = Math.ceil(height * scale)
    const context = canvas.getContext('2d')
    if (!context) throw new Error('No canvas')
    context.scale(scale, scale)
    context.drawImage(image, 0, 0, width, height)
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'))
    if (!blob) throw new Error('The picture could not be made')
    return new Uint8Array(await blob.arrayBuffer())
  } finally {
    URL.revokeObjectURL(url)
  }
}
