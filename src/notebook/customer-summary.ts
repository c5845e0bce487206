/**
 * The derived columns of the customers list — last contact, value, stage — computed from the
 * notebook's data. A pure function over plain arrays, so it can move to a Web Worker unchanged;
 * for now it runs on the page, fed by key-only index reads (see `useCustomerSummaries`).
 */
import type { Entity } from '../model/records'
import type { Stage } from '../model/vocabulary'
import { forEachPurchase } from './purchase-rows'
import type { Purchases } from './purchase-rows'

/** One note touching one entity: a row of the notes' multi-entry `about` index. */
export interface NoteContact {
  entityId: string
  at: number
}

/** What the summary needs of a purchase. */
export interface PurchaseFact {
  customerId: string
  at: number
  /** Minor units of `currency`; refunds are negative. */
  amount: number
  currency: string
}

export interface CustomerValue {
  /** The currency the amounts are in: the one most of the customer's purchases use. */
  currency: string | undefined
  /** Total spend, in minor units. */
  total: number
  /** Spend over the 365 days before `now`, in minor units. */
  last12Months: number
  purchases: number
  lastPurchaseAt: number | undefined
  /** Total divided by the number of purchases, rounded to a minor unit; 0 with no purchase. */
  averageBasket: number
  /** True when some purchases were in another currency and are left out of the sums. */
  hasOtherCurrencies: boolean
}

export interface CustomerSummary {
  id: string
  /** Newest note about them or purchase, whichever is later. */
  lastContactAt: number | undefined
  /** Their purchases in every currency (`value` counts those in its currency). */
  purchaseCount: number
  value: CustomerValue
  stage: Stage | undefined
}

const YEAR_MS = 365 * 24 * 60 * 60 * 1000

/** The stage shown for a customer: the manual override wins over the stored (computed) one. */
export function effectiveStage(entity: Pick<Entity, 'stage' | 'stageOverride'>): Stage | undefined {
  return entity.stageOverride?.stage ?? entity.stage
}

/** The newest note about each entity. */
export function lastNoteOf(contacts: readonly NoteContact[]): Map<string, number> {
  const lastNote = new Map<string, number>()
  for (const { entityId, at } of contacts) {
    const seen = lastNote.get(entityId)
    if (seen === undefined || at > seen) lastNote.set(entityId, at)
  }
  return lastNote
}

/**
 * Summarises every customer in one pass over each input. Linear in the number of notes and
 * purchases; a customer with neither gets an empty value and no last contact.
 */
export function summariseCustomers(
  customers: readonly Pick<Entity, 'id' | 'stage' | 'stageOverride'>[],
  /** The notes about them, or already the newest note about each (`lastNoteOf`). */
  contacts: readonly NoteContact[] | ReadonlyMap<string, number>,
  purchases: Purchases,
  now: number,
): Map<string, CustomerSummary> {
  const lastNote: ReadonlyMap<string, number> =
    contacts instanceof Map
      ? (contacts as ReadonlyMap<string, number>)
      : lastNoteOf(contacts as readonly NoteContact[])

  interface Tally {
    currency: string
    total: number
    last12Months: number
    purchases: number
    lastAt: number
    /** The next currency's tally, when the customer paid in more than one (rare). */
    next: Tally | undefined
  }
  const byCustomer = new Map<string, Tally>()
  const since = now - YEAR_MS
  forEachPurchase(purchases, (customerId, at, amount, currency) => {
    let tally = byCustomer.get(customerId)
    if (!tally) {
      tally = { currency, total: 0, last12Months: 0, purchases: 0, lastAt: 0, next: undefined }
      byCustomer.set(customerId, tally)
    }
    while (tally.currency !== currency) {
      tally.next ??= {
        currency,
        total: 0,
        last12Months: 0,
        purchases: 0,
        lastAt: 0,
        next: undefined,
      }
      tally = tally.next
    }
    tally.total += amount
    tally.purchases += 1
    if (at > since && at <= now) tally.last12Months += amount
    if (at > tally.lastAt) tally.lastAt = at
  })

  const summaries = new Map<string, CustomerSummary>()
  for (const customer of customers) {
    const first = byCustomer.get(customer.id)
    let main: Tally | undefined
    let lastPurchaseAt: number | undefined
    let purchaseCount = 0
    for (let tally = first; tally; tally = tally.next) {
      purchaseCount += tally.purchases
      if (!main || tally.purchases > main.purchases) main = tally
      if (lastPurchaseAt === undefined || tally.lastAt > lastPurchaseAt)
        lastPurchaseAt = tally.lastAt
    }
    const noteAt = lastNote.get(customer.id)
    const lastContactAt =
      noteAt === undefined ? lastPurchaseAt : Math.max(noteAt, lastPurchaseAt ?? noteAt)
    summaries.set(customer.id, {
      id: customer.id,
      lastContactAt,
      purchaseCount,
      stage: effectiveStage(customer),
      value: {
        currency: main?.currency,
        total: main?.total ?? 0,
        last12Months: main?.last12Months ?? 0,
        purchases: main?.purchases ?? 0,
        lastPurchaseAt,
        averageBasket: main ? Math.round(main.total / main.purchases) : 0,
        hasOtherCurrencies: first?.next !== undefined,
      },
    })
  }
  return summaries
}

// One formatter per locale and currency: creating one takes longer than formatting with it, and
// a list draws dozens of amounts each time its values change.
const moneyFormats = new Map<string, { format: Intl.NumberFormat; divisor: number }>()

/** Formats an amount in minor units: 1250 EUR → "€12.50" (en) or "12,50 €" (fr). */
export function formatMoney(minorUnits: number, currency: string, locale: string): string {
  const key = `${locale}\u0000${currency}`
  let money = moneyFormats.get(key)
  if (!money) {
    const format = new Intl.NumberFormat(locale, { style: 'currency', currency })
    money = { format, divisor: 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2) }
    moneyFormats.set(key, money)
  }
  return money.format.format(minorUnits / money.divisor)
}
