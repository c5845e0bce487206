import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { joinIds, packPurchases } from '../../../src/db/input-deliveries'
import { PurchaseStore } from '../../../src/db/purchase-store'
import type { PurchaseFact } from '../../../src/notebook/customer-summary'
import { purchaseFacts } from '../../../src/notebook/purchase-rows'
import type { PurchaseRows } from '../../../src/notebook/purchase-rows'

type Purchase = PurchaseFact & { id: string }

const purchase = (id: string, amount: number): Purchase => ({
  id,
  customerId: `c-${String(amount % 3)}`,
  at: amount * 1000,
  amount,
  currency: 'EUR',
})

const sorted = (facts: readonly PurchaseFact[]) =>
  [...facts].sort((a, b) => a.at - b.at || a.amount - b.amount)
const factsOf = (purchases: readonly Purchase[]) =>
  purchases.map(({ customerId, at, amount, currency }) => ({ customerId, at, amount, currency }))

describe('PurchaseStore', () => {
  it('keeps a delivery as delivered, and its undo takes it all back', () => {
    const store = new PurchaseStore(new Map([['t-0', factsOf([purchase('t-0', 1)])[0]!]]))
    const imported = [purchase('t-1', 2), purchase('t-2', 3), purchase('t-3', 4)]
    store.putDelivered(packPurchases(imported))
    expect(sorted(purchaseFacts(store.rows()))).toEqual(
      sorted(factsOf([purchase('t-0', 1), ...imported])),
    )

    // One of them edited on its own, then the import undone: the edited one goes too.
    store.set('t-2', factsOf([purchase('t-2', 30)])[0]!)
    expect(sorted(purchaseFacts(store.rows()))).toEqual(
      sorted(factsOf([purchase('t-0', 1), imported[0]!, purchase('t-2', 30), imported[2]!])),
    )
    store.deleteDelivered(joinIds(imported))
    expect(purchaseFacts(store.rows())).toEqual(factsOf([purchase('t-0', 1)]))
  })

  it('writes a delivery whose purchases it already holds where they are, without doubling them', () => {
    const first = [purchase('t-1', 1), purchase('t-2', 2)]
    // A reading that already saw the import's purchases, then the delivery itself.
    const store = new PurchaseStore(new Map(first.map(({ id, ...fact }) => [id, fact])))
    store.putDelivered(packPurchases(first))
    expect(sorted(purchaseFacts(store.rows()))).toEqual(sorted(factsOf(first)))
    // The same delivery twice.
    const second = [purchase('t-3', 3)]
    store.putDelivered(packPurchases(second))
    store.putDelivered(packPurchases(second))
    expect(sorted(purchaseFacts(store.rows()))).toEqual(sorted(factsOf([...first, ...second])))
  })

  it('agrees with a map of purchases by id after any sequence of writes, deletions and deliveries', () => {
    const id = fc.integer({ min: 0, max: 30 }).map((n) => `t-${String(n)}`)
    const operation = fc.oneof(
      fc.record({ type: fc.constant('set' as const), id, amount: fc.integer({ max: 999 }) }),
      fc.record({ type: fc.constant('delete' as const), id }),
      fc.record({
        type: fc.constant('put' as const),
        ids: fc.uniqueArray(id, { maxLength: 12 }),
        amount: fc.integer({ max: 999 }),
      }),
      // The undo of an earlier delivery (by its place among the puts), or deletions of any ids.
      fc.record({ type: fc.constant('undo' as const), put: fc.nat() }),
      fc.record({ type: fc.constant('deleteMany' as const), ids: fc.uniqueArray(id) }),
    )
    fc.assert(
      fc.property(fc.array(id, { maxLength: 10 }), fc.array(operation), (loaded, operations) => {
        const reference = new Map(loaded.map((key, n) => [key, factsOf([purchase(key, n)])[0]!]))
        const store = new PurchaseStore(new Map(reference))
        const puts: Purchase[][] = []
        let earlier: { rows: PurchaseRows; facts: PurchaseFact[] } | undefined
        for (const step of operations) {
          switch (step.type) {
            case 'set': {
              const fact = factsOf([purchase(step.id, step.amount)])[0]!
              store.set(step.id, fact)
              reference.set(step.id, fact)
              break
            }
            case 'delete':
              store.delete(step.id)
              reference.delete(step.id)
              break
            case 'put': {
              const purchases = step.ids.map((key, n) => purchase(key, step.amount + n))
              puts.push(purchases)
              store.putDelivered(packPurchases(purchases))
              for (const { id: key, ...fact } of purchases) reference.set(key, fact)
              break
            }
            case 'undo': {
              const purchases = puts[step.put % Math.max(1, puts.length)] ?? []
              store.deleteDelivered(joinIds(purchases))
              for (const { id: key } of purchases) reference.delete(key)
              break
            }
            case 'deleteMany':
              store.deleteDelivered(step.ids.join('\n'))
              for (const key of step.ids) reference.delete(key)
              break
          }
          // The rows handed out before this step read as they did then.
          if (earlier) expect(sorted(purchaseFacts(earlier.rows))).toEqual(earlier.facts)
          const facts = sorted([...reference.values()])
          const rows = store.rows()
          expect(sorted(purchaseFacts(rows))).toEqual(facts)
          earlier = { rows, facts }
        }
      }),
    )
  })
})
