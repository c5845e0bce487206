/**
 * The records the whole-notebook models (value, insights) are computed from.
 *
 * Read a page at a time, each page its own short read: IndexedDB makes a write wait for every
 * read that started before it on the same tables, so one read of 500,000 purchases would hold a
 * note being saved for seconds. Pages are not one snapshot across tables; a write landing
 * between two pages is also a change the models are computed again for.
 */
import type { Entity, Note, Tie, Transaction } from '../model/records'
import type { PurchaseFact } from '../notebook/customer-summary'
import type { NotebookDb } from './notebook-db'

export interface ModelInputs {
  entities: Entity[]
  ties: Tie[]
  notes: Note[]
  /** Only what the models read of a purchase: its items and references stay in the database. */
  purchases: PurchaseFact[]
}

/** Records per read: some tens of milliseconds of IndexedDB each, a wait a save can afford. */
export const PAGE_SIZE = 20_000

async function readPaged<T extends { id: string }, R = T>(
  db: NotebookDb,
  name: string,
  keep: (record: T) => R = (record) => record as unknown as R,
): Promise<R[]> {
  const table = db.table<T, string>(name)
  const all: R[] = []
  let after: string | undefined
  for (;;) {
    const page = await (
      after === undefined ? table.orderBy(':id') : table.where(':id').above(after)
    )
      .limit(PAGE_SIZE)
      .toArray()
    for (const record of page) all.push(keep(record))
    if (page.length < PAGE_SIZE) return all
    after = page[page.length - 1]!.id
  }
}

export async function readModelInputs(db: NotebookDb): Promise<ModelInputs> {
  const entities = await readPaged<Entity>(db, 'entities')
  const ties = await readPaged<Tie>(db, 'ties')
  const notes = await readPaged<Note>(db, 'notes')
  const purchases = await readPaged<Transaction, PurchaseFact>(
    db,
    'transactions',
    ({ customerId, at, amount, currency }) => ({ customerId, at, amount, currency }),
  )
  return { entities, ties, notes, purchases }
}
