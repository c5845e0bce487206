import { describe, expect, it } from 'vitest'
import {
  effectiveStage,
  formatMoney,
  summariseCustomers,
} from '../../../src/notebook/customer-summary'

const DAY = 24 * 60 * 60 * 1000
const now = 1_800_000_000_000

describe('summariseCustomers', () => {
  it('computes last contact, value and stage for each customer in one pass', () => {
    const summaries = summariseCustomers(
      [
        { id: 'a', stage: 'known' },
        { id: 'b', stage: 'known', stageOverride: { stage: 'engaged', reason: 'x', at: 1 } },
        { id: 'c' },
      ],
      [
        { entityId: 'a', at: now - 10 * DAY },
        { entityId: 'a', at: now - 2 * DAY },
        { entityId: 'b', at: now - 400 * DAY },
        { entityId: 'someone-else', at: now },
      ],
      [
        { customerId: 'a', at: now - 5 * DAY, amount: 1000, currency: 'EUR' },
        { customerId: 'a', at: now - 500 * DAY, amount: 3000, currency: 'EUR' },
        { customerId: 'a', at: now - 50 * DAY, amount: -500, currency: 'EUR' },
        { customerId: 'b', at: now - 1 * DAY, amount: 250, currency: 'EUR' },
      ],
      now,
    )
    const a = summaries.get('a')
    expect(a?.lastContactAt).toBe(now - 2 * DAY)
    expect(a?.stage).toBe('known')
    expect(a?.value).toEqual({
      currency: 'EUR',
      total: 3500,
      last12Months: 500,
      purchases: 3,
      lastPurchaseAt: now - 5 * DAY,
      averageBasket: 1167,
      hasOtherCurrencies: false,
    })
    const b = summaries.get('b')
    expect(b?.stage).toBe('engaged')
    expect(b?.lastContactAt).toBe(now - 1 * DAY)
    const c = summaries.get('c')
    expect(c?.lastContactAt).toBeUndefined()
    expect(c?.stage).toBeUndefined()
    expect(c?.value.purchases).toBe(0)
    expect(c?.value.averageBasket).toBe(0)
    expect(summaries.has('someone-else')).toBe(false)
  })

  it('sums the main currency and flags the others', () => {
    const summary = summariseCustomers(
      [{ id: 'a' }],
      [],
      [
        { customerId: 'a', at: 1, amount: 100, currency: 'GBP' },
        { customerId: 'a', at: 2, amount: 200, currency: 'EUR' },
        { customerId: 'a', at: 3, amount: 300, currency: 'EUR' },
      ],
      now,
    ).get('a')
    expect(summary?.value.currency).toBe('EUR')
    expect(summary?.value.total).toBe(500)
    expect(summary?.value.hasOtherCurrencies).toBe(true)
    expect(summary?.lastContactAt).toBe(3)
  })
})

describe('effectiveStage', () => {
  it('prefers the override', () => {
    expect(effectiveStage({ stage: 'known' })).toBe('known')
    expect(
      effectiveStage({ stage: 'known', stageOverride: { stage: 'attended', reason: '', at: 0 } }),
    ).toBe('attended')
  })
})

describe('formatMoney', () => {
  it('formats minor units in the locale', () => {
    expect(formatMoney(123456, 'EUR', 'en')).toBe('€1,234.56')
    expect(formatMoney(1250, 'EUR', 'fr').replace(/\s/g, ' ')).toBe('12,50 €')
    expect(formatMoney(500, 'JPY', 'en')).toBe('¥500')
  })
})
