import { describe, expect, it } from 'vitest'
import {
  BETWEENNESS_CONFIDENCE,
  computeInfluence,
  POWER_WEIGHTS,
  sampledBetweennessError,
} from '../../../src/graph/influence'
import type { InfluenceInput, InfluenceTie } from '../../../src/graph/influence'
import type { TieType } from '../../../src/model/vocabulary'
import { KARATE_BETWEENNESS, KARATE_EDGES, KARATE_PAGERANK } from '../../fixtures/graphs/karate'
import { generateSocialGraph } from '../../fixtures/graphs/social-graph'

/** Zachary's members as entities `m01`…`m34`, so id order is member order. */
const member = (n: number) => `m${String(n).padStart(2, '0')}`
const karateEntities = Array.from({ length: 34 }, (_, i) => ({
  id: member(i + 1),
  kind: 'customer' as const,
}))

function graph(edges: readonly (readonly [string, string])[], type: TieType = 'friend') {
  const ids = [...new Set(edges.flat())]
  return {
    entities: ids.map((id) => ({ id, kind: 'person' as const })),
    ties: edges.map(([from, to]): InfluenceTie => ({ from, to, type, strength: 3 })),
  }
}

describe('computeInfluence on the karate club (networkx reference values)', () => {
  const friendships: InfluenceInput = {
    entities: karateEntities,
    ties: KARATE_EDGES.map(([a, b]) => ({
      from: member(a),
      to: member(b),
      type: 'friend',
      strength: 1,
    })),
  }
  const model = computeInfluence(friendships)

  it('counts degrees: 16 for the instructor (1), 17 for the president (34)', () => {
    expect(model.scores[member(1)]!.degree).toBe(16)
    expect(model.scores[member(34)]!.degree).toBe(17)
    const total = Object.values(model.scores).reduce((sum, score) => sum + score.degree, 0)
    expect(total).toBe(2 * 78)
  })

  it('computes exact normalised betweenness: 1 ≈ 0.4376, 34 ≈ 0.3041, all within 1e-6', () => {
    expect(model.betweenness).toEqual({ kind: 'exact' })
    expect(model.scores[member(1)]!.betweenness).toBeCloseTo(0.4376, 4)
    expect(model.scores[member(34)]!.betweenness).toBeCloseTo(0.3041, 4)
    // The fixture has networkx's values to six decimals.
    KARATE_BETWEENNESS.forEach((expected, i) => {
      expect(Math.abs(model.scores[member(i + 1)]!.betweenness - expected)).toBeLessThan(1e-6)
    })
  })

  it('gives the same betweenness from the hand-written Brandes started from every entity', () => {
    // exactUpTo 0 forces the sampling path; as many samples as entities makes it exhaustive.
    const handWritten = computeInfluence(friendships, { exactUpTo: 0, samples: 34 })
    expect(handWritten.betweenness).toEqual({ kind: 'exact' })
    for (const id of Object.keys(model.scores))
      expect(handWritten.scores[id]!.betweenness).toBeCloseTo(model.scores[id]!.betweenness, 12)
  })

  it('computes reach within two steps', () => {
    // Member 1's friends and their friends: everyone but 15, 16, 19, 21, 23, 24, 27, 30
    // (networkx: single_source_shortest_path_length(G, 0, cutoff=2)).
    expect(model.scores[member(1)]!.reach).toBe(33 - 8)
    expect(model.scores[member(34)]!.reach).toBe(23)
    // Member 12's only friend is 1, so it reaches 1 and 1's 15 other friends.
    expect(model.scores[member(12)]!.reach).toBe(16)
  })

  it('has no PageRank to give when there is no influence tie: everyone gets 1/34', () => {
    for (const score of Object.values(model.scores)) expect(score.pagerank).toBeCloseTo(1 / 34, 12)
  })

  it('matches undirected PageRank (α = 0.85) when every friendship is a mutual recommendation', () => {
    // networkx turns each undirected edge into two arcs; two recommendations do the same here.
    const mutual = computeInfluence({
      entities: karateEntities,
      ties: KARATE_EDGES.flatMap(([a, b]): InfluenceTie[] => [
        { from: member(a), to: member(b), type: 'recommends', strength: 2 },
        { from: member(b), to: member(a), type: 'prescribes', strength: 2 },
      ]),
    })
    expect(mutual.scores[member(34)]!.pagerank).toBeCloseTo(0.1009, 4)
    expect(mutual.scores[member(1)]!.pagerank).toBeCloseTo(0.097, 4)
    KARATE_PAGERANK.forEach((expected, i) => {
      expect(Math.abs(mutual.scores[member(i + 1)]!.pagerank - expected)).toBeLessThan(1e-5)
    })
    const sum = Object.values(mutual.scores).reduce((total, score) => total + score.pagerank, 0)
    expect(sum).toBeCloseTo(1, 9)
    // The two leaders, central by every measure, come first.
    expect(mutual.ranked.slice(0, 2).sort()).toEqual([member(1), member(34)])
  })
})

