/**
 * Writing a confirmed purchases import plan in bulk, and undoing or redoing it, where the
 * `Writer` (one get and one put per record, a change set for undo) would be far too slow for
 * hundreds of thousands of rows. It runs in the import worker, on the worker's own connection
 * to the notebook, and in Node tests against fake-indexeddb.
 *
 * Records are validated with their zod schemas and stamped as `Writer.put` does for a new
 * record, then added in chunks (`bulkAdd`).
 *
 * All or nothing: every chunk is written inside ONE read-write transaction. IndexedDB keeps a
 * transaction alive while it has requests pending, so chunked bulk calls inside it are fine, and
 * a failure or a cancel part-way aborts it: the browser rolls everything back, including what a
 * crash or a closed tab would leave behind. Chunked transactions with a compensating delete
 * would let other writers in between chunks, but a compensating delete can itself fail (quota,
 * a closed page), leaving half an import. The cost of one transaction is that writes to the same
 * tables wait for the import to finish (a few seconds at 500,000 rows, behind a modal dialog).
 */
import { InvalidRecordError } from '../db/notebook-store'
import type { NotebookDb } from '../db/notebook-db'
import type { ImportPlan } from '../io/purchases-csv'
import { newId } from '../model/ids'
import { entitySchema, transactionSchema } from '../model/records'
import type { Entity, Transaction } from '../model/records'

/** Records per bulk call: large enough to amortise each call, small enough to report progress. */
export const WRITE_CHUNK = 10_000

/** The records one import wrote: what undo deletes and redo puts back, stamps included. */
export interface WrittenImport {
  customers: Entity[]
  purchases: Transaction[]
}

export class ImportCancelledError extends Error {
  override name = 'ImportCancelledError'
  constructor() {
    super('import cancelled')
  }
}

export interface BulkWriteOptions {
  chunkSize?: number
  /** Called after each chunk is stored, with the records stored so far and the total. */
  onProgress?: (done: number, total: number) => void
  /** Asked before each chunk; true aborts the whole write (the user pressed Cancel). */
  isCancelled?: () => boolean
  /**
   * Called synchronously before each purchases chunk is written, with its 0-based index. Tests
   * throw from it to fail part-way; it must not await anything (the transaction would close).
   */
  beforeChunk?: (index: number) => void
  /** Clock and id source, for tests. */
  now?: number
  makeId?: () => string
}

/** `items` cut into consecutive slices of at most `size`. */
export function chunked<T>(items: readonly T[], size: number): T[][] {
  if (!(size >= 1)) throw new RangeError(`chunk size must be at least 1, got ${String(size)}`)
  const slices: T[][] = []
  for (let from = 0; from < items.length; from += size) slices.push(items.slice(from, from + size))
  return slices
}

function validated<T>(
  schema: typeof entitySchema | typeof transactionSchema,
  table: 'entities' | 'transactions',
  candidate: unknown,
): T {
  const parsed = schema.safeParse(candidate)
  if (!parsed.success) throw new InvalidRecordError(table, parsed.error.issues)
  return parsed.data as T
}

/**
 * The records to write for a plan, as `applyPurchasePlan` would make them through a `Writer`:
 * purchases whose reference is in `existingRefs` (or earlier in the plan) are skipped, and each
 * new customer is made once, on its first purchase. Purchases are returned unvalidated
 * (`validatePurchases` runs chunk by chunk, overlapping with the writes).
 */
export function recordsForPlan(
  plan: Pick<ImportPlan, 'purchases' | 'newCustomers'>,
  existingRefs: ReadonlySet<string>,
  now: number,
  makeId: () => string = newId,
): { customers: Entity[]; purchases: Transaction[] } {
  const specs = new Map(plan.newCustomers.map((customer) => [customer.key, customer]))
  const createdIds = new Map<string, string>()
  const customers: Entity[] = []
  const purchases: Transaction[] = []
  const seen = new Set<string>()
  for (const purchase of plan.purchases) {
    if (existingRefs.has(purchase.externalRef) || seen.has(purchase.externalRef)) continue
    let customerId = purchase.customerId
    if (!customerId && purchase.newCustomerKey) {
      customerId = createdIds.get(purchase.newCustomerKey)
      if (!customerId) {
        const spec = specs.get(purchase.newCustomerKey)
        if (!spec) continue
        // As `createEntity` makes a customer.
        const customer = validated<Entity>(entitySchema, 'entities', {
          id: makeId(),
          kind: 'customer',
          name: spec.name.trim(),
          tags: [],
          summary: '',
          contact: {
            emails: spec.email ? [spec.email] : [],
            phones: spec.phone ? [spec.phone] : [],
          },
          createdAt: now,
          updatedAt: now,
        })
        customers.push(customer)
        customerId = customer.id
        createdIds.set(purchase.newCustomerKey, customerId)
      }
    }
    if (!customerId) continue
    seen.add(purchase.externalRef)
    purchases.push({
      id: makeId(),
      customerId,
      at: purchase.at,
      amount: purchase.amount,
      currency: purchase.currency,
      items: purchase.items,
      ...(purchase.channel ? { channel: purchase.channel } : {}),
      externalRef: purchase.externalRef,
      createdAt: now,
      updatedAt: now,
    })
  }
  return { customers, purchases }
}

