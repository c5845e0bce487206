import { describe, expect, it } from 'vitest'
import { influentialThreshold, rankImportance } from '../../../src/insights/importance'
import { computeTiers } from '../../../src/value/tiers'
import { customer, influenceOf, person, product } from './build'

describe('importance', () => {
  it('has no influential entity when nobody has power', () => {
    expect(influentialThreshold([], influenceOf({}))).toBeNull()
    expect(influentialThreshold([customer('a')], influenceOf({ a: 0 }))).toBeNull()
  })

  it('takes the top 20% of customers and persons by power, ties at the cut included', () => {
    const entities = [
      ...Array.from({ length: 8 }, (_, i) => customer(`c${i}`)),
      person('p0'),
      person('p1'),
      // Products do not count in the 20%.
      product('loaf', 'ours'),
    ]
    const powers = { c0: 90, c1: 70, c2: 70, c3: 20, p0: 50, loaf: 100 }
    expect(influentialThreshold(entities, influenceOf(powers))).toBe(70)
    const index = rankImportance({
      entities,
      influence: influenceOf(powers),
      tiers: computeTiers([]),
    })
    expect(['c0', 'c1', 'c2', 'c3', 'p0'].map(index.isInfluential)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ])
  })

  it('scores the mean of the spend percentile and power / 100, and explains it', () => {
    const entities = ['a', 'b', 'c', 'd'].map((id) => customer(id))
    const tiers = computeTiers([
      { id: 'a', total: 700 },
      { id: 'b', total: 200 },
      { id: 'c', total: 100 },
    ])
    const index = rankImportance({ entities, influence: influenceOf({ c: 80 }), tiers })
    expect(index.of('a')).toEqual({
      id: 'a',
      tier: 'top-5',
      valueShare: 0.7,
      valueRank: 1,
      power: 0,
      reasons: ['top-5'],
      score: 0.5,
    })
    expect(index.of('c')).toMatchObject({ tier: 'rest', reasons: ['influential'] })
    expect(index.of('c').valueRank).toBeCloseTo(1 / 3)
    expect(index.of('c').score).toBeCloseTo((1 / 3 + 0.8) / 2)
    expect(index.of('d')).toEqual({
      id: 'd',
      valueShare: 0,
      valueRank: 0,
      power: 0,
      reasons: [],
      score: 0,
    })
    expect(index.matters('b')).toBe(false)
    expect(index.matters('c')).toBe(true)
  })
})
