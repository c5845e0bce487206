import { beforeEach, describe, expect, it } from 'vitest'
import { createNotebookDb } from '../../../src/db/notebook-db'
import type { NotebookDb } from '../../../src/db/notebook-db'
import { NotebookStore } from '../../../src/db/notebook-store'
import type { ImportPlan, PlannedPurchase } from '../../../src/io/purchases-csv'
import {
  chunked,
  deleteWrittenImport,
  ImportCancelledError,
  restoreWrittenImport,
  writePurchasePlan,
} from '../../../src/notebook/bulk-purchases'
import { createEntity } from '../../../src/notebook/entities'
import { addPurchase } from '../../../src/notebook/purchases'
import type { Transaction } from '../../../src/model/records'
import { freshIndexedDb } from '../../helpers/fresh-idb'

let db: NotebookDb
let customerId: string

beforeEach(async () => {
  db = createNotebookDb('bulk', freshIndexedDb())
  await db.open()
  const store = new NotebookStore(db, () => 1_000)
  await store.write(async (writer) => {
    const customer = await createEntity(writer, { kind: 'customer', name: 'Zoé Fabre' })
    customerId = customer.id
    // One purchase there before the import, which nothing below may touch.
    await addPurchase(writer, { customerId, at: 5, amount: 100, currency: 'EUR' })
  })
})

function planned(count: number, extra: Partial<PlannedPurchase> = {}): PlannedPurchase[] {
  return Array.from({ length: count }, (_, i) => ({
    row: i + 2,
    externalRef: `order:${String(i)}`,
    at: 1_700_000_000_000 + i,
    amount: 1_000 + i,
    currency: 'EUR',
    items: [{ name: 'Rye loaf', quantity: 1 }],
    channel: 'web',
    customerId,
    newCustomerKey: undefined,
    match: 'email' as const,
    customerLabel: 'Zoé Fabre',
    ...extra,
  }))
}

const plan = (purchases: PlannedPurchase[]): Pick<ImportPlan, 'purchases' | 'newCustomers'> => ({
  purchases,
  newCustomers: [],
})

const sorted = (records: Transaction[]) => [...records].sort((a, b) => a.id.localeCompare(b.id))

describe('chunked', () => {
  it('cuts a list into consecutive slices, the last one shorter', () => {
    expect(chunked([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]])
    expect(chunked([1, 2, 3, 4], 2)).toEqual([
      [1, 2],
      [3, 4],
    ])
    expect(chunked([], 3)).toEqual([])
    expect(() => chunked([1], 0)).toThrow(RangeError)
  })
})

describe('writePurchasePlan', () => {
  it('writes every purchase in chunks, validated and stamped, and reports progress', async () => {
    const progress: number[] = []
    const written = await writePurchasePlan(db, plan(planned(25)), {
      chunkSize: 10,
      now: 42,
      onProgress: (done) => progress.push(done),
    })
    expect(progress).toEqual([10, 20, 25])
    expect(written.purchases).toHaveLength(25)
    expect(await db.transactions.count()).toBe(26)
    const stored = await db.transactions.where('externalRef').equals('order:3').first()
    expect(stored).toMatchObject({ amount: 1_003, createdAt: 42, updatedAt: 42, channel: 'web' })
  })

  it('writes the purchases in the order of their ids, whatever the order of the file', async () => {
    const written = await writePurchasePlan(db, plan(planned(40)), { chunkSize: 7 })
    const ids = written.purchases.map((purchase) => purchase.id)
    expect(ids).toHaveLength(40)
    expect(ids).toEqual([...ids].sort())
    // The file's order was not already the ids' order.
    const byRow = [...written.purchases].sort((a, b) =>
      a.externalRef!.localeCompare(b.externalRef!, 'en', { numeric: true }),
    )
    expect(byRow.map((purchase) => purchase.id)).not.toEqual(ids)
  })

  it('adds nothing twice when the same plan is written again', async () => {
    await writePurchasePlan(db, plan(planned(12)), { chunkSize: 5 })
    const again = await writePurchasePlan(db, plan(planned(12)), { chunkSize: 5 })
    expect(again.purchases).toEqual([])
    expect(await db.transactions.count()).toBe(13)
  })

  it('leaves the purchases exactly as before when a chunk fails part-way', async () => {
    const before = sorted(await db.transactions.toArray())
    await expect(
      writePurchasePlan(db, plan(planned(50)), {
        chunkSize: 10,
        beforeChunk: (index) => {
          if (index === 2) throw new Error('disk full')
        },
      }),
    ).rejects.toThrow('disk full')
    expect(sorted(await db.transactions.toArray())).toEqual(before)
  })

  it('leaves the purchases as before when a record is invalid in the third chunk', async () => {
    const before = sorted(await db.transactions.toArray())
    const purchases = planned(30)
    purchases[25] = { ...purchases[25]!, currency: 'euros' }
    await expect(writePurchasePlan(db, plan(purchases), { chunkSize: 10 })).rejects.toThrow(
      /Invalid transactions record/,
    )
    expect(sorted(await db.transactions.toArray())).toEqual(before)
  })

  it('writes nothing when cancelled part-way, new customers included', async () => {
    const before = sorted(await db.transactions.toArray())
    const entities = await db.entities.count()
    let chunks = 0
    await expect(
      writePurchasePlan(
        db,
        {
          purchases: planned(30, {
            customerId: undefined,
            newCustomerKey: 'email:ana@example.com',
            match: 'created',
          }),
          newCustomers: [
            {
              key: 'email:ana@example.com',
              name: 'Ana',
              email: 'ana@example.com',
              phone: undefined,
            },
          ],
        },
        { chunkSize: 10, onProgress: () => (chunks += 1), isCancelled: () => chunks >= 2 },
      ),
    ).rejects.toBeInstanceOf(ImportCancelledError)
    expect(sorted(await db.transactions.toArray())).toEqual(before)
    expect(await db.entities.count()).toBe(entities)
  })

  it('creates each unknown customer once and links its purchases to it', async () => {
    const written = await writePurchasePlan(db, {
      purchases: planned(3, {
        customerId: undefined,
        newCustomerKey: 'email:ana@example.com',
        match: 'created',
      }),
      newCustomers: [
        { key: 'email:ana@example.com', name: ' Ana ', email: 'ana@example.com', phone: undefined },
      ],
    })
    expect(written.customers).toHaveLength(1)
    const [ana] = written.customers
    expect(ana).toMatchObject({ kind: 'customer', name: 'Ana', tags: [], summary: '' })
    expect(written.purchases.every((purchase) => purchase.customerId === ana!.id)).toBe(true)
    expect(await db.entities.get(ana!.id)).toEqual(ana)
  })
})

describe('undo and redo of a bulk import', () => {
  it('deletes exactly the imported records, then puts them back as written', async () => {
    const before = sorted(await db.transactions.toArray())
    const written = await writePurchasePlan(db, plan(planned(23)), { chunkSize: 10 })
    const after = sorted(await db.transactions.toArray())
    await deleteWrittenImport(db, written, { chunkSize: 10 })
    expect(sorted(await db.transactions.toArray())).toEqual(before)
    await restoreWrittenImport(db, written, { chunkSize: 10 })
    expect(sorted(await db.transactions.toArray())).toEqual(after)
  })
})
