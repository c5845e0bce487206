/**
 * The purchases import worker: reads the notebook's customers and references, decodes, parses
 * and plans a CSV file off the page's thread, and sends the page a summary for the preview.
 * Nothing is written until the page says `commit`; then the worker writes the plan itself, on
 * its own connection to the notebook (as the model workers read it), in one transaction of
 * chunked bulk writes (`writePurchasePlan`), reporting progress; `cancel` aborts it and nothing
 * is kept. Afterwards the worker holds what it wrote, for the undo step: `undo` deletes exactly
 * those records, `redo` puts them back.
 */
import { makeDelivery } from '../../src/db/input-deliveries'
import { readPaged } from '../../src/db/model-inputs'
import { newId } from '../../src/model/ids'
import { createNotebookDb } from '../../src/db/notebook-db'
import type { NotebookDb } from '../../src/db/notebook-db'
import {
  decodeCsvBytes,
  detectPreset,
  parseCsvText,
  planPurchaseImport,
  summarisePlan,
} from '../../src/io/purchases-csv'
import type {
  CsvTable,
  CustomerKey,
  ImportOptions,
  ImportPlan,
  PresetId,
  TextEncodingName,
} from '../../src/io/purchases-csv'
import {
  chunked,
  deleteWrittenImport,
  ImportCancelledError,
  restoreWrittenImport,
  writePurchasePlan,
} from '../../src/notebook/bulk-purchases'
import type { WrittenImport } from '../../src/notebook/bulk-purchases'
import type { Entity, Transaction } from '../../src/model/records'
import { chosenBytes } from '../platform/chosen-bytes'
import { deliverInputs } from './delivery-channel'
import type { ImportReply, ImportRequest, WriteOperation } from './purchases-import-protocol'

const PREVIEW_ROWS = 5
/** Problems and name matches listed in the preview; past this, it says how many more. */
const LISTED = 200
/**
 * Customer ids per `changed` message: the page receives and re-announces each message in one
 * task. On a busy two-core machine 10,000 ids took it up to 50 ms, and 2,000 most often 11–33 ms
 * but once 62 ms.
 */
const IDS_PER_MESSAGE = 1_000

let notebookId: string | undefined
let state:
  | {
      table: CsvTable
      encoding: TextEncodingName
      preset: PresetId
      customers: CustomerKey[]
      refs: Set<string>
      plan?: ImportPlan
    }
  | undefined
let written: WrittenImport | undefined
let isCancelled = false

function reply(message: ImportReply): void {
  self.postMessage(message)
}

/** Progress, sent only when the percentage moves: each message is a render on the page. */
function progressReporter(
  phase: 'parse' | 'plan' | 'write',
): (done: number, total: number) => void {
  let last = -1
  return (done, total) => {
    const percent = Math.floor((100 * done) / Math.max(1, total))
    if (percent === last) return
    last = percent
    reply({ type: 'progress', phase, percent })
  }
}

async function withDatabase<R>(work: (db: NotebookDb) => Promise<R>): Promise<R> {
  if (!notebookId) throw new Error('No notebook')
  // Opened for each piece of work and closed after, so a lingering undo step holds no
  // connection that would make a schema upgrade or a notebook deletion wait.
  const db = createNotebookDb(notebookId, { indexedDB, IDBKeyRange })
  await db.open()
  try {
    return await work(db)
  } finally {
    db.close()
  }
}

/** What the plan is matched against, read here rather than copied from the page. */
async function readNotebook(fallbackCurrency: string) {
  return withDatabase(async (db) => {
    const customers = await db.entities.where('kind').equals('customer').toArray()
    const keys: CustomerKey[] = customers.map((customer) => ({
      id: customer.id,
      name: customer.name,
      emails: customer.contact?.emails ?? [],
      phones: customer.contact?.phones ?? [],
    }))
    const refs = new Set<string>()
    const currencies = new Map<string, number>()
    await readPaged<Transaction, undefined>(db, 'transactions', (transaction) => {
      if (transaction.externalRef) refs.add(transaction.externalRef)
      currencies.set(transaction.currency, (currencies.get(transaction.currency) ?? 0) + 1)
      return undefined
    })
    const defaultCurrency = [...currencies].sort((a, b) => b[1] - a[1])[0]?.[0] ?? fallbackCurrency
    return { keys, refs, defaultCurrency }
  })
}

