/**
 * The value model worker: reads a notebook's entities, ties, notes and purchases from its own
 * connection to the notebook database and computes the value model (summaries, RFM, tiers,
 * segment facts) off the page's thread — half a second for 20,000 customers and 200,000
 * purchases, which the page could not spend while someone types.
 */
import { createNotebookDb } from '../../src/db/notebook-db'
import type { NotebookDb } from '../../src/db/notebook-db'
import { computeValueModel } from '../../src/value/value-model'
import type { ValueModelReply, ValueModelRequest } from './value-model-protocol'

let open: { notebookId: string; db: NotebookDb } | undefined

async function database(notebookId: string): Promise<NotebookDb> {
  if (open?.notebookId !== notebookId) {
    open?.db.close()
    const db = createNotebookDb(notebookId, { indexedDB, IDBKeyRange })
    await db.open()
    open = { notebookId, db }
  }
  return open.db
}

function reply(message: ValueModelReply): void {
  self.postMessage(message)
}

self.onmessage = async (event: MessageEvent<ValueModelRequest>) => {
  const { id, notebookId, now } = event.data
  try {
    const db = await database(notebookId)
    const [entities, ties, notes, purchases] = await db.transaction(
      'r',
      [db.entities, db.ties, db.notes, db.transactions],
      () =>
        Promise.all([
          db.entities.toArray(),
          db.ties.toArray(),
          db.notes.toArray(),
          db.transactions.toArray(),
        ]),
    )
    reply({ id, model: computeValueModel({ entities, ties, notes, purchases, now }) })
  } catch (error) {
    reply({ id, error: error instanceof Error ? error.message : String(error) })
  }
}
