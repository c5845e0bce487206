import { describe, expect, it } from 'vitest'
import { findBesides, isRisingTrend } from '../../../src/insights/besides'
import { MONTH_MS } from '../../../src/insights/time'
import { DAY, NOW, customer, note, place, product, tie } from './build'

describe('findBesides', () => {
  it('has twelve empty months and empty groups for an empty notebook', () => {
    const besides = findBesides({ entities: [], ties: [], notes: [], now: NOW })
    expect(besides.monthStarts).toHaveLength(12)
    expect(besides.monthStarts.at(-1)).toBeCloseTo(NOW - MONTH_MS)
    expect(besides.groups).toEqual({
      competitor: [],
      substitute: [],
      complement: [],
      unclassified: [],
      place: [],
    })
  })

  it('counts customers through use ties, places and notes, stopped ones against', () => {
    const entities = [
      customer('ann'),
      customer('bob'),
      customer('cat'),
      product('chain', 'competitor'),
      product('machine', 'substitute'),
      product('jam', 'complement'),
      product('loaf', 'ours'),
      product('thing', undefined),
      place('market'),
    ]
    const ties = [
      tie('ann', 'uses', 'chain', { since: NOW - 10 * DAY }),
      tie('bob', 'wants', 'chain', { since: NOW - 20 * DAY }),
      tie('cat', 'stopped-using', 'machine', { since: NOW - 5 * DAY }),
      tie('cat', 'owns', 'machine', { since: NOW - 300 * DAY }),
      tie('ann', 'frequents', 'market', { createdAt: NOW - 40 * DAY }),
      tie('ann', 'uses', 'loaf'),
      // Ties between non-customers say nothing about customers.
      tie('chain', 'competes-with', 'loaf'),
    ]
    const notes = [
      note(NOW - DAY, { id: 'n1', about: ['cat', 'chain'] }),
      note(NOW - 2 * DAY, { id: 'n2', about: ['jam'] }),
      note(NOW - 3 * DAY, { id: 'n3', about: ['bob', 'thing', 'jam'] }),
    ]
    const { groups } = findBesides({ entities, ties, notes, now: NOW })
    expect(groups.competitor).toHaveLength(1)
    expect(groups.competitor[0]).toMatchObject({
      id: 'chain',
      customerIds: ['ann', 'bob', 'cat'],
      stoppedCustomerIds: [],
      net: 3,
      noteIds: ['n1'],
    })
    expect(groups.substitute[0]).toMatchObject({
      id: 'machine',
      customerIds: [],
      stoppedCustomerIds: ['cat'],
      net: -1,
    })
    expect(groups.complement[0]).toMatchObject({ id: 'jam', customerIds: ['bob'], noteIds: ['n3'] })
    expect(groups.unclassified.map((item) => item.id)).toEqual(['thing'])
    expect(groups.place[0]).toMatchObject({ id: 'market', customerIds: ['ann'] })
    // Ours are left out.
    const all = Object.values(groups).flat()
    expect(all.map((item) => item.id)).not.toContain('loaf')
    // The chain: three pieces of evidence in the newest month (two ties, one note).
    expect(groups.competitor[0]!.monthly.at(-1)).toBe(3)
    expect(groups.competitor[0]!.isRising).toBe(true)
    // The machine: +1 ten months ago, −1 this month.
    expect(groups.substitute[0]!.monthly.at(-1)).toBe(-1)
  })

  it('calls rising a last quarter at least 2 and 1.5× the monthly mean of the 9 before', () => {
    const months = (earlier: number[], recent: number[]) => [...earlier, ...recent]
    expect(isRisingTrend(months(new Array<number>(9).fill(0), [0, 0, 1]))).toBe(false)
    expect(isRisingTrend(months(new Array<number>(9).fill(0), [0, 1, 1]))).toBe(true)
    // 9 before → 1 a month; recent 4 → 1.33 a month < 1.5.
    expect(isRisingTrend(months(new Array<number>(9).fill(1), [1, 1, 2]))).toBe(false)
    expect(isRisingTrend(months(new Array<number>(9).fill(1), [1, 2, 2]))).toBe(true)
    // A falling past counts as zero.
    expect(isRisingTrend(months([-5, 0, 0, 0, 0, 0, 0, 0, 0], [0, 1, 1]))).toBe(true)
  })
})
