import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeRfm, quintileScores, rfmGroup, RFM_GROUPS } from '../../../src/value/rfm'
import type { RfmInput, Score } from '../../../src/value/rfm'

const DAY = 86_400_000
const counts = (scores: readonly number[]) =>
  [1, 2, 3, 4, 5].map((s) => scores.filter((x) => x === s).length)

describe('quintileScores', () => {
  it('splits ten distinct values two per score', () => {
    expect(quintileScores([10, 1, 9, 2, 8, 3, 7, 4, 6, 5])).toEqual([5, 1, 5, 1, 4, 2, 4, 2, 3, 3])
  })

  it('gives equal values the lowest score of their block', () => {
    // sorted: 1 1 1 1 1 1 2 3 4 5 → the six 1s have none below → score 1
    expect(quintileScores([1, 1, 1, 1, 1, 1, 2, 3, 4, 5])).toEqual([1, 1, 1, 1, 1, 1, 4, 4, 5, 5])
    expect(quintileScores([7, 7, 7])).toEqual([1, 1, 1])
  })

  it('scores a lone value 1 and five values 1 to 5', () => {
    expect(quintileScores([42])).toEqual([1])
    expect(quintileScores([50, 40, 30, 20, 10])).toEqual([5, 4, 3, 2, 1])
  })

  const values = fc.array(fc.integer({ min: -1_000, max: 1_000 }), { minLength: 1, maxLength: 200 })

  it('always scores 1–5, equal values equally, higher values never lower', () => {
    fc.assert(
      fc.property(values, (input) => {
        const scores = quintileScores(input)
        expect(scores).toHaveLength(input.length)
        for (let i = 0; i < input.length; i++) {
          expect(scores[i]).toBeGreaterThanOrEqual(1)
          expect(scores[i]).toBeLessThanOrEqual(5)
          for (let j = 0; j < input.length; j++) {
            if (input[i]! === input[j]!) expect(scores[i]).toBe(scores[j])
            if (input[i]! > input[j]!) expect(scores[i]!).toBeGreaterThanOrEqual(scores[j]!)
          }
        }
      }),
    )
  })

  it('balances distinct values: each score holds n/5 give or take one', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer(), { minLength: 1, maxLength: 300 }), (input) => {
        for (const count of counts(quintileScores(input))) {
          expect(Math.abs(count - input.length / 5)).toBeLessThan(1)
        }
      }),
    )
  })

  it('does not depend on the order of the input', () => {
    fc.assert(
      fc.property(values, (input) => {
        const scores = quintileScores(input)
        const byValue = new Map(input.map((value, i) => [value, scores[i]]))
        const shuffled = [...input].reverse()
        quintileScores(shuffled).forEach((score, i) =>
          expect(score).toBe(byValue.get(shuffled[i]!)),
        )
      }),
    )
  })
})

describe('rfmGroup', () => {
  it('follows the R × F table', () => {
    expect(rfmGroup(5, 5)).toBe('champions')
    expect(rfmGroup(5, 4)).toBe('champions')
    expect(rfmGroup(4, 5)).toBe('loyal')
    expect(rfmGroup(3, 4)).toBe('loyal')
    expect(rfmGroup(5, 2)).toBe('potential-loyalists')
    expect(rfmGroup(5, 1)).toBe('new')
    expect(rfmGroup(4, 1)).toBe('promising')
    expect(rfmGroup(3, 3)).toBe('need-attention')
    expect(rfmGroup(3, 1)).toBe('about-to-sleep')
    expect(rfmGroup(2, 3)).toBe('at-risk')
    expect(rfmGroup(1, 5)).toBe('cannot-lose')
    expect(rfmGroup(2, 2)).toBe('hibernating')
    expect(rfmGroup(1, 1)).toBe('lost')
  })

  it('uses every group somewhere', () => {
    const seen = new Set<string>()
    for (const r of [1, 2, 3, 4, 5] as Score[])
      for (const f of [1, 2, 3, 4, 5] as Score[]) seen.add(rfmGroup(r, f))
    expect([...seen].sort()).toEqual([...RFM_GROUPS].sort())
  })
})

describe('computeRfm', () => {
  const now = 1_800_000_000_000
  const customer = (
    id: string,
    daysAgo: number,
    purchases: number,
    monetary: number,
  ): RfmInput => ({
    id,
    lastPurchaseAt: now - daysAgo * DAY,
    purchases,
    monetary,
  })

  it('scores five hand-made customers', () => {
    const rfm = computeRfm([
      customer('fan', 2, 40, 90_000),
      customer('regular', 10, 20, 40_000),
      customer('middle', 30, 8, 10_000),
      customer('fading', 200, 12, 20_000),
      customer('gone', 400, 1, 1_000),
      { id: 'never', lastPurchaseAt: 0, purchases: 0, monetary: 0 },
    ])
    expect(rfm.get('fan')).toEqual({ recency: 5, frequency: 5, monetary: 5, group: 'champions' })
    expect(rfm.get('regular')).toEqual({ recency: 4, frequency: 4, monetary: 4, group: 'loyal' })
    expect(rfm.get('middle')).toEqual({
      recency: 3,
      frequency: 2,
      monetary: 2,
      group: 'about-to-sleep',
    })
    expect(rfm.get('fading')).toEqual({ recency: 2, frequency: 3, monetary: 3, group: 'at-risk' })
    expect(rfm.get('gone')).toEqual({ recency: 1, frequency: 1, monetary: 1, group: 'lost' })
    expect(rfm.has('never')).toBe(false)
  })

  const population = fc.array(
    fc.record({
      id: fc.uuid(),
      lastPurchaseAt: fc.integer({ min: 0, max: 1_000 }),
      purchases: fc.integer({ min: 1, max: 30 }),
      monetary: fc.integer({ min: 1, max: 100_000 }),
    }),
    { minLength: 1, maxLength: 60 },
  )
  const distinct = population.map((inputs) =>
    inputs.filter((input, i) => inputs.findIndex((other) => other.id === input.id) === i),
  )

  it('gives an RFM to every buyer and to no one else', () => {
    fc.assert(
      fc.property(distinct, fc.array(fc.uuid(), { maxLength: 5 }), (buyers, idle) => {
        const rfm = computeRfm([
          ...buyers,
          ...idle.map((id) => ({ id: `idle-${id}`, lastPurchaseAt: 0, purchases: 0, monetary: 0 })),
        ])
        expect(rfm.size).toBe(buyers.length)
        for (const id of idle) expect(rfm.has(`idle-${id}`)).toBe(false)
      }),
    )
  })

  it('never lowers a customer’s monetary or frequency score when they buy again', () => {
    fc.assert(
      fc.property(
        distinct,
        fc.nat(),
        fc.integer({ min: 1, max: 50_000 }),
        (buyers, pick, amount) => {
          const who = buyers[pick % buyers.length]!
          const before = computeRfm(buyers).get(who.id)!
          const after = computeRfm(
            buyers.map((input) =>
              input.id === who.id
                ? {
                    ...input,
                    purchases: input.purchases + 1,
                    monetary: input.monetary + amount,
                    lastPurchaseAt: input.lastPurchaseAt + 1,
                  }
                : input,
            ),
          ).get(who.id)!
          expect(after.monetary).toBeGreaterThanOrEqual(before.monetary)
          expect(after.frequency).toBeGreaterThanOrEqual(before.frequency)
          expect(after.recency).toBeGreaterThanOrEqual(before.recency)
        },
      ),
    )
  })
})
