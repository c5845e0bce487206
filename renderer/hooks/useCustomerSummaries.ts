/**
 * Every customer with the derived columns of the list (last contact, value, stage).
 *
 * Two live reads, so the list shows names as soon as the customers are read and fills the
 * derived columns when the activity is: with 20,000 customers and 200,000 purchases the second
 * read takes seconds, the first well under one. Reads are shaped for that size: notes are read
 * through their indexes only (`at`, and the multi-entry `about`), never as whole records;
 * purchases once. The aggregation (`summariseCustomers`) is a pure function over arrays; it runs
 * on the page for now, and is written to move to a worker as is, reads included.
 */
import { useLiveQuery } from 'dexie-react-hooks'
import { useMemo } from 'react'
import type { Entity } from '../../src/model/records'
import { summariseCustomers } from '../../src/notebook/customer-summary'
import type {
  CustomerSummary,
  NoteContact,
  PurchaseFact,
} from '../../src/notebook/customer-summary'
import { useAppState } from './useApp'

export interface CustomerRow {
  customer: Entity
  /** Undefined while the notebook's activity is still being read. */
  summary: CustomerSummary | undefined
}

interface Activity {
  contacts: NoteContact[]
  purchases: PurchaseFact[]
  now: number
}

export function useCustomerSummaries(): CustomerRow[] | undefined {
  const db = useAppState().notebook?.store.db
  const customers = useLiveQuery(
    async () => (db ? db.entities.where('kind').equals('customer').toArray() : []),
    [db],
  )
  const activity = useLiveQuery(async (): Promise<Activity> => {
    if (!db) return { contacts: [], purchases: [], now: Date.now() }
    const noteAt = new Map<string, number>()
    await db.notes.orderBy('at').eachKey((at, cursor) => {
      noteAt.set(String(cursor.primaryKey), Number(at))
    })
    const contacts: NoteContact[] = []
    await db.notes.orderBy('about').eachKey((about, cursor) => {
      const at = noteAt.get(String(cursor.primaryKey))
      if (at !== undefined) contacts.push({ entityId: about as string, at })
    })
    const purchases: PurchaseFact[] = (await db.transactions.toArray()).map(
      ({ customerId, at, amount, currency }) => ({ customerId, at, amount, currency }),
    )
    return { contacts, purchases, now: Date.now() }
  }, [db])
  return useMemo(() => {
    if (!customers) return undefined
    const summaries = activity
      ? summariseCustomers(customers, activity.contacts, activity.purchases, activity.now)
      : undefined
    return customers.map((customer) => ({ customer, summary: summaries?.get(customer.id) }))
  }, [customers, activity])
}