describe('computeInfluence on small hand-checked graphs', () => {
  it('puts the centre of a star on every path', () => {
    const star = graph(['b', 'c', 'd', 'e', 'f'].map((leaf) => ['a', leaf] as const))
    const model = computeInfluence(star)
    expect(model.scores.a).toMatchObject({ degree: 5, reach: 5, betweenness: 1 })
    expect(model.scores.b).toMatchObject({ degree: 1, reach: 5, betweenness: 0 })
    expect(model.ranked[0]).toBe('a')
    // The centre beats every leaf on degree and betweenness and ties them on the rest.
    expect(model.scores.a!.power).toBeCloseTo(
      100 * (POWER_WEIGHTS.degree + POWER_WEIGHTS.betweenness),
      9,
    )
    expect(model.scores.b!.power).toBe(0)
  })

  it('counts the pairs a path’s middle separates', () => {
    const path = graph([
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'd'],
      ['d', 'e'],
    ])
    const { scores } = computeInfluence(path)
    // Of the 6 pairs of the other four, c separates a–d, a–e, b–d, b–e; b separates a from c, d, e.
    expect(scores.c!.betweenness).toBeCloseTo(4 / 6, 12)
    expect(scores.b!.betweenness).toBeCloseTo(3 / 6, 12)
    expect(scores.a!.betweenness).toBe(0)
    expect(scores.a!.reach).toBe(2)
    expect(scores.c!.reach).toBe(4)
  })

  it('turns influence toward the one listened to: the prescriber outranks the prescribed', () => {
    const { scores, ranked } = computeInfluence(graph([['doctor', 'patient']], 'prescribes'))
    // patient → doctor only; the doctor is dangling, its rank spread over both:
    // d = 0.075 + 0.85·(p + d/2), p = 0.075 + 0.85·d/2, d + p = 1 ⇒ d = 0.925 / 1.425.
    expect(scores.doctor!.pagerank).toBeCloseTo(0.925 / 1.425, 8)
    expect(scores.patient!.pagerank).toBeCloseTo(0.5 / 1.425, 8)
    expect(ranked).toEqual(['doctor', 'patient'])
    expect(scores.doctor!.power).toBeGreaterThan(scores.patient!.power)

    const reversed = computeInfluence(graph([['patient', 'doctor']], 'referred'))
    expect(reversed.ranked).toEqual(['patient', 'doctor'])
  })

  it('leaves PageRank to influence ties only, weighted by strength', () => {
    const friends = computeInfluence(graph([['a', 'b']], 'friend'))
    expect(friends.scores.a!.pagerank).toBeCloseTo(0.5, 12)
    const weighted = computeInfluence({
      entities: ['a', 'b', 'c'].map((id) => ({ id, kind: 'customer' as const })),
      ties: [
        { from: 'a', to: 'c', type: 'recommends', strength: 5 },
        { from: 'b', to: 'c', type: 'recommends', strength: 1 },
      ],
    })
    // c listens to both, to a five times as much.
    expect(weighted.scores.a!.pagerank).toBeGreaterThan(weighted.scores.b!.pagerank)
  })

  it('gives an entity with no tie power 0 but its teleport share of PageRank', () => {
    const input = graph([['a', 'b']], 'recommends')
    const model = computeInfluence({
      entities: [...input.entities, { id: 'alone', kind: 'customer' }],
      ties: [
        ...input.ties,
        { from: 'alone', to: 'alone', type: 'friend', strength: 3 },
        { from: 'alone', to: 'deleted', type: 'friend', strength: 3 },
      ],
    })
    expect(model.scores.alone).toMatchObject({ degree: 0, reach: 0, betweenness: 0, power: 0 })
    expect(model.scores.alone!.pagerank).toBeGreaterThan(0.15 / 3 - 1e-12)
    expect(model.ranked[0]).toBe('a')
    expect([...model.ranked].sort()).toEqual(['a', 'alone', 'b'])
    const sum = Object.values(model.scores).reduce((total, score) => total + score.pagerank, 0)
    expect(sum).toBeCloseTo(1, 12)
  })

  it('returns an empty model for an empty notebook', () => {
    expect(computeInfluence({ entities: [], ties: [] })).toEqual({
      scores: {},
      ranked: [],
      betweenness: { kind: 'exact' },
      weights: POWER_WEIGHTS,
    })
  })

  it('exports weights that sum to 1, and keeps power within 0–100', () => {
    const sum = Object.values(POWER_WEIGHTS).reduce((total, weight) => total + weight, 0)
    expect(sum).toBeCloseTo(1, 12)
    const model = computeInfluence(generateSocialGraph(3, { entities: 300, ties: 900 }))
    for (const score of Object.values(model.scores)) {
      expect(score.power).toBeGreaterThanOrEqual(0)
      expect(score.power).toBeLessThanOrEqual(100)
    }
    expect(model.ranked).toHaveLength(300)
    expect(model.weights).toEqual(POWER_WEIGHTS)
  })
})

