/** Live reads for the customer's rights: their consent log, and customers with no activity. */
import { useLiveQuery } from 'dexie-react-hooks'
import type { Consent } from '../../src/model/records'
import { inactiveCustomers } from '../../src/notebook/erase'
import type { InactiveCustomer } from '../../src/notebook/erase'
import { useAppState } from './useApp'

export function useConsents(entityId: string): Consent[] | undefined {
  const db = useAppState().notebook?.store.db
  return useLiveQuery(
    async () => (db ? db.consents.where('entityId').equals(entityId).toArray() : []),
    [db, entityId],
  )
}

export function useInactiveCustomers(years: number): InactiveCustomer[] | undefined {
  const db = useAppState().notebook?.store.db
  return useLiveQuery(async () => {
    if (!db) return []
    const [entities, notes, transactions, consents] = await db.transaction(
      'r',
      [db.entities, db.notes, db.transactions, db.consents],
      () =>
        Promise.all([
          db.entities.where('kind').equals('customer').toArray(),
          db.notes.toArray(),
          db.transactions.toArray(),
          db.consents.toArray(),
        ]),
    )
    return inactiveCustomers({ entities, notes, transactions, consents }, years, Date.now())
  }, [db, years])
}
