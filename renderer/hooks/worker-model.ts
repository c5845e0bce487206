/**
 * A model derived from the whole notebook (the value model, the insights) computed in a worker
 * and shared by every component that shows it: one computation per notebook and change, however
 * many screens read it. After a change made through the controller (writes, undo, redo) it is
 * computed again, debounced; what the screens show stays meanwhile. Changes made while no screen
 * shows the model only mark it stale: it is computed again when a screen next asks.
 *
 * The model itself stays in the worker. A screen asks for a view of it — the list's columns, one
 * customer's scores, a segment's members — and the page receives only those views: at ten years'
 * size the whole value model is 24 MB, a third of a second of the page's thread to receive,
 * which a screen showing one customer's scores must not spend after every saved word.
 *
 * The worker side is `renderer/workers/serve-model.ts`. If the worker cannot start or answer, the
 * same pure computation and views run on the page — slower, but the screen still fills.
 */
import { useEffect, useSyncExternalStore } from 'react'
import type { RecordChange } from '../../src/db/change-set'
import type { DeliveryMark } from '../../src/db/input-deliveries'
import { isInputTable } from '../../src/db/model-inputs'
import type { InputChange } from '../../src/db/model-inputs'
import type { NotebookDb } from '../../src/db/notebook-db'
import { isDeliveredPurchases } from '../app/controller'
import type { AppController, DeliveredPurchases } from '../app/controller'
import { measureSince } from '../platform/timing'
import type { ModelReply, ModelRequest, ModelView, ViewFunctions } from '../workers/model-protocol'

export interface ModelSource<T, V> {
  /**
   * Names the User Timing measure of each computation after a change: `carnet:model:<name>`
   * (benchmarks). A view taken from the model as it is is not measured.
   */
  name: string
  createWorker(): Worker
  computeOnPage(db: NotebookDb, now: number): Promise<T>
  /** The views the worker serves, run on the page with `computeOnPage`. */
  views: ViewFunctions<T, V>
  /** What the first reading of a notebook waits for: reads that matter more at opening. */
  firstReadAfter?: (notebookId: string) => Promise<void>
}

/** One view of the model and the screens showing it. */
interface HeldView {
  view: ModelView
  /** What the screens show: a new object each time the view arrives. */
  snapshot: { value: unknown } | undefined
  readers: number
  /** The model changed since this view was last asked for. */
  isStale: boolean
  /** The request whose answer is shown: an older answer arriving late is dropped. */
  shownRequest: number
}

