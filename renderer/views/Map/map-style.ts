/**
 * How a map looks: one shape and colour per kind of entry, one colour per family of ties. The
 * canvas, the SVG export and the legend all read these, so they always agree.
 */
import type { EntityKind, TieFamily } from '../../../src/model/vocabulary'

export type Shape = 'circle' | 'ring' | 'square' | 'diamond' | 'hexagon' | 'triangle' | 'pentagon'

export const KIND_STYLE: Record<EntityKind, { shape: Shape; colour: string }> = {
  customer: { shape: 'circle', colour: '#d9622b' },
  person: { shape: 'ring', colour: '#7a5bc4' },
  product: { shape: 'square', colour: '#2f8f6a' },
  place: { shape: 'diamond', colour: '#2b7bb9' },
  organisation: { shape: 'hexagon', colour: '#8a6d3b' },
  community: { shape: 'triangle', colour: '#c0398b' },
  channel: { shape: 'pentagon', colour: '#b8921c' },
}

export const FAMILY_COLOUR: Record<TieFamily, string> = {
  social: '#8b93a1',
  influence: '#d9622b',
  use: '#2f8f6a',
  place: '#2b7bb9',
  membership: '#7a5bc4',
  market: '#c0398b',
}

/**
 * Colours of detected communities, in order of size. Chosen to stay apart from each other and
 * readable as text on both the light and the dark map background.
 */
export const GROUP_COLOURS = [
  '#1b8a8f',
  '#b5478a',
  '#6a7f1f',
  '#5d6fd6',
  '#c0561e',
  '#8a5fb8',
  '#2f8a3d',
  '#a0752b',
] as const

export function groupColour(index: number): string {
  return GROUP_COLOURS[index % GROUP_COLOURS.length]!
}

export interface Theme {
  background: string
  text: string
  halo: string
  muted: string
  focus: string
}

export const LIGHT: Theme = {
  background: '#fbfaf7',
  text: '#1f2328',
  halo: '#fbfaf7',
  muted: '#5b616b',
  focus: '#1f6feb',
}
export const DARK: Theme = {
  background: '#1b1917',
  text: '#ece7e1',
  halo: '#1b1917',
  muted: '#aaa39a',
  focus: '#58a6ff',
}

/** The points of a shape of radius r centred on (x, y); null for circles. */
export function shapePoints(
  shape: Shape,
  x: number,
  y: number,
  r: number,
): [number, number][] | null {
  const polygon = (sides: number, rotation: number, scale: number) =>
    Array.from({ length: sides }, (_, i): [number, number] => {
      const angle = rotation + (i * 2 * Math.PI) / sides
      return [x + r * scale * Math.cos(angle), y + r * scale * Math.sin(angle)]
    })
  switch (shape) {
    case 'circle':
    case 'ring':
      return null
    case 'square':
      return polygon(4, Math.PI / 4, 1.2)
    case 'diamond':
      return polygon(4, 0, 1.3)
    case 'hexagon':
      return polygon(6, 0, 1.12)
    case 'triangle':
      return polygon(3, -Math.PI / 2, 1.35)
    case 'pentagon':
      return polygon(5, -Math.PI / 2, 1.15)
  }
}

/** The font of names on the map, at a given pixel size. */
export function labelFont(size: number, bold = false): string {
  return `${bold ? '600 ' : ''}${String(size)}px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`
}

/** The control point of a curved edge: bends spread to either side of the straight line. */
export function curveControl(
  sx: number,
  sy: number,
  tx: number,
  ty: number,
  bend: number,
  canonicalForward: boolean,
  spacing: number,
): { cx: number; cy: number } {
  const mx = (sx + tx) / 2
  const my = (sy + ty) / 2
  if (bend === 0) return { cx: mx, cy: my }
  // Perpendicular of the pair's canonical direction, so a tie A→B and a tie B→A curve apart.
  let dx = tx - sx
  let dy = ty - sy
  if (!canonicalForward) {
    dx = -dx
    dy = -dy
  }
  const length = Math.hypot(dx, dy) || 1
  const offset = bend * spacing
  return { cx: mx + (-dy / length) * offset, cy: my + (dx / length) * offset }
}
