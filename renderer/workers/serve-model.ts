/**
 * The worker side of a notebook model: keeps one connection to the open notebook's database and
 * the model computed from it, and answers each request with the views asked for. The page side
 * is `renderer/hooks/worker-model.ts`.
 */
import { DeliveryInbox } from '../../src/db/input-deliveries'
import type { DeliveryMark } from '../../src/db/input-deliveries'
import { ModelInputCache } from '../../src/db/model-inputs'
import type { InputChange, KeepNote, ModelInputs } from '../../src/db/model-inputs'
import { createNotebookDb } from '../../src/db/notebook-db'
import type { NotebookDb } from '../../src/db/notebook-db'
import type { Note } from '../../src/model/records'
import { receiveDeliveries } from './delivery-channel'
import { claimFirstTurn, inModelSlot } from './model-slots'
import type { SlotOptions } from './model-slots'
import type { ModelReply, ModelRequest } from './model-protocol'

/**
 * A model computed from the notebook's inputs (entities, ties, notes, purchases) kept in the
 * worker: read once per notebook, then patched with the changes each request carries. The model
 * is computed again only when its inputs changed; a request for another view of the same model
 * only takes that view from it.
 */
export function serveModelFromInputs<T, N = Note>(
  // The model's type is read from the views (`NoInfer`): the computation's arguments are typed
  // from the notes kept, which are inferred last.
  compute: (inputs: Omit<ModelInputs, 'notes'> & { notes: N[] }, now: number) => NoInfer<T>,
  views: Record<string, (model: T, arg: string) => unknown>,
  options: Omit<AnswererOptions<N>, 'inbox'> = {},
): void {
  const inbox = new DeliveryInbox()
  serveModelRequests(modelAnswerer(compute, views, { ...options, inbox }), inbox)
}

export interface AnswererOptions<N> {
  keepNote?: KeepNote<N>
  /** Where the deliveries of bulk writes arrive (`src/db/input-deliveries.ts`). */
  inbox?: DeliveryInbox
  /**
   * Applies a delivery and computes the model as soon as it arrives, before the page asks: the
   * segments are then ready about when the page learns the import is done. Its turn is claimed
   * when the delivery is announced, and the other workers' heavy work waits for it to end.
   * Without, a delivery is applied when a request names it.
   */
  computeAhead?: boolean
  /** The slots its heavy work takes (`model-slots.ts`): the app's, by default. */
  slots?: SlotOptions
}

export interface ModelAnswerer {
  (db: NotebookDb, request: ModelRequest): Promise<Record<string, unknown>>
  /** A delivery is announced: claims the first turn until it is absorbed (computing ahead). */
  expect(deliveryId: string): void
  /** Applies a delivery as it arrives, before a request names it. */
  absorb(deliveryId: string): Promise<void>
}

/**
 * Applies a request's changes in order: `changed`, `unchanged` (only deliveries applied
 * before), or `reread` when the notebook must be read again.
 */
async function applyChanges<N>(
  cache: ModelInputCache<N>,
  inbox: DeliveryInbox,
  changes: readonly (InputChange | DeliveryMark)[],
): Promise<'changed' | 'unchanged' | 'reread'> {
  let outcome: 'changed' | 'unchanged' = 'unchanged'
  let records: InputChange[] = []
  for (const change of changes) {
    if (!('delivery' in change)) {
      records.push(change)
      continue
    }
    const delivery = await inbox.take(change.delivery)
    if (delivery === 'missing') {
      // The reading to come sees what the delivery held: the write had committed.
      inbox.markApplied(change.delivery)
      return 'reread'
    }
    if (delivery === 'applied') continue
    cache.apply(records)
    records = []
    cache.applyDelivery(delivery)
    outcome = 'changed'
  }
  cache.apply(records)
  return records.length > 0 ? 'changed' : outcome
}

