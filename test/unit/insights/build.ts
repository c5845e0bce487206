/** Small hand-built records for the insights kernels' tests. */
import type { InfluenceModel } from '../../../src/graph/influence-types'
import type { Entity, Note, Tie } from '../../../src/model/records'
import type { EntityKind, ProductSide, TieType } from '../../../src/model/vocabulary'

export const DAY = 86_400_000
export const WEEK = 7 * DAY
/** A fixed "now" for the tests: 1 June 2026, noon UTC. */
export const NOW = Date.UTC(2026, 5, 1, 12)

export function entity(
  id: string,
  kind: EntityKind,
  extra: Partial<Omit<Entity, 'id' | 'kind'>> = {},
): Entity {
  return {
    id,
    kind,
    name: extra.name ?? id,
    tags: [],
    summary: '',
    createdAt: 0,
    updatedAt: 0,
    ...extra,
  }
}

export const customer = (id: string, extra: Partial<Entity> = {}) => entity(id, 'customer', extra)
export const person = (id: string, extra: Partial<Entity> = {}) => entity(id, 'person', extra)
export const product = (id: string, side: ProductSide | undefined) =>
  entity(id, 'product', side === undefined ? {} : { side })
export const place = (id: string) => entity(id, 'place', { placeMode: 'physical' })

let tieCounter = 0
export function tie(
  from: string,
  type: TieType,
  to: string,
  extra: Partial<Omit<Tie, 'from' | 'to' | 'type'>> = {},
): Tie {
  tieCounter += 1
  return {
    id: `t${tieCounter}`,
    from,
    to,
    type,
    strength: 3,
    sentiment: 0,
    note: '',
    evidence: [],
    createdAt: 0,
    updatedAt: 0,
    ...extra,
  }
}

let noteCounter = 0
export function note(at: number, extra: Partial<Omit<Note, 'at'>> = {}): Note {
  noteCounter += 1
  return {
    id: extra.id ?? `n${noteCounter}`,
    text: '',
    kind: 'observation',
    touchpoint: 'shop',
    at,
    about: [],
    tags: [],
    facets: [],
    source: 'observed',
    sentiment: 0,
    createdAt: at,
    updatedAt: at,
    ...extra,
  }
}

/** An influence model from given powers (the other scores do not matter to the insights). */
export function influenceOf(powers: Record<string, number>): InfluenceModel {
  const scores: InfluenceModel['scores'] = {}
  for (const [id, power] of Object.entries(powers)) {
    scores[id] = { degree: 0, reach: 0, betweenness: 0, pagerank: 0, power }
  }
  return {
    scores,
    ranked: Object.keys(powers).sort((a, b) => (powers[b] ?? 0) - (powers[a] ?? 0)),
    betweenness: { kind: 'exact' },
    weights: { degree: 0.25, reach: 0.25, betweenness: 0.25, pagerank: 0.25 },
  }
}
