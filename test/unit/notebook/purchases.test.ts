import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { beforeEach, describe, expect, it } from 'vitest'
import { createNotebookDb } from '../../../src/db/notebook-db'
import type { NotebookDb } from '../../../src/db/notebook-db'
import { NotebookStore } from '../../../src/db/notebook-store'
import {
  decodeCsvBytes,
  detectPreset,
  parseCsvText,
  planPurchaseImport,
} from '../../../src/io/purchases-csv'
import type { CustomerKey } from '../../../src/io/purchases-csv'
import { createEntity } from '../../../src/notebook/entities'
import { addPurchase, applyPurchasePlan } from '../../../src/notebook/purchases'
import { freshIndexedDb } from '../../helpers/fresh-idb'

let db: NotebookDb
let store: NotebookStore

beforeEach(async () => {
  db = createNotebookDb('purchases', freshIndexedDb())
  await db.open()
  store = new NotebookStore(db)
})

const bytes = new Uint8Array(
  readFileSync(fileURLToPath(new URL('../../fixtures/csv/shopify-orders.csv', import.meta.url))),
)

async function planFromFile() {
  const customers = await db.entities.where('kind').equals('customer').toArray()
  const keys: CustomerKey[] = customers.map((c) => ({
    id: c.id,
    name: c.name,
    emails: c.contact?.emails ?? [],
    phones: c.contact?.phones ?? [],
  }))
  const refs = new Set(
    (await db.transactions.toArray()).flatMap((t) => (t.externalRef ? [t.externalRef] : [])),
  )
  const parsed = parseCsvText(decodeCsvBytes(bytes).text)
  if (!parsed.ok) throw new Error(parsed.reason)
  return planPurchaseImport(
    parsed.table,
    {
      mapping: detectPreset(parsed.table.headers).mapping,
      dateOrder: 'auto',
      defaultCurrency: 'EUR',
      createUnknownCustomers: true,
    },
    keys,
    refs,
  )
}

describe('applyPurchasePlan', () => {
  beforeEach(async () => {
    await store.write(async (writer) => {
      await createEntity(writer, {
        kind: 'customer',
        name: 'Mark Oliver',
        contact: { emails: ['mark.oliver@example.com'], phones: [] },
      })
      await createEntity(writer, { kind: 'customer', name: 'Isabel Gardner' })
    })
  })

  it('writes the plan once; importing the same file again adds nothing', async () => {
    const plan = await planFromFile()
    expect(plan.purchases).toHaveLength(3)
    const { result } = await store.write((writer) => applyPurchasePlan(writer, plan))
    expect(result).toEqual({ added: 3, customersCreated: 1 })
    expect(await db.transactions.count()).toBe(3)
    expect(await db.entities.where('kind').equals('customer').count()).toBe(3)

    const again = await planFromFile()
    expect(again.purchases).toEqual([])
    expect(again.alreadyImported).toBe(3)
    // Even a stale plan (made before the first import) adds nothing twice.
    const { result: stale } = await store.write((writer) => applyPurchasePlan(writer, plan))
    expect(stale.added).toBe(0)
    expect(await db.transactions.count()).toBe(3)
  })

  it('leaves the notebook as it was when a write fails part-way', async () => {
    const plan = await planFromFile()
    const broken = {
      ...plan,
      purchases: [
        ...plan.purchases,
        { ...plan.purchases[0]!, externalRef: 'order:bad', currency: 'euros' },
      ],
    }
    await expect(store.write((writer) => applyPurchasePlan(writer, broken))).rejects.toThrow()
    expect(await db.transactions.count()).toBe(0)
    expect(await db.entities.where('kind').equals('customer').count()).toBe(2)
  })

  it('adds a purchase by hand', async () => {
    const mark = (await db.entities.where('name').equals('Mark Oliver').first())!
    await store.write((writer) =>
      addPurchase(writer, { customerId: mark.id, at: 1_000, amount: 1250, currency: 'EUR' }),
    )
    expect(await db.transactions.where('customerId').equals(mark.id).count()).toBe(1)
  })
})
