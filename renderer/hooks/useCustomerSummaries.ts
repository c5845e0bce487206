/**
 * Every customer, in name order, and the derived columns of the list (last contact, value).
 *
 * The names come from one live read of the customers, so the list is on screen and usable at
 * once; the derived columns come from the value model, which a worker computes from the whole
 * notebook (with 20,000 customers, 200,000 notes and 500,000 purchases, reading and summing the
 * activity takes seconds: on the page it would freeze the list while it is being scrolled). Until
 * the model arrives, and for a customer added since, a row's summary is undefined.
 *
 * The rows and the summaries are kept apart: the columns arrive again after every saved word,
 * most often as they were, and rebuilding 20,000 rows each time held the page for longer than a
 * frame while the user was typing. The rows change only when the customers do.
 */
import { useLiveQuery } from 'dexie-react-hooks'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Entity } from '../../src/model/records'
import { listSummaries } from '../../src/value/value-views'
import type { ListColumns, ListSummaries } from '../../src/value/value-views'
import { useAppState } from './useApp'
import { useListColumns } from './useValueModel'

export interface CustomerRow {
  customer: Entity
  /** The row's place in name order (A→Z in the interface's language). */
  nameRank: number
}

export interface CustomerRows {
  rows: CustomerRow[]
  /** Undefined while the notebook's activity is still being read. */
  summaries: ListSummaries | undefined
}

export function useCustomerSummaries(): CustomerRows | undefined {
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
  const rows = useMemo(() => {
    if (!customers) return undefined
    const collator = new Intl.Collator(language, { sensitivity: 'base', numeric: true })
    return [...customers]
      .sort((a, b) => collator.compare(a.name, b.name))
      .map((customer, nameRank) => ({ customer, nameRank }))
  }, [customers, language])
  const summaries = useListSummaries(useListColumns())
  return useMemo(() => rows && { rows, summaries }, [rows, summaries])
}

/** The summaries of the latest columns, built from those of the previous ones. */
function useListSummaries(columns: ListColumns | undefined): ListSummaries | undefined {
  const [held, setHeld] = useState<{ columns?: ListColumns; summaries?: ListSummaries }>({})
  if (held.columns === columns) return held.summaries
  // Derived from the previous render's result (React's "storing information from previous
  // renders"): React renders again at once with the new state, before any child.
  const summaries = columns && listSummaries(columns, held.summaries)
  setHeld({ columns, summaries })
  return summaries
}
