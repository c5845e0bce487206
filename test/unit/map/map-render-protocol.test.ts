import { describe, expect, it } from 'vitest'
import { DEFAULT_FILTERS, buildShownGraph } from '../../../src/graph/shown-graph'
import type { Entity, Tie } from '../../../src/model/records'
import {
  packGraph,
  packedTransfer,
  unpackGraph,
} from '../../../renderer/views/Map/map-render-protocol'

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

describe('packGraph', () => {
  const graph = buildShownGraph({ entities, ties }, DEFAULT_FILTERS)
  const packed = packGraph(graph)

  it('keeps every node and edge in order, with what a drawing reads', () => {
    const drawn = unpackGraph(packed)
    expect(drawn.nodes).toEqual(
      graph.nodes.map((node) => ({
        id: node.id,
        radius: node.radius,
        degree: node.degree,
        entity: { kind: node.entity.kind, name: node.entity.name },
      })),
    )
    expect(drawn.edges).toEqual(
      graph.edges.map((edge) => ({
        source: edge.source,
        target: edge.target,
        family: edge.family,
        bend: edge.bend,
        directed: edge.directed,
        tie: { strength: edge.tie.strength, sentiment: edge.tie.sentiment },
      })),
    )
    expect(drawn.edges.some((edge) => edge.bend !== 0)).toBe(true)
    expect(drawn.edges.some((edge) => edge.tie.sentiment < 0)).toBe(true)
  })

  it('carries nothing else of the records to the worker', () => {
    const text = JSON.stringify(packed)
    expect(text).not.toContain('private')
    expect(text).not.toContain('createdAt')
    expect(Object.keys(packed).sort()).toEqual(
      [
        'bend',
        'degree',
        'directed',
        'ends',
        'family',
        'ids',
        'kinds',
        'names',
        'radius',
        'sentiment',
        'strength',
      ].sort(),
    )
  })

  it('survives a structured clone that transfers its columns (what postMessage does)', () => {
    const sent = packGraph(graph)
    const copy = structuredClone(sent, { transfer: packedTransfer(sent) })
    expect(unpackGraph(copy)).toEqual(unpackGraph(packed))
    // Moved, not copied: the page's columns are emptied.
    expect(sent.ends.length).toBe(0)
  })
})
