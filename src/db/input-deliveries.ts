/**
 * Records a bulk write hands straight to the model workers.
 *
 * An import of 500,000 purchases is written by its own worker, and the page learns only the ids
 * of what it wrote. Told only "these ids changed", a model worker would read the whole notebook
 * again to see them: about 12 s at ten years' size, before the segments could be computed. So
 * the writing worker, once its transaction has committed, posts what the models read of those
 * records on a BroadcastChannel the model workers of that notebook listen to, and the page's
 * change set names the delivery instead of the records. A worker that missed it (it started
 * later, or the delivery was dropped) reads the notebook again, as before. The channel itself is
 * `renderer/workers/delivery-channel.ts`.
 *
 * Purchases travel in columns: cloning 500,000 small objects between threads takes seconds,
 * while typed arrays and a few long strings take tens of milliseconds.
 */
import type { Entity } from '../model/records'
import type { PurchaseFact } from '../notebook/customer-summary'
import type { PurchaseFactColumns } from '../notebook/purchase-rows'

/** Purchases in columns, with their ids: row `i` of each column is one purchase. */
export interface PurchaseColumns extends PurchaseFactColumns {
  /** The purchases' ids joined by newlines (a record id has no whitespace: `isRecordId`). */
  ids: string
}

export interface InputDelivery {
  id: string
  /** Entities written (customers an import created), whole: there are few. */
  entities: Entity[]
  /** Entities deleted, by id, newline-joined. */
  deletedEntities: string
  purchases: PurchaseColumns
  /** Purchases deleted, by id, newline-joined. */
  deletedPurchases: string
}

/** Names a delivery in a change set: "the records of delivery `delivery` changed". */
export interface DeliveryMark {
  delivery: string
}

const SEPARATOR = '\n'

export function joinIds(records: readonly { id: string }[]): string {
  return records.map((record) => record.id).join(SEPARATOR)
}

export function splitIds(joined: string): string[] {
  return joined === '' ? [] : joined.split(SEPARATOR)
}

export function packPurchases(
  purchases: readonly (PurchaseFact & { id: string })[],
): PurchaseColumns {
  const customers: string[] = []
  const customerIndex = new Map<string, number>()
  const currencies: string[] = []
  const currencyIndex = new Map<string, number>()
  const indexOf = (value: string, list: string[], index: Map<string, number>) => {
    let at = index.get(value)
    if (at === undefined) {
      at = list.length
      list.push(value)
      index.set(value, at)
    }
    return at
  }
  const count = purchases.length
  const columns = {
    ids: joinIds(purchases),
    customers,
    customerOf: new Uint32Array(count),
    currencies,
    currencyOf: new Uint16Array(count),
    at: new Float64Array(count),
    amount: new Float64Array(count),
  }
  purchases.forEach((purchase, row) => {
    columns.customerOf[row] = indexOf(purchase.customerId, customers, customerIndex)
    columns.currencyOf[row] = indexOf(purchase.currency, currencies, currencyIndex)
    columns.at[row] = purchase.at
    columns.amount[row] = purchase.amount
  })
  return columns
}

const EMPTY_PURCHASES = packPurchases([])

/** A delivery of records written (`put`) or deleted (`delete`). */
export function makeDelivery(
  id: string,
  operation: 'put' | 'delete',
  records: { entities: readonly Entity[]; purchases: readonly (PurchaseFact & { id: string })[] },
): InputDelivery {
  return operation === 'put'
    ? {
        id,
        entities: [...records.entities],
        deletedEntities: '',
        purchases: packPurchases(records.purchases),
        deletedPurchases: '',
      }
    : {
        id,
        entities: [],
        deletedEntities: joinIds(records.entities),
        purchases: EMPTY_PURCHASES,
        deletedPurchases: joinIds(records.purchases),
      }
}

/** Deliveries kept until a request names them; past this many, the oldest are let go. */
const KEPT = 4

/**
 * A model worker's deliveries, received from the channel and taken when a request names them.
 * A delivery may be named more than once (the page announces a large write in several chunks):
 * after the first, it is already applied.
 *
 * A delivery is announced by a short message before it is sent: 500,000 purchases take a few
 * hundred milliseconds to arrive, seconds on a busy machine, and a worker that knows one is on
 * its way waits for it rather than read the whole notebook again.
 */
export class DeliveryInbox {
  private readonly received = new Map<string, InputDelivery>()
  private readonly announced = new Set<string>()
  private readonly applied = new Set<string>()
  private readonly waiting = new Map<string, () => void>()
  /** Waited for in vain once: not waited for again (a request's two looks at it wait once). */
  private readonly overdue = new Set<string>()
  /** Told of each delivery as it arrives. */
  onReceive: ((id: string) => void) | undefined
  /** Told of each delivery announced, before its records arrive. */
  onAnnounce: ((id: string) => void) | undefined

  /**
   * @param waitMs how long a request naming a delivery not announced waits for it: the
   *   announcement is posted before the page learns of the write, so it is normally there.
   * @param announcedWaitMs how long it waits for a delivery announced but still on its way.
   */
  constructor(
    private readonly waitMs = 1_500,
    private readonly announcedWaitMs = 60_000,
  ) {}

  announce(id: string): void {
    this.announced.add(id)
    this.waiting.get(id)?.()
    this.onAnnounce?.(id)
  }

  receive(delivery: InputDelivery): void {
    this.announced.delete(delivery.id)
    this.overdue.delete(delivery.id)
    this.received.set(delivery.id, delivery)
    for (const id of this.received.keys()) {
      if (this.received.size <= KEPT) break
      this.received.delete(id)
    }
    this.waiting.get(delivery.id)?.()
    this.onReceive?.(delivery.id)
  }

  /**
   * The delivery named `id`: `applied` when it was taken before, `missing` when it has not
   * arrived in time (the page's request and the delivery travel separately).
   */
  async take(id: string): Promise<InputDelivery | 'applied' | 'missing'> {
    await this.arrival(id)
    if (this.applied.has(id)) return 'applied'
    const delivery = this.received.get(id)
    this.announced.delete(id)
    if (!delivery) return 'missing'
    this.received.delete(id)
    this.applied.add(id)
    return delivery
  }

  /**
   * Waits until the delivery named `id` has arrived (or was taken), or is announced and then
   * arrives, or the time is up; takes nothing. One wait per delivery at a time.
   */
  async arrival(id: string): Promise<void> {
    while (!this.received.has(id) && !this.applied.has(id) && !this.overdue.has(id)) {
      const wasAnnounced = this.announced.has(id)
      const waitMs = wasAnnounced ? this.announcedWaitMs : this.waitMs
      if (waitMs <= 0) break
      const arrived = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => done(false), waitMs)
        const waiting = this.waiting
        function done(news: boolean) {
          clearTimeout(timer)
          waiting.delete(id)
          resolve(news)
        }
        waiting.set(id, () => done(true))
      })
      if (!arrived || (wasAnnounced && !this.received.has(id))) {
        if (!this.received.has(id)) this.overdue.add(id)
        break
      }
    }
  }

  /** Whether the delivery named `id` was taken (or was in a reading): naming it changes nothing. */
  wasApplied(id: string): boolean {
    return this.applied.has(id)
  }

  /** The notebook was read again after `id` was written: what it delivered is in the reading. */
  markApplied(id: string): void {
    this.received.delete(id)
    this.announced.delete(id)
    this.overdue.delete(id)
    this.applied.add(id)
  }
}
