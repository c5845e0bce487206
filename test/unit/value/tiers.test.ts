import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeTiers, isInTier, tierSize } from '../../../src/value/tiers'

describe('computeTiers', () => {
  it('names the top 5% and top 20% and their share of revenue', () => {
    // 20 buyers: one big (1000), three good (100 each), sixteen small (10 each) → revenue 1460
    const inputs = [
      { id: 'big', total: 1_000 },
      ...['a', 'b', 'c'].map((id) => ({ id, total: 100 })),
      ...Array.from({ length: 16 }, (_, i) => ({
        id: `s${String(i).padStart(2, '0')}`,
        total: 10,
      })),
      { id: 'none', total: 0 },
      { id: 'refunded', total: -50 },
    ]
    const tiers = computeTiers(inputs)
    expect(tiers.revenue).toBe(1_460)
    expect(tiers.top5.ids).toEqual(['big'])
    expect(tiers.top5.share).toBeCloseTo(1_000 / 1_460)
    expect(tiers.top20.ids).toEqual(['big', 'a', 'b', 'c'])
    expect(tiers.top20.share).toBeCloseTo(1_300 / 1_460)
    expect(tiers.tierOf.get('big')).toBe('top-5')
    expect(tiers.tierOf.get('b')).toBe('top-20')
    expect(tiers.tierOf.get('s03')).toBe('rest')
    expect(tiers.tierOf.has('none')).toBe(false)
    expect(tiers.tierOf.has('refunded')).toBe(false)
    expect(tiers.pareto.at(-1)?.revenueShare).toBeCloseTo(1)
    expect(tiers.pareto[0]).toMatchObject({ rank: 1, id: 'big', customerShare: 1 / 20 })
  })

  it('rounds tier sizes up and handles an empty notebook', () => {
    expect(tierSize(1, 0.05)).toBe(1)
    expect(tierSize(20, 0.05)).toBe(1)
    expect(tierSize(21, 0.05)).toBe(2)
    expect(tierSize(10, 0.2)).toBe(2)
    const empty = computeTiers([])
    expect(empty.top5).toEqual({ ids: [], revenue: 0, share: 0 })
    expect(empty.pareto).toEqual([])
  })

  it('nests tiers: rest is outside the top 20%', () => {
    expect(isInTier('top-5', 'top-20')).toBe(true)
    expect(isInTier('top-20', 'top-5')).toBe(false)
    expect(isInTier('top-5', 'rest')).toBe(false)
    expect(isInTier('rest', 'rest')).toBe(true)
    expect(isInTier(undefined, 'rest')).toBe(false)
  })

  const inputs = fc.uniqueArray(
    fc.record({ id: fc.string({ minLength: 1 }), total: fc.integer({ min: -100, max: 10_000 }) }),
    {
      selector: (input) => input.id,
      maxLength: 80,
    },
  )

  it('keeps the Pareto curve increasing, ending at 100%, tiers nested and richest first', () => {
    fc.assert(
      fc.property(inputs, (list) => {
        const tiers = computeTiers(list)
        const shares = tiers.pareto.map((point) => point.revenueShare)
        shares.forEach((share, i) => {
          if (i > 0) expect(share).toBeGreaterThanOrEqual(shares[i - 1]!)
        })
        if (shares.length > 0) expect(shares.at(-1)).toBeCloseTo(1)
        expect(tiers.top20.ids.slice(0, tiers.top5.ids.length)).toEqual(tiers.top5.ids)
        expect(tiers.top20.share).toBeGreaterThanOrEqual(tiers.top5.share)
        // a top-tier customer never spent less than someone outside it
        const minTop = Math.min(
          ...tiers.top20.ids.map((id) => list.find((x) => x.id === id)!.total),
        )
        for (const [id, tier] of tiers.tierOf)
          if (tier === 'rest')
            expect(list.find((x) => x.id === id)!.total).toBeLessThanOrEqual(minTop)
        // the top k customers make at least k/n of the revenue
        expect(tiers.top20.share + 1e-9).toBeGreaterThanOrEqual(
          tiers.top20.ids.length / Math.max(1, tiers.ranking.length),
        )
      }),
    )
  })

  it('does not depend on input order', () => {
    fc.assert(
      fc.property(inputs, (list) => {
        expect(computeTiers([...list].reverse()).top20).toEqual(computeTiers(list).top20)
      }),
    )
  })
})
