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
import { useTranslation } from 'react-i18next'
import type { Entity } from '../../src/model/records'
import { listSummaries } from '../../src/value/value-views'
import type { ListSummary } from '../../src/value/value-views'
import { useAppState } from './useApp'
import { useListColumns } from './useValueModel'

export interface CustomerRow {
  customer: Entity
  /** Undefined while the notebook's activity is still being read. */
  summary: ListSummary | undefined
  /** The row's place in name order (A→Z in the interface's language). */
  nameRank: number
}

export function useCustomerSummaries(): CustomerRow[] | undefined {
  const db = useAppState().notebook?.store.db
  const customers = useLiveQuery(
    // In `name` order (by code unit): the list sorts by name with a collator, which takes a
    // tenth of the time on rows already nearly in its order. Read through the index without a
    // filter, the read is one request; the few entities that are not customers are dropped here.
    async () =>
      db
        ? (await db.entities.orderBy('name').toArray()).filter(
            (entity) => entity.kind === 'customer',
          )
        : [],
    [db],
  )
  // Sorted by name once per reading and language: with a collator, 20,000 names take a tenth of
  // a second or more, which the list must not spend again each time the value columns arrive.
  const language = useTranslation().i18n.language
  const byName = useMemo(() => {
    if (!customers) return undefined
    const collator = new Intl.Collator(language, { sensitivity: 'base', numeric: true })
    return [...customers].sort((a, b) => collator.compare(a.name, b.name))
  }, [customers, language])
  const columns = useListColumns()
  const summaries = useMemo(() => columns && listSummaries(columns), [columns])
  return useMemo(
    () =>
      byName?.map((customer, nameRank) => ({
        customer,
        summary: summaries?.get(customer.id),
        nameRank,
      })),
    [byName, summaries],
  )
}
