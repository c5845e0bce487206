/**
 * The graph a map shows: which entities and ties pass the map's filters, and how each node and
 * edge is measured. Pure: it takes records and returns data, so it runs in the page, in a worker
 * and in tests alike.
 */
import { z } from 'zod'
import type { Entity, Tie } from '../model/records'
import { ENTITY_KINDS, TIE_FAMILIES, TIE_TYPES, TIE_TYPE_NAMES } from '../model/vocabulary'
import type { EntityKind, TieFamily, TieType } from '../model/vocabulary'

export const NODE_MEASURES = ['ties', 'value', 'power', 'none'] as const
export type NodeMeasure = (typeof NODE_MEASURES)[number]

/**
 * The filters of a map, as stored in `maps.filters`. Every list means "only these"; an empty or
 * missing list means "all". Read with `readMapFilters`, which repairs anything unknown.
 */
export const mapFiltersSchema = z.object({
  kinds: z.array(z.enum(ENTITY_KINDS)).default([]),
  tieTypes: z.array(z.enum(TIE_TYPE_NAMES as [TieType, ...TieType[]])).default([]),
  families: z.array(z.enum(TIE_FAMILIES)).default([]),
  tags: z.array(z.string().max(100)).default([]),
  /** Only customers in this segment (other kinds stay); its members are passed in. */
  segmentId: z.string().max(64).optional(),
  /** The notebook as it was at this time (epoch ms): later entities and ties are left out. */
  asOf: z.number().int().min(0).optional(),
  /** Centre and radius (1 or 2 steps) of an ego view. */
  ego: z
    .object({ id: z.string().min(1).max(64), depth: z.union([z.literal(1), z.literal(2)]) })
    .optional(),
  hideIsolated: z.boolean().default(false),
  measure: z.enum(NODE_MEASURES).default('ties'),
  /** Draw the detected communities as coloured hulls. */
  communities: z.boolean().default(false),
})
export type MapFilters = z.infer<typeof mapFiltersSchema>

export const DEFAULT_FILTERS: MapFilters = mapFiltersSchema.parse({})

/** Forgiving read of stored filters: anything that does not fit is dropped, never thrown. */
export function readMapFilters(value: unknown): MapFilters {
  const parsed = mapFiltersSchema.safeParse(value ?? {})
  if (parsed.success) return parsed.data
  const repaired: Record<string, unknown> = {}
  const source =
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}
  for (const [key, field] of Object.entries(mapFiltersSchema.shape)) {
    const one = field.safeParse(source[key])
    if (one.success && one.data !== undefined) repaired[key] = one.data
  }
  return mapFiltersSchema.parse(repaired)
}

export interface GraphNode {
  id: string
  entity: Entity
  /** Ties of this node in the shown graph. */
  degree: number
  /** The chosen measure's raw value. */
  value: number
  /** Radius in map units, from the measure. */
  radius: number
}

export interface GraphEdge {
  id: string
  tie: Tie
  source: string
  target: string
  directed: boolean
  family: TieFamily
  /**
   * Signed bend of the edge when a pair has several ties, relative to the pair's canonical
   * orientation (smaller id → larger id): 0 is straight; ±1, ±2… are distinct curves.
   */
  bend: number
}

export interface ShownGraph {
  nodes: GraphNode[]
  edges: GraphEdge[]
}

export interface GraphInputs {
  entities: readonly Entity[]
  ties: readonly Tie[]
  /** Member ids of the filter's segment, when it has one. */
  segmentMembers?: ReadonlySet<string>
  /** Values for the `value` measure (spend in minor units, say), by entity id. */
  values?: ReadonlyMap<string, number>
  /** Social power (0–100) for the `power` measure, by entity id. */
  power?: ReadonlyMap<string, number>
}

export const MIN_RADIUS = 6
export const MAX_RADIUS = 26

function passes<T>(list: readonly T[], item: T): boolean {
  return list.length === 0 || list.includes(item)
}

export function tieShown(tie: Tie, filters: MapFilters): boolean {
  const { family } = TIE_TYPES[tie.type]
  if (!passes(filters.tieTypes, tie.type) || !passes(filters.families, family)) return false
  if (filters.asOf !== undefined && (tie.since ?? tie.createdAt) > filters.asOf) return false
  return true
}

export function entityShown(
  entity: Entity,
  filters: MapFilters,
  members?: ReadonlySet<string>,
): boolean {
  if (!passes<EntityKind>(filters.kinds, entity.kind)) return false
  if (filters.tags.length > 0 && !entity.tags.some((tag) => filters.tags.includes(tag)))
    return false
  if (filters.asOf !== undefined && entity.createdAt > filters.asOf) return false
  if (
    filters.segmentId !== undefined &&
    members &&
    entity.kind === 'customer' &&
    !members.has(entity.id)
  ) {
    return false
  }
  return true
}