/** Each purchase checked against its schema, as stored (defaults filled in). */
export function validatePurchases(purchases: readonly Transaction[]): Transaction[] {
  return purchases.map((purchase) =>
    validated<Transaction>(transactionSchema, 'transactions', purchase),
  )
}

/** References among `refs` already in the notebook, read inside the current transaction. */
async function storedRefs(db: NotebookDb, refs: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>()
  const unique = [...new Set(refs)]
  const answers = await Promise.all(
    chunked(unique, WRITE_CHUNK).map((slice) =>
      db.transactions.where('externalRef').anyOf(slice).keys(),
    ),
  )
  for (const keys of answers) for (const key of keys) if (typeof key === 'string') found.add(key)
  return found
}

/**
 * Writes a confirmed plan, all or nothing (see above). References already stored are checked
 * again inside the transaction, so importing the same file twice, even at once, adds nothing
 * twice. Throws `ImportCancelledError` when cancelled; nothing is then written.
 */
export async function writePurchasePlan(
  db: NotebookDb,
  plan: Pick<ImportPlan, 'purchases' | 'newCustomers'>,
  options: BulkWriteOptions = {},
): Promise<WrittenImport> {
  const size = options.chunkSize ?? WRITE_CHUNK
  const now = options.now ?? Date.now()
  // The plan is let go of once its records are made: its purchases are a full copy of the
  // import (500,000 of them at full size), which the garbage collector would otherwise walk again
  // and again while the records are validated and written. The caller may keep its own reference.
  let planned: typeof plan | null = plan
  return db.transaction('rw', db.entities, db.transactions, async () => {
    const existing = await storedRefs(
      db,
      planned!.purchases.map((purchase) => purchase.externalRef),
    )
    const records = recordsForPlan(planned!, existing, now, options.makeId)
    planned = null
    const { customers } = records
    const total = records.purchases.length
    // Written in the order of their ids, which are random: IndexedDB's store (LevelDB in
    // Chromium) takes keys that follow each other far faster than keys all over the range. At
    // 500,000 rows in file order, each tenth of the import took longer than the one before (5 s
    // for the first, 23 s for the last; 118–141 s in all); sorted, 79–96 s. Undo and redo then
    // delete and put back in the same order.
    records.purchases.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    // Only the slices hold the unvalidated purchases, each dropped once validated: at 500,000
    // rows a second full copy would cost the worker some hundred megabytes.
    const slices: (Transaction[] | undefined)[] = chunked(records.purchases, size)
    records.purchases = []
    if (customers.length > 0) await db.entities.bulkAdd(customers)
    const written: Transaction[][] = []
    let done = 0
    // Validating the next chunk while the previous one is being stored: the worker's thread and
    // the database's own work overlap instead of taking turns.
    let pending: Promise<unknown> | undefined
    for (let index = 0; index < slices.length; index++) {
      if (options.isCancelled?.()) throw new ImportCancelledError()
      options.beforeChunk?.(index)
      const chunk = validatePurchases(slices[index]!)
      slices[index] = undefined
      if (pending) {
        await pending
        done += written.at(-1)!.length
        options.onProgress?.(done, total)
      }
      written.push(chunk)
      pending = db.transactions.bulkAdd(chunk)
      // Awaited on the next turn; a failure meanwhile must not also surface as unhandled.
      pending.catch(() => undefined)
    }
    if (pending) {
      await pending
      done += written.at(-1)?.length ?? 0
      options.onProgress?.(done, total)
    }
    if (options.isCancelled?.()) throw new ImportCancelledError()
    return { customers, purchases: written.flat() }
  })
}

/** Undo: deletes exactly what an import wrote, in one transaction. */
export async function deleteWrittenImport(
  db: NotebookDb,
  written: WrittenImport,
  options: Pick<BulkWriteOptions, 'chunkSize' | 'onProgress'> = {},
): Promise<void> {
  const size = options.chunkSize ?? WRITE_CHUNK
  await db.transaction('rw', db.entities, db.transactions, async () => {
    let done = 0
    for (const slice of chunked(written.purchases, size)) {
      await db.transactions.bulkDelete(slice.map((purchase) => purchase.id))
      done += slice.length
      options.onProgress?.(done, written.purchases.length)
    }
    await db.entities.bulkDelete(written.customers.map((customer) => customer.id))
  })
}

/** Redo: puts back what an import wrote, as it was written, in one transaction. */
export async function restoreWrittenImport(
  db: NotebookDb,
  written: WrittenImport,
  options: Pick<BulkWriteOptions, 'chunkSize' | 'onProgress'> = {},
): Promise<void> {
  const size = options.chunkSize ?? WRITE_CHUNK
  await db.transaction('rw', db.entities, db.transactions, async () => {
    await db.entities.bulkPut(written.customers)
    let done = 0
    for (const slice of chunked(written.purchases, size)) {
      await db.transactions.bulkPut(slice)
      done += slice.length
      options.onProgress?.(done, written.purchases.length)
    }
  })
}