interface Held {
  notebookId: string
  /** The notebook's database as the latest reader knows it. */
  db: NotebookDb
  views: Map<string, HeldView>
  /** A view has been received: the notebook has been read once. */
  hasAnswered: boolean
  /**
   * The records changed since the last request, forwarded so the worker patches the inputs it
   * keeps instead of reading the notebook again; `reload` when it must read it again (first
   * request, too many changes to forward, changes it was not told of).
   */
  pending: (InputChange | DeliveryMark)[] | 'reload'
  /** The deliveries named to the worker so far (`forwardChanges`). */
  named: Set<string>
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

/**
 * A change as listeners hear it. A bulk write's changes name only the records, and the delivery
 * that carried them to the model workers (`src/db/input-deliveries.ts`) when there is one.
 */
export type HeardChange =
  | (Pick<RecordChange, 'table' | 'id'> & {
      before?: unknown
      after?: unknown
      delivery?: string
    })
  | DeliveredPurchases

/**
 * Adds a change set's input records to what the worker will be told; `reload` once too many.
 * `named` holds the deliveries already named to the worker: a large write is announced in many
 * chunks, and its delivery is named once.
 */
export function forwardChanges(
  pending: (InputChange | DeliveryMark)[] | 'reload',
  changes: readonly HeardChange[],
  named: Set<string> = new Set(),
): (InputChange | DeliveryMark)[] | 'reload' {
  if (pending === 'reload') return pending
  const marks = pending
  // The worker has a delivery's records: one mark stands for all of them.
  const mark = (delivery: string) => {
    if (named.has(delivery)) return
    named.add(delivery)
    marks.push({ delivery })
  }
  for (const change of changes) {
    if (!isInputTable(change.table)) continue
    if (isDeliveredPurchases(change)) {
      mark(change.delivery)
      continue
    }
    if (change.delivery !== undefined) {
      mark(change.delivery)
      continue
    }
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

/** A hook giving one view of the model of a notebook, computed on first use and kept current. */
export type UseWorkerModelView<V> = <K extends keyof V & string>(
  app: AppController,
  notebookId: string | undefined,
  db: NotebookDb | undefined,
  name: K,
  arg?: string,
) => V[K] | undefined

export function createWorkerModel<T, V>(source: ModelSource<T, V>): UseWorkerModelView<V> {
  let worker: Worker | null = null
  /** The last request posted, or waiting to be: the next one goes after it. */
  let queued: Promise<void> = Promise.resolve()
  let nextRequest = 0
  const waiting = new Map<number, (reply: ModelReply) => void>()
  const listeners = new Set<() => void>()
  let held: Held | undefined

  const notify = () => listeners.forEach((listener) => listener())

  function startWorker(): Worker {
    if (!worker) {
      worker = source.createWorker()
      worker.onmessage = (event: MessageEvent<ModelReply>) => {
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

  function show(
    target: Held,
    id: number,
    answers: Record<string, unknown>,
    computedSince: number | undefined,
  ) {
    if (held !== target) return
    if (computedSince !== undefined) measureSince(`carnet:model:${source.name}`, computedSince)
    target.hasAnswered = true
    for (const [key, value] of Object.entries(answers)) {
      const view = target.views.get(key)
      if (!view || id < view.shownRequest) continue
      view.shownRequest = id
      view.snapshot = { value }
    }
    notify()
  }

  function projectOnPage(model: T, views: readonly ModelView[]): Record<string, unknown> {
    const run = source.views as Record<string, (model: T, arg: string) => unknown>
    return Object.fromEntries(views.map((view) => [view.key, run[view.name]!(model, view.arg)]))
  }

  /** Asks for every stale view a screen shows, with the changes made since the last request. */
  function compute(target: Held) {
    const wanted = [...target.views.values()].filter((view) => view.readers > 0 && view.isStale)
    if (wanted.length === 0) return
    for (const view of wanted) view.isStale = false
    const views = wanted.map((view) => view.view)
    const { db, pending } = target
    target.pending = []
    const id = ++nextRequest
    const now = Date.now()
    // Whether the model is computed again for this request (the first one always is).
    const requestedAt = pending === 'reload' || pending.length > 0 ? performance.now() : undefined
    const fallback = () =>
      void source.computeOnPage(db, now).then(
        (model) => show(target, id, projectOnPage(model, views), requestedAt),
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
      if ('views' in reply) show(target, id, reply.views, requestedAt)
      else fallback()
    })
    const request: ModelRequest =
      pending === 'reload'
        ? { id, notebookId: target.notebookId, now, reload: true, views }
        : { id, notebookId: target.notebookId, now, changes: pending, views }
    const post = () => {
      try {
        running.postMessage(request)
      } catch {
        // The records could not be copied to the worker: it reads the notebook itself.
        running.postMessage({ id, notebookId: target.notebookId, now, reload: true, views })
      }
    }
    // Requests stay in order: a later one waits behind a first reading still held back.
    const { firstReadAfter } = source
    const opening = !target.hasAnswered && pending === 'reload' && firstReadAfter
    queued = queued.then(() => (opening ? firstReadAfter(target.notebookId) : undefined)).then(post)
  }

  function attach(
    app: AppController,
    notebookId: string,
    db: NotebookDb,
    view: ModelView,
  ): () => void {
    if (held?.notebookId !== notebookId) {
      held?.stop()
      let timer: ReturnType<typeof setTimeout> | undefined
      const target: Held = {
        notebookId,
        db,
        views: new Map(),
        hasAnswered: false,
        pending: 'reload',
        named: new Set(),
        stop: () => {
          clearTimeout(timer)
          unsubscribe()
        },
      }
      const unsubscribe = app.onChanges((changes, changedId) => {
        if (changedId !== notebookId) return
        target.pending = forwardChanges(target.pending, changes, target.named)
        let shown = false
        for (const [key, view] of target.views) {
          // A view no screen shows is forgotten rather than kept stale: it is asked for again
          // if a screen shows it again, and the page does not hold a copy of a model meanwhile.
          if (view.readers === 0) target.views.delete(key)
          view.isStale = true
          shown ||= view.readers > 0
        }
        if (!shown) return
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
      for (const other of target.views.values()) other.isStale = true
    }
    let entry = target.views.get(view.key)
    if (!entry) {
      entry = { view, snapshot: undefined, readers: 0, isStale: true, shownRequest: 0 }
      target.views.set(view.key, entry)
    }
    const reading = entry
    reading.readers += 1
    if (reading.isStale) compute(target)
    return () => {
      reading.readers -= 1
    }
  }

  const subscribe = (listener: () => void) => {
    listeners.add(listener)
    return () => listeners.delete(listener)
  }

  function useWorkerModelView<K extends keyof V & string>(
    app: AppController,
    notebookId: string | undefined,
    db: NotebookDb | undefined,
    name: K,
    arg = '',
  ): V[K] | undefined {
    const key = `${name}\u0000${arg}`
    useEffect(() => {
      if (!notebookId || !db) return
      return attach(app, notebookId, db, { key, name, arg })
    }, [app, notebookId, db, key, name, arg])
    const snapshot = useSyncExternalStore(subscribe, () =>
      held && held.notebookId === notebookId ? held.views.get(key)?.snapshot : undefined,
    )
    // The worker answered this key with what `source.views[name]` returns.
    return snapshot?.value as V[K] | undefined
  }
  return useWorkerModelView
}
