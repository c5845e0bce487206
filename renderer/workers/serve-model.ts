/**
 * The worker side of a notebook model: keeps one connection to the open notebook's database and
 * answers each request with the model computed from it. The page side is
 * `renderer/hooks/worker-model.ts`.
 */
import { ModelInputCache } from '../../src/db/model-inputs'
import type { KeepNote, ModelInputs } from '../../src/db/model-inputs'
import { createNotebookDb } from '../../src/db/notebook-db'
import type { NotebookDb } from '../../src/db/notebook-db'
import type { Note } from '../../src/model/records'
import type { ModelReply, ModelRequest } from './model-protocol'

/**
 * A model computed from the notebook's inputs (entities, ties, notes, purchases) kept in the
 * worker: read once per notebook, then patched with the changes each request carries.
 */
export function serveModelFromInputs<T, N = Note>(
  compute: (inputs: Omit<ModelInputs, 'notes'> & { notes: N[] }, now: number) => T,
  keepNote?: KeepNote<N>,
): void {
  const cache = new ModelInputCache<N>(keepNote)
  let cachedFor: string | undefined
  serveModelRequests(async (db, request) => {
    if (cachedFor !== request.notebookId || request.reload || !request.changes || !cache.loaded) {
      cachedFor = undefined
      await cache.load(db)
      cachedFor = request.notebookId
    } else {
      cache.apply(request.changes)
    }
    try {
      return compute(cache.inputs(), request.now)
    } catch (error) {
      // A model that failed on these inputs is computed from a fresh reading next time.
      cachedFor = undefined
      cache.clear()
      throw error
    }
  })
}

/** Answers each request with one database connection per notebook, kept between requests. */
function serveModelRequests<T>(
  answer: (db: NotebookDb, request: ModelRequest) => Promise<T>,
): void {
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
  const reply = (message: ModelReply<T>) => self.postMessage(message)
  // One request at a time, in order: a request's changes apply on top of the previous one's.
  let queue = Promise.resolve()
  self.onmessage = (event: MessageEvent<ModelRequest>) => {
    const request = event.data
    queue = queue.then(async () => {
      try {
        reply({ id: request.id, model: await answer(await database(request.notebookId), request) })
      } catch (error) {
        reply({ id: request.id, error: error instanceof Error ? error.message : String(error) })
      }
    })
  }
}
