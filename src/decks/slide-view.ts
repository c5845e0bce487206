/**
 * What a slide shows, as stored in `slide.view` (free JSON in the record, owned here). Written
 * strictly through these schemas; read forgivingly with `readMapSlideView` / `readChartSlideView`,
 * which keep every field that fits and repair the rest rather than throw.
 */
import { z } from 'zod'
import { DEFAULT_FILTERS, readMapFilters } from '../graph/shown-graph'
import type { MapFilters } from '../graph/shown-graph'
import type { MapPosition } from '../notebook/maps'
import type { Slide } from '../model/records'

const id = z.string().min(1).max(64)

export const cameraSchema = z.object({
  x: z.number().finite(),
  y: z.number().finite(),
  k: z.number().finite().positive(),
})
export type SlideCamera = z.infer<typeof cameraSchema>

export const positionSchema = z.object({
  x: z.number().finite(),
  y: z.number().finite(),
  pinned: z.boolean().default(false),
})

export const mapSlideViewSchema = z.object({
  /** The saved map the slide was taken from, if any (for its name; the slide keeps its own copy). */
  mapId: id.optional(),
  filters: z.record(z.string(), z.unknown()).default({}),
  positions: z.record(id, positionSchema).default({}),
  /** Camera with x and y measured from the centre of the frame, as in saved maps. */
  camera: cameraSchema.default({ x: 0, y: 0, k: 1 }),
  /** Entities to put forward: the others are dimmed. */
  highlights: z.array(id).max(1_000).default([]),
  /** The size of the frame the view was taken in (CSS pixels), so a bigger screen shows as much. */
  frame: z
    .object({ width: z.number().finite().positive(), height: z.number().finite().positive() })
    .optional(),
})

export interface MapSlideView {
  mapId?: string
  filters: MapFilters
  positions: Record<string, MapPosition>
  camera: SlideCamera
  highlights: string[]
  frame?: { width: number; height: number }
}

export const CHART_KINDS = ['value-map', 'rfm', 'pareto'] as const
export type ChartKind = (typeof CHART_KINDS)[number]

export const chartSlideViewSchema = z.object({
  chart: z.enum(CHART_KINDS).default('value-map'),
  /** The chart as it was drawn when added, as a standalone SVG document (shown as an image). */
  svg: z.string().max(5_000_000).default(''),
  width: z.number().finite().positive().max(20_000).default(720),
  height: z.number().finite().positive().max(20_000).default(380),
})
export type ChartSlideView = z.infer<typeof chartSlideViewSchema>

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}
}

/** A map slide's view, repaired where it does not fit: bad positions are dropped one by one. */
export function readMapSlideView(value: unknown): MapSlideView {
  const source = record(value)
  const positions: Record<string, MapPosition> = {}
  for (const [key, raw] of Object.entries(record(source.positions))) {
    const one = positionSchema.safeParse(raw)
    if (one.success && id.safeParse(key).success) positions[key] = one.data
  }
  const camera = cameraSchema.safeParse(source.camera)
  const highlights = Array.isArray(source.highlights)
    ? source.highlights.filter((one): one is string => id.safeParse(one).success).slice(0, 1_000)
    : []
  const mapId = id.safeParse(source.mapId)
  const frame = mapSlideViewSchema.shape.frame.safeParse(source.frame)
  return {
    ...(mapId.success ? { mapId: mapId.data } : {}),
    ...(frame.success && frame.data ? { frame: frame.data } : {}),
    filters: source.filters === undefined ? { ...DEFAULT_FILTERS } : readMapFilters(source.filters),
    positions,
    camera: camera.success ? camera.data : { x: 0, y: 0, k: 1 },
    highlights,
  }
}

export function readChartSlideView(value: unknown): ChartSlideView {
  const source = record(value)
  const repaired: Record<string, unknown> = {}
  for (const [key, field] of Object.entries(chartSlideViewSchema.shape)) {
    const one = field.safeParse(source[key])
    if (one.success) repaired[key] = one.data
  }
  return chartSlideViewSchema.parse(repaired)
}

/** The JSON stored in `slide.view` for a map view. */
export function mapViewJson(view: MapSlideView): Record<string, unknown> {
  const positions: Record<string, MapPosition> = {}
  for (const [key, { x, y, pinned }] of Object.entries(view.positions)) {
    positions[key] = { x: Math.round(x * 100) / 100, y: Math.round(y * 100) / 100, pinned }
  }
  return mapSlideViewSchema.parse({ ...view, filters: { ...view.filters }, positions })
}

export function chartViewJson(view: ChartSlideView): Record<string, unknown> {
  return chartSlideViewSchema.parse(view)
}

/** The ids of the entities a slide shows or names, for the export's "nothing beyond" rule. */
export function slideEntityIds(slide: Slide): Set<string> {
  if (slide.kind !== 'map') return new Set()
  const view = readMapSlideView(slide.view)
  return new Set([...Object.keys(view.positions), ...view.highlights])
}
