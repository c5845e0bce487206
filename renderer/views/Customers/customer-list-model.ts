/**
 * Filtering and sorting of the customers list: what the list shows, as plain functions of the
 * rows and the user's choices, so they are easy to follow and to test.
 */
import { effectiveStage } from '../../../src/notebook/customer-summary'
import { foldText } from '../../../src/notebook/mention-search'
import { STAGES } from '../../../src/model/vocabulary'
import type { Stage } from '../../../src/model/vocabulary'
import type { ListSummaries } from '../../../src/value/value-views'
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
 * when a query is typed: folding 20,000 names on opening would hold the page.
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

/** Whether an order reads the value columns: only then does it change when they do. */
export function sortsBySummary(key: SortKey): boolean {
  return key === 'lastContact' || key === 'value'
}

/**
 * Sorts in place; names compare by the rows' `nameRank`, set once per reading of the list. The
 * last contact and value come from `summaries`; a row without one sorts as the oldest, cheapest.
 */
export function sortRows<T extends CustomerRow>(
  rows: T[],
  sort: Sort,
  summaries?: ListSummaries,
): T[] {
  const byName = (a: T, b: T) => a.nameRank - b.nameRank
  const sign = sort.direction === 'ascending' ? 1 : -1
  // Ties fall back to the name, always A→Z, so the order is stable and predictable.
  if (sort.key === 'name') return rows.sort((a, b) => sign * byName(a, b))
  if (sort.key === 'stage') {
    const rank = (row: T) => stageRank(effectiveStage(row.customer))
    return rows.sort((a, b) => sign * (rank(a) - rank(b)) || byName(a, b))
  }
  // Each row's number read once, not at each of the sort's comparisons.
  const keys = new Map<T, number>()
  for (const row of rows) {
    const summary = summaries?.get(row.customer.id)
    keys.set(
      row,
      sort.key === 'lastContact' ? (summary?.lastContactAt ?? -1) : (summary?.total ?? 0),
    )
  }
  return rows.sort((a, b) => sign * (keys.get(a)! - keys.get(b)!) || byName(a, b))
}
