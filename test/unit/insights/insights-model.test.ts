import { describe, expect, it } from 'vitest'
import type { CommunityModel } from '../../../src/graph/influence-types'
import { computeInsights } from '../../../src/insights/insights-model'
import { computeValueModel } from '../../../src/value/value-model'
import { DAY, NOW, customer, influenceOf, note, person, product, tie } from './build'

const noCommunities: CommunityModel = { communities: [], byEntity: {}, modularity: 0 }

/** Whether a value is only plain data: no Map, Set, class instance or function anywhere. */
function isPlain(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return typeof value !== 'function'
  if (Array.isArray(value)) return value.every(isPlain)
  if (Object.getPrototypeOf(value) !== Object.prototype) return false
  return Object.values(value).every(isPlain)
}

describe('computeInsights', () => {
  it('computes an empty notebook to empty lists', () => {
    const value = computeValueModel({ entities: [], ties: [], notes: [], purchases: [], now: NOW })
    const insights = computeInsights({
      entities: [],
      ties: [],
      notes: [],
      purchases: [],
      now: NOW,
      influence: influenceOf({}),
      communities: noCommunities,
      value,
    })
    expect(insights.prescribers).toEqual([])
    expect(insights.voices.ambassadors).toEqual([])
    expect(insights.themes.themes).toEqual([])
    expect(insights.attention.customers).toEqual([])
    expect(insights.gaps.customers).toEqual([])
    expect(insights.influentialMinPower).toBeNull()
    expect(isPlain(insights)).toBe(true)
  })

  it('gathers every kernel into plain data, with the communities of those it names', () => {
    const entities = [
      person('doc'),
      customer('ann'),
      customer('bob'),
      customer('cat'),
      product('loaf', 'ours'),
      product('chain', 'competitor'),
    ]
    const ties = [
      tie('doc', 'prescribes', 'ann'),
      tie('doc', 'prescribes', 'bob'),
      tie('bob', 'uses', 'chain', { since: NOW - 3 * DAY }),
    ]
    const notes = [
      note(NOW - 2 * DAY, {
        about: ['doc'],
        sentiment: 2,
        text: 'Sends patients #glutenfree',
        tags: ['glutenfree'],
      }),
      note(NOW - 60 * DAY, { about: ['ann'], followUp: { due: NOW - DAY }, kind: 'question' }),
    ]
    const purchases = [
      { customerId: 'ann', at: NOW - 90 * DAY, amount: 5_000, currency: 'EUR' },
      { customerId: 'cat', at: NOW - DAY, amount: 100, currency: 'EUR' },
    ]
    const value = computeValueModel({ entities, ties, notes, purchases, now: NOW })
    const insights = computeInsights({
      entities,
      ties,
      notes,
      purchases,
      now: NOW,
      influence: influenceOf({ doc: 90, ann: 40, bob: 30 }),
      communities: {
        communities: [{ id: 'community-1', name: 'doc', leaderId: 'doc', memberIds: ['doc'] }],
        byEntity: { doc: 'community-1', loaf: 'community-1' },
        modularity: 0.1,
      },
      value,
    })
    expect(insights.now).toBe(NOW)
    expect(insights.prescribers.map((p) => p.id)).toEqual(['doc'])
    expect(insights.voices.ambassadors.map((v) => v.id)).toEqual(['doc'])
    expect(insights.besides.groups.competitor.map((item) => item.id)).toEqual(['chain'])
    expect(insights.themes.themes.map((t) => t.id)).toContain('tag:glutenfree')
    expect(insights.attention.customers.map((c) => c.id)).toEqual(['ann'])
    expect(insights.attention.followUps).toHaveLength(1)
    expect(insights.gaps.customers.map((c) => c.id)).toContain('ann')
    expect(insights.communityOf).toEqual({ doc: 'community-1' })
    expect(isPlain(insights)).toBe(true)
    expect(structuredClone(insights)).toEqual(insights)
  })
})
