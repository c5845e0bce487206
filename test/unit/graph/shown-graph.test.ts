import { describe, expect, it } from 'vitest'
import {
  DEFAULT_FILTERS,
  MAX_RADIUS,
  MIN_RADIUS,
  buildShownGraph,
  egoIds,
  neighbourIds,
  readMapFilters,
} from '../../../src/graph/shown-graph'
import type { MapFilters } from '../../../src/graph/shown-graph'
import type { Entity, Tie } from '../../../src/model/records'
import type { EntityKind, TieType } from '../../../src/model/vocabulary'

const T0 = 1_700_000_000_000

function entity(id: string, kind: EntityKind, extra: Partial<Entity> = {}): Entity {
  return { id, kind, name: id, tags: [], summary: '', createdAt: T0, updatedAt: T0, ...extra }
}
function tie(id: string, from: string, to: string, type: TieType, extra: Partial<Tie> = {}): Tie {
  return {
    id,
    from,
    to,
    type,
    strength: 3,
    sentiment: 0,
    note: '',
    evidence: [],
    createdAt: T0,
    updatedAt: T0,
    ...extra,
  }
}

const entities = [
  entity('zoe', 'customer', { tags: ['vegan'] }),
  entity('paul', 'customer'),
  entity('marc', 'person'),
  entity('bread', 'product'),
  entity('market', 'place', { createdAt: T0 + 1000 }),
  entity('club', 'community'),
]
const ties = [
  tie('t1', 'zoe', 'paul', 'recommends'),
  tie('t2', 'zoe', 'paul', 'friend'),
  tie('t3', 'paul', 'marc', 'family'),
  tie('t4', 'zoe', 'bread', 'uses', { since: T0 + 5000 }),
  tie('t5', 'zoe', 'market', 'frequents'),
  tie('t6', 'marc', 'club', 'member-of'),
]
const filters = (patch: Partial<MapFilters>): MapFilters => ({ ...DEFAULT_FILTERS, ...patch })
const ids = (graph: { nodes: { id: string }[] }) => graph.nodes.map((node) => node.id).sort()
const edgeIds = (graph: { edges: { id: string }[] }) => graph.edges.map((edge) => edge.id).sort()

