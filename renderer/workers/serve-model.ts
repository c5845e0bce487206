/**
 * The worker side of a notebook model: keeps one connection to the open notebook's database and
 * answers each request with the model computed from it. The page side is
 * `renderer/hooks/worker-model.ts`.
 */
import { createNotebookDb } from '../../src/db/notebook-db'
import type { NotebookDb } from '../../src/db/notebook-db'
import type { ModelReply, ModelRequest } from './model-protocol'

export function serveModel<T>(compute: (db: NotebookDb, now: number) => Promise<T>): void {
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

  self.onmessage = async (event: MessageEvent<ModelRequest>) => {
    const { id, notebookId, now } = event.data
    try {
      reply({ id, model: await compute(await database(notebookId), now) })
    } catch (error) {
      reply({ id, error: error instanceof Error ? error.message : String(error) })
    }
  }
}