/** Answers requests, one at a time and in order, from the inputs and the model it keeps. */
export function modelAnswerer<T, N = Note>(
  compute: (inputs: Omit<ModelInputs, 'notes'> & { notes: N[] }, now: number) => T,
  views: Record<string, (model: T, arg: string) => unknown>,
  { keepNote, inbox = new DeliveryInbox(), computeAhead = false, slots }: AnswererOptions<N> = {},
): ModelAnswerer {
  const cache = new ModelInputCache<N>(keepNote)
  let current: { notebookId: string; model: T | undefined } | undefined
  const firstTurns = new Map<string, () => void>()
  function expect(deliveryId: string): void {
    if (computeAhead && current && cache.loaded && !firstTurns.has(deliveryId))
      firstTurns.set(deliveryId, claimFirstTurn(slots))
  }
  // Records a delivery holds are new or deleted records of a bulk write, which no change the
  // page has yet to forward touches: applying it ahead of them gives the same inputs.
  async function absorb(deliveryId: string): Promise<void> {
    try {
      // Not read yet: the first reading sees the records.
      if (!computeAhead || !current || !cache.loaded) return
      const held = current
      const delivery = await inbox.take(deliveryId)
      if (typeof delivery === 'string') return
      await inModelSlot(() => {
        cache.applyDelivery(delivery)
        held.model = undefined
        try {
          held.model = compute(cache.inputs(), Date.now())
        } catch {
          // Computed again, and the error reported, when the page asks.
        }
      }, slots)
    } finally {
      firstTurns.get(deliveryId)?.()
      firstTurns.delete(deliveryId)
    }
  }
  /**
   * Whether answering `request` reads, applies changes or computes: work that takes a slot. A
   * request naming only deliveries applied on arrival is answered from the model computed
   * ahead, without waiting behind another worker's computation.
   */
  const isHeavy = (request: ModelRequest) =>
    current?.notebookId !== request.notebookId ||
    request.reload === true ||
    request.changes === undefined ||
    request.changes.some(
      (change) => !('delivery' in change) || !inbox.wasApplied(change.delivery),
    ) ||
    !cache.loaded ||
    current.model === undefined
  const answerInTurn = async (db: NotebookDb, request: ModelRequest) => {
    let reading =
      current?.notebookId !== request.notebookId ||
      request.reload === true ||
      !request.changes ||
      !cache.loaded
    if (!reading && request.changes?.length) {
      const outcome = await applyChanges(cache, inbox, request.changes)
      if (outcome !== 'unchanged') current!.model = undefined
      reading = outcome === 'reread'
    }
    if (reading) {
      current = undefined
      await cache.load(db)
      current = { notebookId: request.notebookId, model: undefined }
    }
    const held = current!
    try {
      held.model ??= compute(cache.inputs(), request.now)
      const model = held.model
      const answer: Record<string, unknown> = {}
      for (const view of request.views) {
        answer[view.key] = views[view.name]!(model, view.arg)
      }
      return answer
    } catch (error) {
      // A model that failed on these inputs is computed from a fresh reading next time.
      current = undefined
      cache.clear()
      throw error
    }
  }
  const answer = async (db: NotebookDb, request: ModelRequest) => {
    if (!isHeavy(request)) return answerInTurn(db, request)
    if (computeAhead) return inModelSlot(() => answerInTurn(db, request), slots)
    // The deliveries named are awaited out of the slots: by the time they are here, the worker
    // computing ahead has claimed its turn on their announcement, and this one waits behind it.
    for (const change of request.changes ?? []) {
      if ('delivery' in change) await inbox.arrival(change.delivery)
    }
    return inModelSlot(() => answerInTurn(db, request), { ...slots, behindFirst: true })
  }
  return Object.assign(answer, { expect, absorb })
}

/** Answers each request with one database connection per notebook, kept between requests. */
function serveModelRequests(answer: ModelAnswerer, inbox: DeliveryInbox): void {
  let open: { notebookId: string; db: NotebookDb; deliveries: { close(): void } } | undefined
  async function database(notebookId: string): Promise<NotebookDb> {
    if (open?.notebookId !== notebookId) {
      open?.db.close()
      open?.deliveries.close()
      // Listening starts with the notebook's first request: a delivery posted earlier is in
      // that request's reading anyway.
      const deliveries = receiveDeliveries(notebookId, inbox)
      const db = createNotebookDb(notebookId, { indexedDB, IDBKeyRange })
      await db.open()
      open = { notebookId, db, deliveries }
    }
    return open.db
  }
  const reply = (message: ModelReply) => self.postMessage(message)
  // One request at a time, in order: a request's changes apply on top of the previous one's.
  let queue = Promise.resolve()
  // A turn is claimed as soon as a delivery is announced, out of the queue: a request being
  // answered does not delay the claim.
  inbox.onAnnounce = (deliveryId) => answer.expect(deliveryId)
  // A delivery is applied in turn with the requests, never while a reading is under way.
  inbox.onReceive = (deliveryId) => {
    queue = queue.then(() => answer.absorb(deliveryId)).catch(() => undefined)
  }
  self.onmessage = (event: MessageEvent<ModelRequest>) => {
    const request = event.data
    queue = queue.then(async () => {
      try {
        reply({ id: request.id, views: await answer(await database(request.notebookId), request) })
      } catch (error) {
        reply({ id: request.id, error: error instanceof Error ? error.message : String(error) })
      }
    })
  }
}