describe('computeInfluence determinism', () => {
  const input = generateSocialGraph(11, { entities: 600, ties: 2_400 })

  it('gives the same model for the same seed, whatever the order of the records', () => {
    const options = { exactUpTo: 0, samples: 50, seed: 7 }
    const first = computeInfluence(input, options)
    const shuffled = {
      entities: [...input.entities].reverse(),
      ties: [...input.ties].reverse(),
    }
    expect(computeInfluence(shuffled, options)).toEqual(first)
    expect(computeInfluence(input, { ...options, seed: 8 })).not.toEqual(first)
  })
})

describe('sampled betweenness', () => {
  it('states the Hoeffding bound, simultaneous over all entities', () => {
    const n = 10_000
    const samples = 1_000
    expect(sampledBetweennessError(n, samples)).toBeCloseTo(
      (n / (n - 1)) * Math.sqrt(Math.log((2 * n) / (1 - BETWEENNESS_CONFIDENCE)) / (2 * samples)),
      12,
    )
  })

  // Three realistic graphs and one without structure (uniform random pairs).
  const uniform = (() => {
    const base = generateSocialGraph(99, { entities: 500, ties: 0 })
    let state = 12_345
    const next = () => (state = (state * 48_271) % 2_147_483_647) / 2_147_483_647
    const ties: InfluenceTie[] = Array.from({ length: 2_000 }, () => ({
      from: base.entities[Math.floor(next() * 500)]!.id,
      to: base.entities[Math.floor(next() * 500)]!.id,
      type: 'friend',
      strength: 1,
    }))
    return { entities: base.entities, ties }
  })()
  const cases = [
    ['social graph, 400 entities', generateSocialGraph(1, { entities: 400, ties: 1_600 })],
    ['social graph, 700 entities', generateSocialGraph(2, { entities: 700, ties: 2_100 })],
    ['social graph, 900 entities', generateSocialGraph(3, { entities: 900, ties: 4_500 })],
    ['uniform random graph, 500 entities', uniform],
  ] as const

  it.each(cases)('stays within its stated error on a %s', (_name, input) => {
    const exact = computeInfluence(input)
    expect(exact.betweenness).toEqual({ kind: 'exact' })
    for (const samples of [50, 200]) {
      for (const seed of [1, 2]) {
        const sampled = computeInfluence(input, { exactUpTo: 0, samples, seed })
        const method = sampled.betweenness
        expect(method.kind).toBe('sampled')
        if (method.kind !== 'sampled') return
        expect(method.samples).toBe(samples)
        expect(method.error).toBeCloseTo(
          sampledBetweennessError(input.entities.length, samples),
          12,
        )
        let worst = 0
        for (const id of Object.keys(exact.scores)) {
          const error = Math.abs(sampled.scores[id]!.betweenness - exact.scores[id]!.betweenness)
          worst = Math.max(worst, error)
        }
        expect(worst).toBeLessThanOrEqual(method.error)
        // The bound is a worst case; the real error is far below it.
        expect(worst).toBeLessThan(method.error / 2)
      }
    }
  })
})
