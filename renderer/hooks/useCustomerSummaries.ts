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
import type { CustomerSummary } from '../../src/notebook/customer-summary'
import { useAppState } from './useApp'
import { useValueModel } from './useValueModel'

export interface CustomerRow {
  customer: Entity
  /** Undefined while the notebook's activity is still being read. */
  summary: CustomerSummary | undefined
}

export function useCustomerSummaries(): CustomerRow[] | undefined {
  const db = useAppState().notebook?.store.db
  const customers = useLiveQuery(
    async () => (db ? db.entities.where('kind').equals('customer').toArray() : []),
    [db],
  )
  const model = useValueModel()
  return useMemo(() => {
    if (!customers) return undefined
    return customers.map((customer) => ({
      customer,
      summary: model?.summaries.get(customer.id),
    }))
  }, [customers, model])
}
