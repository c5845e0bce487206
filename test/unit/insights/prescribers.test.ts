import { describe, expect, it } from 'vitest'
import { findPrescribers } from '../../../src/insights/prescribers'
import { DAY, NOW, customer, influenceOf, person, product, tie } from './build'

describe('findPrescribers', () => {
  it('is empty for an empty notebook', () => {
    expect(findPrescribers({ entities: [], ties: [], influence: influenceOf({}) })).toEqual([])
  })

  it('counts referrals, prescriptions and recommendations of customers and of our products', () => {
    const entities = [
      person('doctor'),
      customer('ann'),
      customer('bob'),
      customer('cat'),
      person('friend'),
      product('loaf', 'ours'),
      product('rival', 'competitor'),
    ]
    const ties = [
      tie('doctor', 'prescribes', 'ann', { since: NOW - 10 * DAY }),
      tie('doctor', 'prescribes', 'bob', { since: NOW - 5 * DAY }),
      tie('doctor', 'recommends', 'loaf'),
      tie('cat', 'referred', 'ann', { since: NOW - 3 * DAY }),
      // Neither a customer nor one of ours: brings no one to us.
      tie('cat', 'recommends', 'friend'),
      tie('cat', 'recommends', 'rival'),
    ]
    const result = findPrescribers({
      entities,
      ties,
      influence: influenceOf({ doctor: 50, cat: 90 }),
    })
    expect(result.map((p) => p.id)).toEqual(['doctor', 'cat'])
    expect(result[0]).toEqual({
      id: 'doctor',
      customersInfluenced: 2,
      power: 50,
      influenced: [
        { id: 'bob', type: 'prescribes', at: NOW - 5 * DAY },
        { id: 'ann', type: 'prescribes', at: NOW - 10 * DAY },
        { id: 'loaf', type: 'recommends' },
      ],
    })
    expect(result[1]!.influenced).toEqual([{ id: 'ann', type: 'referred', at: NOW - 3 * DAY }])
  })

  it('ranks by distinct customers, then power, then id', () => {
    const entities = ['a', 'b', 'c', 'x', 'y'].map((id) => customer(id))
    const ties = [
      tie('a', 'referred', 'x'),
      tie('a', 'recommends', 'x'),
      tie('b', 'referred', 'x'),
      tie('c', 'referred', 'y'),
    ]
    const result = findPrescribers({ entities, ties, influence: influenceOf({ b: 10, c: 10 }) })
    // a: one customer (twice, two ways) and no power; b and c: one customer each, power 10.
    expect(result.map((p) => [p.id, p.customersInfluenced])).toEqual([
      ['b', 1],
      ['c', 1],
      ['a', 1],
    ])
    expect(result.find((p) => p.id === 'a')!.influenced.map((i) => i.type)).toEqual([
      'recommends',
      'referred',
    ])
  })

  it('treats the partner who influences others as a prescriber of the household', () => {
    const entities = [person('spouse'), customer('payer'), customer('neighbour'), person('quiet')]
    const ties = [
      tie('spouse', 'partner', 'payer', { since: NOW - 400 * DAY }),
      tie('spouse', 'recommends', 'neighbour'),
      // A partner with no influence tie is not a prescriber.
      tie('payer', 'family', 'quiet'),
    ]
    const result = findPrescribers({ entities, ties, influence: influenceOf({}) })
    expect(result).toHaveLength(1)
    expect(result[0]!.id).toBe('spouse')
    expect(result[0]!.customersInfluenced).toBe(2)
    expect(result[0]!.influenced).toContainEqual({
      id: 'payer',
      type: 'household',
      at: NOW - 400 * DAY,
    })
  })

  it('counts a shop entity as us when named, and ignores self-ties', () => {
    const entities = [person('blogger'), entity('shop')]
    const ties = [tie('blogger', 'recommends', 'shop'), tie('blogger', 'referred', 'blogger')]
    expect(findPrescribers({ entities, ties, influence: influenceOf({}) })).toEqual([])
    const result = findPrescribers({
      entities,
      ties,
      influence: influenceOf({}),
      shopIds: ['shop'],
    })
    expect(result[0]!.influenced).toEqual([{ id: 'shop', type: 'recommends' }])
    expect(result[0]!.customersInfluenced).toBe(0)
  })
})

function entity(id: string) {
  return { id, kind: 'organisation' as const }
}
