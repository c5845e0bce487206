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
import type { NotebookDb } from '../../src/db/notebook-db'
import type { AppController } from '../app/controller'
import { measureSince } from '../platform/timing'
import type { ModelReply, ModelRequest } from '../workers/model-protocol'

export interface ModelSource<T> {
  /** Names the User Timing measure of each computation: `carnet:model:<name>` (benchmarks). */
  name: string
  createWorker(): Worker
  computeOnPage(db: NotebookDb, now: number): Promise<T>
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
  stop: () => void
}

const DEBOUNCE_MS = 120

/** A hook giving the model of a notebook, computed on first use and kept current. */
export type UseWorkerModel<T> = (
  app: AppController,
  notebookId: string | undefined,
  db: NotebookDb | undefined,
) => T | undefined

export function createWorkerModel<T>(source: ModelSource<T>): UseWorkerModel<T> {
  let worker: Worker | null = null
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
    const { db } = target
    target.isStale = false
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
    const request: ModelRequest = { id, notebookId: target.notebookId, now }
    running.postMessage(request)
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
        stop: () => {
          clearTimeout(timer)
          unsubscribe()
        },
      }
      const unsubscribe = app.onChanges((_changes, changedId) => {
        if (changedId !== notebookId) return
        target.isStale = true
        if (target.readers === 0) return
        clearTimeout(timer)
        timer = setTimeout(() => compute(target), DEBOUNCE_MS)
      })
      held = target
      notify()
    }
    const target = held
    target.db = db
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
