import { describe, expect, it } from 'vitest'
import { ModelInputCache, PAGE_SIZE, readModelInputs } from '../../../src/db/model-inputs'
import { createNotebookDb } from '../../../src/db/notebook-db'
import type { Note } from '../../../src/model/records'
import { purchaseFacts } from '../../../src/notebook/purchase-rows'
import { freshIndexedDb } from '../../helpers/fresh-idb'

describe('readModelInputs', () => {
  it('reads every record of every table, a page at a time', async () => {
    const db = createNotebookDb('model-inputs', freshIndexedDb())
    await db.open()
    const count = PAGE_SIZE * 2 + 7
    const stamps = { createdAt: 1, updatedAt: 1 }
    await db.transactions.bulkAdd(
      Array.from({ length: count }, (_, i) => ({
        id: `t-${String(i).padStart(6, '0')}`,
        customerId: 'c-1',
        at: i,
        amount: 100 + i,
        currency: 'EUR',
        items: [],
        ...stamps,
      })),
    )
    await db.entities.add({
      id: 'c-1',
      kind: 'customer',
      name: 'Zoé',
      tags: [],
      summary: '',
      ...stamps,
    })
    const inputs = await readModelInputs(db)
    expect(inputs.entities.map((entity) => entity.id)).toEqual(['c-1'])
    expect(inputs.ties).toEqual([])
    expect(inputs.notes).toEqual([])
    expect(inputs.purchases).toHaveLength(count)
    expect(new Set(inputs.purchases.map((purchase) => purchase.at)).size).toBe(count)
    expect(inputs.purchases[0]).toEqual({ customerId: 'c-1', at: 0, amount: 100, currency: 'EUR' })
    expect(inputs.purchases.reduce((sum, purchase) => sum + purchase.amount, 0)).toBe(
      count * 100 + (count * (count - 1)) / 2,
    )
    db.close()
  })
})

describe('ModelInputCache', () => {
  const stamps = { createdAt: 1, updatedAt: 1 }
  const note = (id: string, text: string, at: number): Note => ({
    id,
    text,
    about: ['c-1'],
    kind: 'conversation',
    touchpoint: 'shop',
    at,
    sentiment: 0,
    source: 'volunteered',
    tags: [],
    facets: [],
    ...stamps,
  })

  async function seeded() {
    const db = createNotebookDb(`model-cache-${String(Math.random())}`, freshIndexedDb())
    await db.open()
    await db.entities.add({
      id: 'c-1',
      kind: 'customer',
      name: 'Zoé',
      tags: [],
      summary: '',
      ...stamps,
    })
    await db.notes.bulkAdd([note('n-1', 'first', 10), note('n-2', 'second', 20)])
    await db.transactions.add({
      id: 't-1',
      customerId: 'c-1',
      at: 5,
      amount: 42,
      currency: 'EUR',
      items: [{ name: 'bread', quantity: 1 }],
      ...stamps,
    })
    return db
  }

  it('reads the notebook once, then follows the changes it is given without reading again', async () => {
    const db = await seeded()
    const cache = new ModelInputCache((kept) => ({ id: kept.id, at: kept.at }))
    await cache.load(db)
    expect(cache.inputs().notes).toEqual([
      { id: 'n-1', at: 10 },
      { id: 'n-2', at: 20 },
    ])
    expect(purchaseFacts(cache.inputs().purchases)).toEqual([
      { customerId: 'c-1', at: 5, amount: 42, currency: 'EUR' },
    ])

    // The database changes behind the cache's back: only what it is told of shows.
    await db.notes.delete('n-1')
    cache.apply([
      { table: 'notes', id: 'n-3', after: note('n-3', 'third', 30) },
      { table: 'notes', id: 'n-1' },
      {
        table: 'transactions',
        id: 't-1',
        after: { id: 't-1', customerId: 'c-1', at: 5, amount: 50, currency: 'EUR', items: [] },
      },
    ])
    expect(
      cache
        .inputs()
        .notes.map((kept) => kept.id)
        .sort(),
    ).toEqual(['n-2', 'n-3'])
    expect(purchaseFacts(cache.inputs().purchases)).toEqual([
      { customerId: 'c-1', at: 5, amount: 50, currency: 'EUR' },
    ])
    // Told twice, or told of what the reading already saw: nothing doubles.
    cache.apply([{ table: 'notes', id: 'n-3', after: note('n-3', 'third, edited', 31) }])
    expect(cache.inputs().notes).toHaveLength(2)
    expect(cache.inputs().notes.find((kept) => kept.id === 'n-3')).toEqual({ id: 'n-3', at: 31 })

    // Read again, it agrees with the database.
    await cache.load(db)
    expect(cache.inputs().notes.map((kept) => kept.id)).toEqual(['n-2'])
    db.close()
  })

  it('keeps the array of each table no change touched', async () => {
    const db = createNotebookDb('model-inputs-arrays', freshIndexedDb())
    await db.open()
    const cache = new ModelInputCache()
    await cache.load(db)
    const before = cache.inputs()
    cache.apply([{ table: 'notes', id: 'n-1', after: { id: 'n-1', about: [], at: 1 } }])
    const after = cache.inputs()
    expect(after.notes).not.toBe(before.notes)
    expect(after.notes).toHaveLength(1)
    expect(after.entities).toBe(before.entities)
    expect(after.ties).toBe(before.ties)
    expect(after.purchases).toBe(before.purchases)
    db.close()
  })

  it('refuses to give inputs it has not read', () => {
    const cache = new ModelInputCache()
    expect(cache.loaded).toBe(false)
    expect(() => cache.inputs()).toThrow(/before they were loaded/)
  })
})
