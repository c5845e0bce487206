/**
 * What a bulk write hands to the model workers: purchases packed in columns come back as they
 * were, and the inbox gives each delivery once, waiting a little for one not yet arrived.
 */
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import {
  DeliveryInbox,
  makeDelivery,
  packPurchases,
  splitIds,
} from '../../../src/db/input-deliveries'
import type { PurchaseFact } from '../../../src/notebook/customer-summary'
import { purchaseFacts } from '../../../src/notebook/purchase-rows'

const purchase = fc.record({
  id: fc.uuid(),
  customerId: fc.constantFrom('c-1', 'c-2', 'Zoé-3', 'c-4'),
  at: fc.integer({ min: 0, max: 2 ** 45 }),
  amount: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  currency: fc.constantFrom('EUR', 'USD', 'GBP'),
})

function unpack(purchases: ReturnType<typeof packPurchases>) {
  const rows: (PurchaseFact & { id: string })[] = []
  const ids = splitIds(purchases.ids)
  const facts = purchaseFacts({ facts: [], blocks: [{ columns: purchases }] })
  facts.forEach((fact, row) => rows.push({ id: ids[row]!, ...fact }))
  return rows
}

describe('purchase columns', () => {
  it('give back every purchase as it was, in order', () => {
    fc.assert(
      fc.property(fc.array(purchase, { maxLength: 60 }), (purchases) => {
        expect(unpack(packPurchases(purchases))).toEqual(purchases)
      }),
    )
  })

  it('store each customer and currency once', () => {
    const columns = packPurchases([
      { id: 'p-1', customerId: 'c-1', at: 1, amount: 10, currency: 'EUR' },
      { id: 'p-2', customerId: 'c-1', at: 2, amount: 12.5, currency: 'EUR' },
      { id: 'p-3', customerId: 'c-2', at: 3, amount: 7, currency: 'USD' },
    ])
    expect(columns.customers).toEqual(['c-1', 'c-2'])
    expect(columns.currencies).toEqual(['EUR', 'USD'])
    expect([...columns.amount]).toEqual([10, 12.5, 7])
  })

  it('survive the copy between threads', () => {
    const delivery = makeDelivery('d-1', 'put', {
      entities: [],
      purchases: [{ id: 'p-1', customerId: 'c-1', at: 5, amount: 3.25, currency: 'EUR' }],
    })
    expect(unpack(structuredClone(delivery).purchases)).toEqual([
      { id: 'p-1', customerId: 'c-1', at: 5, amount: 3.25, currency: 'EUR' },
    ])
  })

  it('name only the ids of what a deletion removed', () => {
    const delivery = makeDelivery('d-2', 'delete', {
      entities: [{ id: 'c-9' } as never],
      purchases: [{ id: 'p-1', customerId: 'c-1', at: 5, amount: 3, currency: 'EUR' }],
    })
    expect(splitIds(delivery.deletedPurchases)).toEqual(['p-1'])
    expect(splitIds(delivery.deletedEntities)).toEqual(['c-9'])
    expect(unpack(delivery.purchases)).toEqual([])
  })
})

describe('DeliveryInbox', () => {
  const delivery = (id: string) => makeDelivery(id, 'put', { entities: [], purchases: [] })

  it('gives a delivery once, then says it was applied', async () => {
    const inbox = new DeliveryInbox(0)
    inbox.receive(delivery('d-1'))
    expect(await inbox.take('d-1')).toMatchObject({ id: 'd-1' })
    expect(await inbox.take('d-1')).toBe('applied')
  })

  it('waits for a delivery that arrives after the request naming it', async () => {
    const inbox = new DeliveryInbox(5_000)
    const taking = inbox.take('d-1')
    setTimeout(() => inbox.receive(delivery('d-1')), 10)
    expect(await taking).toMatchObject({ id: 'd-1' })
  })

  it('waits longer for a delivery announced but still on its way', async () => {
    const inbox = new DeliveryInbox(10, 5_000)
    inbox.announce('d-1')
    const taking = inbox.take('d-1')
    setTimeout(() => inbox.receive(delivery('d-1')), 50)
    expect(await taking).toMatchObject({ id: 'd-1' })
  })

  it('waits longer once the announcement comes, even after the request', async () => {
    const inbox = new DeliveryInbox(30, 5_000)
    const taking = inbox.take('d-1')
    setTimeout(() => inbox.announce('d-1'), 5)
    setTimeout(() => inbox.receive(delivery('d-1')), 80)
    expect(await taking).toMatchObject({ id: 'd-1' })
  })

  it('gives up on an announced delivery that never comes', async () => {
    const inbox = new DeliveryInbox(10, 30)
    inbox.announce('d-1')
    expect(await inbox.take('d-1')).toBe('missing')
  })

  it('can be waited for without being taken', async () => {
    const inbox = new DeliveryInbox(5_000)
    const arriving = inbox.arrival('d-1')
    setTimeout(() => inbox.receive(delivery('d-1')), 10)
    await arriving
    expect(await inbox.take('d-1')).toMatchObject({ id: 'd-1' })
  })

  it('waits once for a delivery that never comes, however often it is looked for', async () => {
    vi.useFakeTimers()
    const inbox = new DeliveryInbox(100)
    let answer: string | undefined
    void (async () => {
      await inbox.arrival('lost')
      answer = (await inbox.take('lost')) as string
    })()
    // One wait of 100 ms, not two.
    await vi.advanceTimersByTimeAsync(100)
    vi.useRealTimers()
    expect(answer).toBe('missing')
    // Should it come after all, it is taken.
    inbox.receive(delivery('lost'))
    expect(await inbox.take('lost')).toMatchObject({ id: 'lost' })
  })

  it('says a delivery that never came is missing, and keeps only the latest few', async () => {
    const inbox = new DeliveryInbox(20)
    for (const id of ['d-1', 'd-2', 'd-3', 'd-4', 'd-5']) inbox.receive(delivery(id))
    expect(await inbox.take('d-1')).toBe('missing')
    expect(await inbox.take('d-5')).toMatchObject({ id: 'd-5' })
    expect(await inbox.take('never')).toBe('missing')
  })
})
