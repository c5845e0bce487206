/**
 * Every customer with the derived columns of the list (last contact, value, stage).
 *
 * The names come from one live read of the customers, so the list is on screen and usable at
 * once; the derived columns come from the value model, which a worker computes from the whole
 * notebook (with 20,000 customers, 200,000 notes and 500,000 purchases, reading and summing the
 * activity takes seconds: on the page it would freeze the list while it is being scrolled). Until
 * the model arrives, and for a customer added since, a row's summary is undefined.
 */
import { useLiveQuery } from 'dexie-react-hooks'
import { useMemo } from 'react'
import type { Entity } from '../../src/model/records'
import { listSummaries } from '../../src/value/value-views'
import type { ListSummary } from '../../src/value/value-views'
import { useAppState } from './useApp'
import { useListColumns } from './useValueModel'

export interface CustomerRow {
  customer: Entity
  /** Undefined while the notebook's activity is still being read. */
  summary: ListSummary | undefined
}

export function useCustomerSummaries(): CustomerRow[] | undefined {
  const db = useAppState().notebook?.store.db
  const customers = useLiveQuery(
    async () => (db ? db.entities.where('kind').equals('customer').toArray() : []),
    [db],
  )
  const columns = useListColumns()
  const summaries = useMemo(() => columns && listSummaries(columns), [columns])
  return useMemo(() => {
    if (!customers) return undefined
    return customers.map((customer) => ({
      customer,
      summary: summaries?.get(customer.id),
    }))
  }, [customers, summaries])
}
