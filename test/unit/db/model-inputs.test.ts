import { describe, expect, it } from 'vitest'
import { PAGE_SIZE, readModelInputs } from '../../../src/db/model-inputs'
import { createNotebookDb } from '../../../src/db/notebook-db'
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