describe('buildShownGraph', () => {
  it('shows everything by default, with direction per type', () => {
    const graph = buildShownGraph({ entities, ties }, DEFAULT_FILTERS)
    expect(graph.nodes).toHaveLength(6)
    expect(graph.edges).toHaveLength(6)
    expect(graph.edges.find((edge) => edge.id === 't1')?.directed).toBe(true)
    expect(graph.edges.find((edge) => edge.id === 't2')?.directed).toBe(false)
    expect(graph.edges.find((edge) => edge.id === 't3')?.family).toBe('social')
  })

  it('filters by kind and drops ties to hidden entities', () => {
    const graph = buildShownGraph({ entities, ties }, filters({ kinds: ['customer', 'person'] }))
    expect(ids(graph)).toEqual(['marc', 'paul', 'zoe'])
    expect(edgeIds(graph)).toEqual(['t1', 't2', 't3'])
  })

  it('filters by tie type and by family', () => {
    expect(
      edgeIds(buildShownGraph({ entities, ties }, filters({ tieTypes: ['friend', 'uses'] }))),
    ).toEqual(['t2', 't4'])
    expect(
      edgeIds(
        buildShownGraph({ entities, ties }, filters({ families: ['influence', 'membership'] })),
      ),
    ).toEqual(['t1', 't6'])
  })

  it('filters by tag, segment members and date', () => {
    expect(ids(buildShownGraph({ entities, ties }, filters({ tags: ['vegan'] })))).toEqual(['zoe'])
    const segment = buildShownGraph(
      { entities, ties, segmentMembers: new Set(['paul']) },
      filters({ segmentId: 's1' }),
    )
    // Customers outside the segment go; other kinds stay.
    expect(ids(segment)).toEqual(['bread', 'club', 'marc', 'market', 'paul'])
    const past = buildShownGraph({ entities, ties }, filters({ asOf: T0 + 500 }))
    expect(ids(past)).not.toContain('market')
    expect(edgeIds(past)).not.toContain('t4')
  })

  it('hides isolated nodes on request', () => {
    const graph = buildShownGraph(
      { entities, ties },
      filters({ families: ['social'], hideIsolated: true }),
    )
    expect(ids(graph)).toEqual(['marc', 'paul', 'zoe'])
  })

  it('builds ego views of one and two steps', () => {
    expect(
      ids(buildShownGraph({ entities, ties }, filters({ ego: { id: 'marc', depth: 1 } }))),
    ).toEqual(['club', 'marc', 'paul'])
    expect(
      ids(buildShownGraph({ entities, ties }, filters({ ego: { id: 'marc', depth: 2 } }))),
    ).toEqual(['club', 'marc', 'paul', 'zoe'])
    expect(egoIds('x', 2, [])).toEqual(new Set(['x']))
  })

  it('sizes nodes by number of ties, by a value passed in, or not at all', () => {
    const byTies = buildShownGraph({ entities, ties }, DEFAULT_FILTERS)
    const zoe = byTies.nodes.find((node) => node.id === 'zoe')!
    expect(zoe.degree).toBe(4)
    expect(zoe.radius).toBe(MAX_RADIUS)
    expect(byTies.nodes.find((node) => node.id === 'club')!.radius).toBeLessThan(zoe.radius)
    const byValue = buildShownGraph(
      {
        entities,
        ties,
        values: new Map([
          ['paul', 100],
          ['zoe', 25],
        ]),
      },
      filters({ measure: 'value' }),
    )
    expect(byValue.nodes.find((node) => node.id === 'paul')!.radius).toBe(MAX_RADIUS)
    expect(byValue.nodes.find((node) => node.id === 'marc')!.radius).toBe(MIN_RADIUS)
    const byPower = buildShownGraph(
      { entities, ties, power: new Map([['marc', 80]]) },
      filters({ measure: 'power' }),
    )
    expect(byPower.nodes.find((node) => node.id === 'marc')!.radius).toBe(MAX_RADIUS)
    expect(byPower.nodes.find((node) => node.id === 'zoe')!.radius).toBe(MIN_RADIUS)
    const none = buildShownGraph({ entities, ties }, filters({ measure: 'none' }))
    expect(new Set(none.nodes.map((node) => node.radius)).size).toBe(1)
  })

  it('draws two ties of one pair as distinct curves', () => {
    const graph = buildShownGraph(
      { entities, ties: [...ties, tie('t7', 'paul', 'zoe', 'colleague')] },
      DEFAULT_FILTERS,
    )
    const bends = graph.edges
      .filter((edge) => ['t1', 't2', 't7'].includes(edge.id))
      .map((edge) => edge.bend)
    expect(new Set(bends).size).toBe(3)
    expect(graph.edges.find((edge) => edge.id === 't3')?.bend).toBe(0)
    const two = buildShownGraph({ entities, ties }, DEFAULT_FILTERS)
    expect(
      two.edges
        .filter((edge) => edge.id === 't1' || edge.id === 't2')
        .map((edge) => edge.bend)
        .sort(),
    ).toEqual([-1, 1])
  })

  it('finds neighbours for highlighting', () => {
    const graph = buildShownGraph({ entities, ties }, DEFAULT_FILTERS)
    expect([...neighbourIds(graph, 'marc')].sort()).toEqual(['club', 'marc', 'paul'])
  })
})

describe('readMapFilters', () => {
  it('keeps what is valid and drops the rest', () => {
    expect(readMapFilters(undefined)).toEqual(DEFAULT_FILTERS)
    const repaired = readMapFilters({
      kinds: ['customer'],
      tieTypes: ['nonsense'],
      measure: 'value',
      ego: 3,
    })
    expect(repaired.kinds).toEqual(['customer'])
    expect(repaired.tieTypes).toEqual([])
    expect(repaired.measure).toBe('value')
    expect(repaired.ego).toBeUndefined()
  })
})