/** Ids within `depth` steps of `centre`, walking edges both ways. */
export function egoIds(
  centre: string,
  depth: number,
  edges: readonly { source: string; target: string }[],
): Set<string> {
  const neighbours = new Map<string, string[]>()
  for (const { source, target } of edges) {
    neighbours.set(source, [...(neighbours.get(source) ?? []), target])
    neighbours.set(target, [...(neighbours.get(target) ?? []), source])
  }
  const seen = new Set([centre])
  let frontier = [centre]
  for (let step = 0; step < depth; step++) {
    const next: string[] = []
    for (const id of frontier) {
      for (const other of neighbours.get(id) ?? []) {
        if (!seen.has(other)) {
          seen.add(other)
          next.push(other)
        }
      }
    }
    frontier = next
  }
  return seen
}

/** Radius for a measure value: area grows with the value, between MIN and MAX. */
export function radiusFor(value: number, maxValue: number): number {
  if (maxValue <= 0 || value <= 0) return MIN_RADIUS
  return MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * Math.sqrt(Math.min(value, maxValue) / maxValue)
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`
}

/** Spreads the edges of each pair into distinct curves: bends 0 | ±1 | 0, ±2… */
export function assignBends(edges: GraphEdge[]): void {
  const byPair = new Map<string, GraphEdge[]>()
  for (const edge of edges) {
    const key = pairKey(edge.source, edge.target)
    byPair.set(key, [...(byPair.get(key) ?? []), edge])
  }
  for (const group of byPair.values()) {
    group.sort((a, b) => a.tie.type.localeCompare(b.tie.type) || a.id.localeCompare(b.id))
    const even = group.length % 2 === 0
    group.forEach((edge, index) => {
      // Odd counts: 0, 1, -1, 2, -2…; even counts: 1, -1, 2, -2… — never two edges on one curve.
      const rank = even ? Math.floor(index / 2) + 1 : Math.ceil(index / 2)
      const sign = index % 2 === (even ? 0 : 1) ? 1 : -1
      edge.bend = rank === 0 ? 0 : sign * rank
    })
  }
}

/** Builds the shown graph: filter entities, keep ties whose both ends are shown, then ego, sizes. */
export function buildShownGraph(inputs: GraphInputs, filters: MapFilters): ShownGraph {
  let shown = new Map<string, Entity>()
  for (const entity of inputs.entities) {
    if (entityShown(entity, filters, inputs.segmentMembers)) shown.set(entity.id, entity)
  }
  let edges: GraphEdge[] = []
  for (const tie of inputs.ties) {
    if (tie.from === tie.to || !shown.has(tie.from) || !shown.has(tie.to)) continue
    if (!tieShown(tie, filters)) continue
    const kind = TIE_TYPES[tie.type]
    edges.push({
      id: tie.id,
      tie,
      source: tie.from,
      target: tie.to,
      directed: kind.directed,
      family: kind.family,
      bend: 0,
    })
  }
  if (filters.ego && shown.has(filters.ego.id)) {
    const keep = egoIds(filters.ego.id, filters.ego.depth, edges)
    shown = new Map([...shown].filter(([id]) => keep.has(id)))
    edges = edges.filter((edge) => keep.has(edge.source) && keep.has(edge.target))
  }
  const degree = new Map<string, number>()
  for (const edge of edges) {
    degree.set(edge.source, (degree.get(edge.source) ?? 0) + 1)
    degree.set(edge.target, (degree.get(edge.target) ?? 0) + 1)
  }
  const entities = [...shown.values()].filter(
    (entity) =>
      !filters.hideIsolated || (degree.get(entity.id) ?? 0) > 0 || entity.id === filters.ego?.id,
  )
  const valueOf = (id: string): number =>
    filters.measure === 'ties'
      ? (degree.get(id) ?? 0)
      : filters.measure === 'value'
        ? Math.max(0, inputs.values?.get(id) ?? 0)
        : filters.measure === 'power'
          ? Math.max(0, inputs.power?.get(id) ?? 0)
          : 0
  const maxValue = Math.max(0, ...entities.map((entity) => valueOf(entity.id)))
  const nodes = entities.map((entity): GraphNode => {
    const value = valueOf(entity.id)
    return {
      id: entity.id,
      entity,
      degree: degree.get(entity.id) ?? 0,
      value,
      radius:
        filters.measure === 'none' ? (MIN_RADIUS + MAX_RADIUS) / 3 : radiusFor(value, maxValue),
    }
  })
  assignBends(edges)
  return { nodes, edges }
}

/** Ids of a node's neighbours in a graph (for hover highlighting). */
export function neighbourIds(graph: ShownGraph, id: string): Set<string> {
  const result = new Set<string>([id])
  for (const edge of graph.edges) {
    if (edge.source === id) result.add(edge.target)
    if (edge.target === id) result.add(edge.source)
  }
  return result
}
