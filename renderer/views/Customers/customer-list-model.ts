/**
 * Filtering and sorting of the customers list: what the list shows, as plain functions of the
 * rows and the user's choices, so they are easy to follow and to test.
 */
import { effectiveStage } from '../../../src/notebook/customer-summary'
import { foldText } from '../../../src/notebook/mention-search'
import { STAGES } from '../../../src/model/vocabulary'
import type { Stage } from '../../../src/model/vocabulary'
import type { CustomerRow } from '../../hooks/useCustomerSummaries'

export const SORT_KEYS = ['name', 'stage', 'lastContact', 'value'] as const
export type SortKey = (typeof SORT_KEYS)[number]
export interface Sort {
  key: SortKey
  direction: 'ascending' | 'descending'
}

/** The direction a column sorts in when first chosen: names A→Z, numbers biggest first. */
export function firstDirection(key: SortKey): Sort['direction'] {
  return key === 'name' ? 'ascending' : 'descending'
}

export interface ListFilter {
  query: string
  tag: string
  stage: Stage | 'none' | ''
}

/**
 * Name, tags and emails, folded (no accents, lower case), once per customer record and only
 * when a query is typed: the rows are built again each time the value columns change (after
 * every save), and folding 20,000 names on opening or on each change would hold the page.
 */
const haystacks = new WeakMap<CustomerRow['customer'], string>()

function haystackOf(customer: CustomerRow['customer']): string {
  let haystack = haystacks.get(customer)
  if (haystack === undefined) {
    const { name, tags, contact } = customer
    haystack = foldText([name, ...tags, ...(contact?.emails ?? [])].join('\n'))
    haystacks.set(customer, haystack)
  }
  return haystack
}

export function filterRows<T extends CustomerRow>(rows: readonly T[], filter: ListFilter): T[] {
  const needle = foldText(filter.query.trim())
  return rows.filter(
    (row) =>
      (needle === '' || haystackOf(row.customer).includes(needle)) &&
      (filter.tag === '' || row.customer.tags.includes(filter.tag)) &&
      (filter.stage === '' || (effectiveStage(row.customer) ?? 'none') === filter.stage),
  )
}

const stageRank = (stage: Stage | undefined) => (stage ? STAGES.indexOf(stage) : -1)

/** Sorts in place; names compare by the rows' `nameRank`, set once per reading of the list. */
export function sortRows<T extends CustomerRow>(rows: T[], sort: Sort): T[] {
  const byName = (a: T, b: T) => a.nameRank - b.nameRank
  const compare: Record<SortKey, (a: T, b: T) => number> = {
    name: byName,
    stage: (a, b) => stageRank(effectiveStage(a.customer)) - stageRank(effectiveStage(b.customer)),
    lastContact: (a, b) => (a.summary?.lastContactAt ?? -1) - (b.summary?.lastContactAt ?? -1),
    value: (a, b) => (a.summary?.total ?? 0) - (b.summary?.total ?? 0),
  }
  const sign = sort.direction === 'ascending' ? 1 : -1
  // Ties fall back to the name, always A→Z, so the order is stable and predictable.
  return rows.sort((a, b) => sign * compare[sort.key](a, b) || byName(a, b))
}
