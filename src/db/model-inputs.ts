/**
 * The records the whole-notebook models (value, insights) are computed from.
 *
 * Read a page at a time, each page its own short read: IndexedDB makes a write wait for every
 * read that started before it on the same tables, so one read of 500,000 purchases would hold a
 * note being saved for seconds. Pages are not one snapshot across tables; a write landing
 * between two pages is also a change the models are computed again for.
 */
import type { Entity, Note, Tie, Transaction } from '../model/records'
import { splitIds } from './input-deliveries'
import type { InputDelivery } from './input-deliveries'
import type { PurchaseFact } from '../notebook/customer-summary'
import type { Purchases } from '../notebook/purchase-rows'
import type { NotebookDb } from './notebook-db'
import { PurchaseStore } from './purchase-store'

export interface ModelInputs {
  entities: Entity[]
  ties: Tie[]
  notes: Note[]
  /** Only what the models read of a purchase: its items and references stay in the database. */
  purchases: Purchases
}

/**
 * Records per read: a note saved, or the notes a search shows, wait for the models' read under
 * way. A page of 20,000 notes takes tens of milliseconds to read at ten years' size. With 5,000,
 * a search typed while the models read the notebook still waited up to 55–70 ms for the texts
 * of the notes it showed; with 2,000 its p95 fell from 35 to 16 ms, for a few more reads in all.
 */
export const PAGE_SIZE = 2_000

/** Every record of a table, a page at a time; `keep` picks what is kept of each. */
export async function readPaged<T extends { id: string }, R = T>(
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

export async function readModelInputs(
  db: NotebookDb,
): Promise<ModelInputs & { purchases: PurchaseFact[] }> {
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

/** The tables the models read, as change sets name them. */
const INPUT_TABLES = ['entities', 'ties', 'notes', 'transactions'] as const
export type InputTable = (typeof INPUT_TABLES)[number]

export function isInputTable(table: string): table is InputTable {
  return (INPUT_TABLES as readonly string[]).includes(table)
}

/** One record of a model input written or deleted (`after` undefined) since the last reading. */
export interface InputChange {
  table: InputTable
  id: string
  after?: unknown
}

/** What a model keeps of a note (the value model needs no note text). */
export type KeepNote<N> = (note: Note) => N

const slimPurchase = ({ customerId, at, amount, currency }: Transaction): PurchaseFact => ({
  customerId,
  at,
  amount,
  currency,
})

/**
 * A model worker's copy of its inputs, read once and then kept current from the change sets the
 * page forwards, so computing again after a note is saved reads nothing: no read of the whole
 * notebook holds the next save back, and the records are not read twice.
 *
 * Applying a change is an upsert or a delete by id, so applying one the first reading already saw
 * changes nothing: the page can forward changes that happened while the reading was running.
 */
export class ModelInputCache<N = Note> {
  private tables:
    | {
        entities: Map<string, Entity>
        ties: Map<string, Tie>
        notes: Map<string, N>
        transactions: PurchaseStore
      }
    | undefined
  /**
   * Each table's records as an array (the purchases as `PurchaseRows`), kept until that table
   * changes: a model can tell from an array being the same that nothing in it changed (the
   * social graph is not computed again after a note is saved).
   */
  private arrays: {
    entities?: Entity[]
    ties?: Tie[]
    notes?: N[]
    transactions?: Purchases
  } = {}

  constructor(private readonly keepNote: KeepNote<N> = (note) => note as unknown as N) {}

  get loaded(): boolean {
    return this.tables !== undefined
  }

  /** Reads every input from the database, replacing what was kept. */
  async load(db: NotebookDb): Promise<void> {
    this.tables = undefined
    this.arrays = {}
    const byId = <T extends { id: string }, R>(records: readonly T[], keep: (record: T) => R) =>
      new Map(records.map((record) => [record.id, keep(record)]))
    const entities = await readPaged<Entity>(db, 'entities')
    const ties = await readPaged<Tie>(db, 'ties')
    const notes = await readPaged<Note, [string, N]>(db, 'notes', (note) => [
      note.id,
      this.keepNote(note),
    ])
    const transactions = await readPaged<Transaction, [string, PurchaseFact]>(
      db,
      'transactions',
      (purchase) => [purchase.id, slimPurchase(purchase)],
    )
    this.tables = {
      entities: byId(entities, (entity) => entity),
      ties: byId(ties, (tie) => tie),
      notes: new Map(notes),
      transactions: new PurchaseStore(new Map(transactions)),
    }
  }

  /** Forgets everything: the next computation reads the database again. */
  clear(): void {
    this.tables = undefined
    this.arrays = {}
  }

  apply(changes: readonly InputChange[]): void {
    const tables = this.tables
    if (!tables || changes.length === 0) return
    for (const { table, id, after } of changes) {
      this.arrays[table] = undefined
      if (after === undefined) {
        tables[table].delete(id)
        continue
      }
      switch (table) {
        case 'entities':
          tables.entities.set(id, after as Entity)
          break
        case 'ties':
          tables.ties.set(id, after as Tie)
          break
        case 'notes':
          tables.notes.set(id, this.keepNote(after as Note))
          break
        case 'transactions':
          tables.transactions.set(id, slimPurchase(after as Transaction))
          break
      }
    }
  }

  /** Applies what a bulk write delivered: its deletions, then its writes. */
  applyDelivery(delivery: InputDelivery): void {
    const tables = this.tables
    if (!tables) return
    if (delivery.entities.length > 0 || delivery.deletedEntities !== '') {
      this.arrays.entities = undefined
    }
    this.arrays.transactions = undefined
    for (const id of splitIds(delivery.deletedEntities)) tables.entities.delete(id)
    tables.transactions.deleteDelivered(delivery.deletedPurchases)
    for (const entity of delivery.entities) tables.entities.set(entity.id, entity)
    tables.transactions.putDelivered(delivery.purchases)
  }

  /**
   * The inputs as arrays (the purchases as `PurchaseRows`); a table's array is the same until
   * that table changes.
   */
  inputs(): Omit<ModelInputs, 'notes'> & { notes: N[] } {
    const tables = this.tables
    if (!tables) throw new Error('Model inputs read before they were loaded')
    const arrays = this.arrays
    return {
      entities: (arrays.entities ??= [...tables.entities.values()]),
      ties: (arrays.ties ??= [...tables.ties.values()]),
      notes: (arrays.notes ??= [...tables.notes.values()]),
      purchases: (arrays.transactions ??= tables.transactions.rows()),
    }
  }
}
