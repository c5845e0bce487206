/**
 * Purchases kept in delivered columns read as the same purchases as a plain list: the models
 * computed from them (customer summaries, attention) give the same answers.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { packPurchases } from '../../../src/db/input-deliveries'
import { findAttention } from '../../../src/insights/attention'
import { rankImportance } from '../../../src/insights/importance'
import { summariseCustomers } from '../../../src/notebook/customer-summary'
import type { PurchaseFact } from '../../../src/notebook/customer-summary'
import {
  forEachPurchase,
  purchaseFacts,
  purchaseRowCount,
} from '../../../src/notebook/purchase-rows'
import type { PurchaseRows } from '../../../src/notebook/purchase-rows'
import { computeTiers } from '../../../src/value/tiers'
import { influenceOf } from '../insights/build'

const DAY = 86_400_000
const NOW = 1_000 * DAY

const purchase = fc.record({
  id: fc.uuid(),
  customerId: fc.constantFrom('c-1', 'c-2', 'Zoé-3', 'c-4'),
  at: fc.integer({ min: 0, max: NOW }),
  amount: fc.integer({ min: -5_000, max: 50_000 }),
  currency: fc.constantFrom('EUR', 'EUR', 'EUR', 'USD'),
})

const fact = ({ customerId, at, amount, currency }: PurchaseFact): PurchaseFact => ({
  customerId,
  at,
  amount,
  currency,
})

/** Some purchases one by one, the rest in blocks with some rows left out. */
const keptPurchases = fc
  .record({
    facts: fc.array(purchase, { maxLength: 8 }),
    blocks: fc.array(
      fc.array(fc.record({ purchase, leftOut: fc.boolean() }), { minLength: 1, maxLength: 12 }),
      { maxLength: 3 },
    ),
  })
  .map(({ facts, blocks }) => {
    const rows: PurchaseRows = {
      facts: facts.map(fact),
      blocks: blocks.map((block) => ({
        columns: packPurchases(block.map((row) => row.purchase)),
        leftOut: Uint8Array.from(block, (row) => (row.leftOut ? 1 : 0)),
      })),
    }
    const counted = [
      ...facts.map(fact),
      ...blocks.flatMap((block) =>
        block.filter((row) => !row.leftOut).map((row) => fact(row.purchase)),
      ),
    ]
    return { rows, counted }
  })

describe('purchase rows', () => {
  it('visit every purchase kept one by one or in a block, and none left out', () => {
    fc.assert(
      fc.property(keptPurchases, ({ rows, counted }) => {
        expect(purchaseFacts(rows)).toEqual(counted)
        let visits = 0
        forEachPurchase(rows, () => (visits += 1))
        expect(visits).toBe(counted.length)
        expect(purchaseRowCount(rows)).toBeGreaterThanOrEqual(counted.length)
      }),
    )
  })

  it('read as a block without a left-out mask, every row counts', () => {
    const purchases = [
      { id: 't-1', customerId: 'c-1', at: 5, amount: 100, currency: 'EUR' },
      { id: 't-2', customerId: 'c-2', at: 6, amount: 250, currency: 'GBP' },
    ]
    const rows: PurchaseRows = { facts: [], blocks: [{ columns: packPurchases(purchases) }] }
    expect(purchaseFacts(rows)).toEqual(purchases.map(fact))
    expect(purchaseRowCount(rows)).toBe(2)
  })

  it('give the same customer summaries and attention as the purchases listed', () => {
    const customers = ['c-1', 'c-2', 'Zoé-3', 'c-4', 'c-5'].map((id) => ({ id }))
    const importance = rankImportance({
      entities: customers.map(({ id }) => ({ id, kind: 'customer' as const })),
      influence: influenceOf({}),
      tiers: computeTiers(customers.map(({ id }) => ({ id, total: 0 }))),
    })
    fc.assert(
      fc.property(keptPurchases, ({ rows, counted }) => {
        expect(summariseCustomers(customers, [], rows, NOW)).toEqual(
          summariseCustomers(customers, [], counted, NOW),
        )
        const attention = (purchases: PurchaseRows | PurchaseFact[]) =>
          findAttention({
            customerIds: customers.map(({ id }) => id),
            notes: [],
            purchases,
            importance,
            now: NOW,
          })
        expect(attention(rows)).toEqual(attention(counted))
      }),
    )
  })
})
