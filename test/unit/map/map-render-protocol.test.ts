import { describe, expect, it } from 'vitest'
import { DEFAULT_FILTERS, buildShownGraph } from '../../../src/graph/shown-graph'
import type { Entity, Tie } from '../../../src/model/records'
import { slimGraph } from '../../../renderer/views/Map/map-render-protocol'

const T0 = 1_700_000_000_000

const entities: Entity[] = ['zoe', 'paul', 'bread'].map((id) => ({
  id,
  kind: id === 'bread' ? 'product' : 'customer',
  name: `${id} <b>name</b>`,
  tags: ['private tag'],
  summary: 'private summary',
  createdAt: T0,
  updatedAt: T0,
}))
const ties: Tie[] = [
  ['t1', 'zoe', 'paul', 'friend', 2, 1],
  ['t2', 'zoe', 'bread', 'uses', 5, -2],
  ['t3', 'bread', 'zoe', 'uses', 3, 0],
].map(([id, from, to, type, strength, sentiment]) => ({
  id: String(id),
  from: String(from),
  to: String(to),
  type: type === 'friend' ? 'friend' : 'uses',
  strength: Number(strength),
  sentiment: Number(sentiment),
  note: 'private note',
  evidence: [],
  createdAt: T0,
  updatedAt: T0,
}))

describe('slimGraph', () => {
  const graph = buildShownGraph({ entities, ties }, DEFAULT_FILTERS)
  const slim = slimGraph(graph)

  it('keeps every node and edge in order, with what a drawing reads', () => {
    expect(slim.nodes).toEqual(
      graph.nodes.map((node) => ({
        id: node.id,
        radius: node.radius,
        degree: node.degree,
        entity: { kind: node.entity.kind, name: node.entity.name },
      })),
    )
    expect(slim.edges).toEqual(
      graph.edges.map((edge) => ({
        source: edge.source,
        target: edge.target,
        family: edge.family,
        bend: edge.bend,
        directed: edge.directed,
        tie: { strength: edge.tie.strength, sentiment: edge.tie.sentiment },
      })),
    )
  })

  it('carries nothing else of the records to the worker', () => {
    const text = JSON.stringify(slim)
    expect(text).not.toContain('private')
    expect(text).not.toContain('createdAt')
  })

  it('survives a structured clone (what postMessage does)', () => {
    expect(structuredClone(slim)).toEqual(slim)
  })
})
