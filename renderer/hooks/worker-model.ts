/**
 * A model derived from the whole notebook (the value model, the insights) computed in a worker
 * and shared by every component that shows it: one computation per notebook and change, however
 * many screens read it. After a change made through the controller (writes, undo, redo) it is
 * computed again, debounced; the previous model stays on screen meanwhile. Changes made while no
 * screen shows the model only mark it stale: it is computed again when a screen next asks.
 *
 * The worker side is `renderer/workers/serve-model.ts`. If the worker cannot start or answer, the
 * same pure computation runs on the page — slower, but the screen still fills.
 */
import { useEffect, useSyncExternalStore } from 'react'
import type { RecordChange } from '../../src/db/change-set'
import { isInputTable } from '../../src/db/model-inputs'
import type { InputChange } from '../../src/db/model-inputs'
import type { NotebookDb } from '../../src/db/notebook-db'
import type { AppController } from '../app/controller'
import { measureSince } from '../platform/timing'
import type { ModelReply, ModelRequest } from '../workers/model-protocol'

export interface ModelSource<T> {
  /** Names the User Timing measure of each computation: `carnet:model:<name>` (benchmarks). */
  name: string
  createWorker(): Worker
  computeOnPage(db: NotebookDb, now: number): Promise<T>
  /** What the first reading of a notebook waits for: reads that matter more at opening. */
  firstReadAfter?: (notebookId: string) => Promise<void>
}

interface Held<T> {
  notebookId: string
  /** The notebook's database as the latest reader knows it. */
  db: NotebookDb
  model: T | undefined
  /** Components showing this notebook's model. */
  readers: number
  /** Changed since the last computation was asked for. */
  isStale: boolean
  /**
   * The records changed since the last request, forwarded so the worker patches the inputs it
   * keeps instead of reading the notebook again; `reload` when it must read it again (first
   * request, too many changes to forward, changes it was not told of).
   */
  pending: InputChange[] | 'reload'
  stop: () => void
}

const DEBOUNCE_MS = 120
/**
 * The longest a model's first reading waits for the reads that open a notebook (search names and
 * index): on a large notebook the model comes a little later, and typing a name answers first.
 */
export const FIRST_READ_WAIT_MS = 6_000
/** Past this many changed records, reading the notebook again is cheaper than forwarding them. */
const MAX_FORWARDED = 20_000

/** Adds a change set's input records to what the worker will be told; `reload` once too many. */
export function forwardChanges(
  pending: InputChange[] | 'reload',
  changes: readonly (Pick<RecordChange, 'table' | 'id'> & { before?: unknown; after?: unknown })[],
): InputChange[] | 'reload' {
  if (pending === 'reload') return pending
  for (const change of changes) {
    if (!isInputTable(change.table)) continue
    // A change that names a record without its states says only that something changed.
    if (change.before === undefined && change.after === undefined) return 'reload'
    if (pending.length >= MAX_FORWARDED) return 'reload'
    pending.push({
      table: change.table,
      id: change.id,
      ...(change.after === undefined ? {} : { after: change.after }),
    })
  }
  return pending
}

/** A hook giving the model of a notebook, computed on first use and kept current. */
export type UseWorkerModel<T> = (
  app: AppController,
  notebookId: string | undefined,
  db: NotebookDb | undefined,
) => T | undefined

export function createWorkerModel<T>(source: ModelSource<T>): UseWorkerModel<T> {
  let worker: Worker | null = null
  /** The last request posted, or waiting to be: the next one goes after it. */
  let queued: Promise<void> = Promise.resolve()
  let nextRequest = 0
  let newestShown = 0
  const waiting = new Map<number, (reply: ModelReply<T>) => void>()
  const listeners = new Set<() => void>()
  let held: Held<T> | undefined
  /** What readers see; a new object on every change, as `useSyncExternalStore` needs. */
  let snapshot: { notebookId: string; model: T | undefined } | undefined

  const notify = () => {
    snapshot = held && { notebookId: held.notebookId, model: held.model }
    listeners.forEach((listener) => listener())
  }

  function startWorker(): Worker {
    if (!worker) {
      worker = source.createWorker()
      worker.onmessage = (event: MessageEvent<ModelReply<T>>) => {
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

  function show(target: Held<T>, id: number, model: T, requestedAt: number) {
    if (held !== target || id < newestShown) return
    newestShown = id
    measureSince(`carnet:model:${source.name}`, requestedAt)
    target.model = model
    notify()
  }

  function compute(target: Held<T>) {
    const { db, pending } = target
    target.isStale = false
    target.pending = []
    const id = ++nextRequest
    const now = Date.now()
    const requestedAt = performance.now()
    const fallback = () =>
      void source.computeOnPage(db, now).then(
        (model) => show(target, id, model, requestedAt),
        () => undefined,
      )
    let running: Worker
    try {
      running = startWorker()
    } catch {
      fallback()
      return
    }
    waiting.set(id, (reply) => {
      if ('model' in reply) show(target, id, reply.model, requestedAt)
      else fallback()
    })
    const request: ModelRequest =
      pending === 'reload'
        ? { id, notebookId: target.notebookId, now, reload: true }
        : { id, notebookId: target.notebookId, now, changes: pending }
    const post = () => {
      try {
        running.postMessage(request)
      } catch {
        // The records could not be copied to the worker: it reads the notebook itself.
        running.postMessage({ id, notebookId: target.notebookId, now, reload: true })
      }
    }
    // Requests stay in order: a later one waits behind a first reading still held back.
    const { firstReadAfter } = source
    const opening = target.model === undefined && pending === 'reload' && firstReadAfter
    queued = queued.then(() => (opening ? firstReadAfter(target.notebookId) : undefined)).then(post)
  }

  function attach(app: AppController, notebookId: string, db: NotebookDb): () => void {
    if (held?.notebookId !== notebookId) {
      held?.stop()
      let timer: ReturnType<typeof setTimeout> | undefined
      const target: Held<T> = {
        notebookId,
        db,
        model: undefined,
        readers: 0,
        isStale: true,
        pending: 'reload',
        stop: () => {
          clearTimeout(timer)
          unsubscribe()
        },
      }
      const unsubscribe = app.onChanges((changes, changedId) => {
        if (changedId !== notebookId) return
        target.pending = forwardChanges(target.pending, changes)
        target.isStale = true
        if (target.readers === 0) return
        clearTimeout(timer)
        timer = setTimeout(() => compute(target), DEBOUNCE_MS)
      })
      held = target
      notify()
    }
    const target = held
    if (target.db !== db) {
      // The notebook's database was opened again (a restore, a reload): read it again.
      target.db = db
      target.pending = 'reload'
      target.isStale = true
    }
    target.readers += 1
    if (target.isStale) compute(target)
    return () => {
      target.readers -= 1
    }
  }

  const subscribe = (listener: () => void) => {
    listeners.add(listener)
    return () => listeners.delete(listener)
  }

  const getSnapshot = () => snapshot

  return function useWorkerModel(app, notebookId, db) {
    useEffect(() => {
      if (!notebookId || !db) return
      return attach(app, notebookId, db)
    }, [app, notebookId, db])
    const current = useSyncExternalStore(subscribe, getSnapshot)
    return current && current.notebookId === notebookId ? current.model : undefined
  }
}
