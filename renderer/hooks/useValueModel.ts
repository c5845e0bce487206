/**
 * The value model of the open notebook (summaries, RFM, tiers, segment facts) and its saved
 * segments, kept up to date. RFM quintiles are relative to every buyer, so the model needs the
 * whole notebook's entities, ties, notes and purchases: a worker reads them and runs the pure
 * `computeValueModel`, so the page never does.
 */
import { useLiveQuery } from 'dexie-react-hooks'
import { useEffect, useState } from 'react'
import type { NotebookDb } from '../../src/db/notebook-db'
import type { Entity, Segment } from '../../src/model/records'
import { computeValueModel } from '../../src/value/value-model'
import type { ValueModel } from '../../src/value/value-model'
import type { ValueModelReply, ValueModelRequest } from '../workers/value-model-protocol'
import { useAppState, useController } from './useApp'

/** One worker for the page, started on first use; replies are routed by request id. */
let worker: Worker | null = null
let nextRequest = 0
const waiting = new Map<number, (reply: ValueModelReply) => void>()

function valueWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('../workers/value-model.worker.ts', import.meta.url), {
      type: 'module',
    })
    worker.onmessage = (event: MessageEvent<ValueModelReply>) => {
      waiting.get(event.data.id)?.(event.data)
      waiting.delete(event.data.id)
    }
    // The script could not start (a stale build, a blocked worker): every waiting request
    // falls back to the page, and the next one tries a fresh worker.
    worker.onerror = () => {
      worker?.terminate()
      worker = null
      for (const [id, answer] of waiting) answer({ id, error: 'worker failed' })
      waiting.clear()
    }
  }
  return worker
}

/** The same computation on the page: the fallback when the worker cannot answer. */
async function computeOnPage(db: NotebookDb): Promise<ValueModel> {
  const [entities, ties, notes, purchases] = await Promise.all([
    db.entities.toArray(),
    db.ties.toArray(),
    db.notes.toArray(),
    db.transactions.toArray(),
  ])
  return computeValueModel({ entities, ties, notes, purchases, now: Date.now() })
}

/**
 * Computed in a worker, again (debounced) after every change to the notebook made through the
 * controller — writes, undo and redo all report there.
 */
export function useValueModel(): ValueModel | undefined {
  const app = useController()
  const notebook = useAppState().notebook
  const notebookId = notebook?.entry.id
  const db = notebook?.store.db
  const [state, setState] = useState<{ notebookId: string; model: ValueModel }>()
  useEffect(() => {
    if (!notebookId || !db) return
    let active = true
    let newest = 0
    let timer: ReturnType<typeof setTimeout> | undefined
    const show = (id: number, model: ValueModel) => {
      if (!active || id < newest) return
      newest = id
      setState({ notebookId, model })
    }
    const run = () => {
      const id = ++nextRequest
      const fallback = () =>
        void computeOnPage(db).then(
          (model) => show(id, model),
          () => undefined,
        )
      let target: Worker
      try {
        target = valueWorker()
      } catch {
        fallback()
        return
      }
      waiting.set(id, (reply) => {
        if ('model' in reply) show(id, reply.model)
        else fallback()
      })
      const request: ValueModelRequest = { id, notebookId, now: Date.now() }
      target.postMessage(request)
    }
    run()
    const stop = app.onChanges((_changes, changedId) => {
      if (changedId !== notebookId) return
      clearTimeout(timer)
      timer = setTimeout(run, 80)
    })
    return () => {
      active = false
      stop()
      clearTimeout(timer)
    }
  }, [app, notebookId, db])
  return state && state.notebookId === notebookId ? state.model : undefined
}

export function useSegments(): Segment[] | undefined {
  const db = useAppState().notebook?.store.db
  return useLiveQuery(
    async () =>
      db ? (await db.segments.toArray()).sort((a, b) => a.name.localeCompare(b.name)) : [],
    [db],
  )
}

/** Places and products, for the segment rule editor's pickers. */
export function useEntitiesOfKinds(kinds: readonly string[]): Entity[] | undefined {
  const db = useAppState().notebook?.store.db
  const key = kinds.join(',')
  return useLiveQuery(
    async () =>
      db
        ? (await db.entities.where('kind').anyOf(key.split(',')).toArray()).sort((a, b) =>
            a.name.localeCompare(b.name),
          )
        : [],
    [db, key],
  )
}