function plan(options: ImportOptions): void {
  if (!state) return
  const { table, customers, refs, encoding, preset } = state
  const report = progressReporter('plan')
  const result = planPurchaseImport(table, options, customers, refs, (done) =>
    report(done, table.rows.length),
  )
  state.plan = result
  reply({
    type: 'ready',
    encoding,
    preset,
    headers: table.headers,
    preview: table.rows.slice(0, PREVIEW_ROWS),
    options,
    summary: summarisePlan(result, PREVIEW_ROWS, LISTED),
  })
}

/**
 * Hands the records written or deleted to the model workers, then tells the page which records
 * changed, naming the delivery: the customers a chunk of ids per message (search indexes their
 * names), the purchases by the delivery alone (nothing on the page reads their ids).
 */
function announce(
  operation: 'put' | 'delete',
  records: { customers: Entity[]; purchases: Transaction[] },
): void {
  const delivery = newId()
  deliverInputs(
    notebookId!,
    makeDelivery(delivery, operation, {
      entities: records.customers,
      purchases: records.purchases,
    }),
  )
  for (const slice of chunked(records.customers, IDS_PER_MESSAGE)) {
    reply({ type: 'changed', table: 'entities', ids: slice.map((record) => record.id), delivery })
  }
  if (records.purchases.length > 0) reply({ type: 'purchasesChanged', delivery })
}

async function write(operation: WriteOperation): Promise<void> {
  const report = progressReporter('write')
  if (operation === 'commit') {
    let confirmed = state?.plan
    if (!confirmed) throw new Error('No plan to write')
    // Neither the file's table nor, once its records are made, the plan is needed to write, and
    // at 500,000 rows they are the worker's largest holdings; a failed or cancelled write closes
    // the import rather than going back to it.
    state = undefined
    isCancelled = false
    try {
      written = await withDatabase((db) => {
        const plan = confirmed!
        confirmed = undefined
        return writePurchasePlan(db, plan, {
          onProgress: report,
          isCancelled: () => isCancelled,
        })
      })
    } catch (error) {
      if (error instanceof ImportCancelledError) {
        reply({ type: 'cancelled' })
        return
      }
      throw error
    }
    // Only what was written is kept, for undo.
  } else {
    if (!written) throw new Error('Nothing was imported')
    const records = written
    await withDatabase((db) =>
      operation === 'undo'
        ? deleteWrittenImport(db, records, { onProgress: report })
        : restoreWrittenImport(db, records, { onProgress: report }),
    )
  }
  announce(operation === 'undo' ? 'delete' : 'put', written)
  reply({
    type: 'done',
    operation,
    added: written.purchases.length,
    customersCreated: written.customers.length,
  })
}

self.onmessage = async (event: MessageEvent<ImportRequest>) => {
  const request = event.data
  try {
    if (request.type === 'start') {
      reply({ type: 'progress', phase: 'parse', percent: 0 })
      notebookId = request.notebookId
      const notebook = await readNotebook(request.fallbackCurrency)
      const { text, encoding } = decodeCsvBytes(await chosenBytes(request))
      const parsed = parseCsvText(text)
      if (!parsed.ok) {
        reply({ type: 'error', reason: parsed.reason })
        return
      }
      reply({ type: 'progress', phase: 'parse', percent: 100 })
      const { preset, mapping } = detectPreset(parsed.table.headers)
      state = {
        table: parsed.table,
        encoding,
        preset,
        customers: notebook.keys,
        refs: notebook.refs,
      }
      plan({
        mapping,
        dateOrder: 'auto',
        defaultCurrency: notebook.defaultCurrency,
        createUnknownCustomers: false,
      })
    } else if (request.type === 'replan') {
      plan(request.options)
    } else if (request.type === 'cancel') {
      isCancelled = true
    } else {
      const operation = request.type
      try {
        await write(operation)
      } catch (error) {
        reply({
          type: 'error',
          operation,
          reason: error instanceof Error ? error.message : String(error),
        })
      }
    }
  } catch (error) {
    reply({ type: 'error', reason: error instanceof Error ? error.message : String(error) })
  }
}
