import { describe, expect, it } from 'vitest'
import type { Entity } from '../../../src/model/records'
import { listSummaries } from '../../../src/value/value-views'
import type { CustomerRow } from '../../../renderer/hooks/useCustomerSummaries'
import { filterRows, sortRows } from '../../../renderer/views/Customers/customer-list-model'

const customer = (id: string, name: string, tags: string[] = []) =>
  ({ id, kind: 'customer', name, tags }) as unknown as Entity

// In name order, as the list reads them.
const rows: CustomerRow[] = [
  customer('ana', 'Ana', ['rye']),
  customer('paul', 'Paul'),
  customer('zoe', 'Zoé', ['rye', 'delivery']),
].map((entry, nameRank) => ({ customer: entry, nameRank }))

const summaries = listSummaries({
  ids: ['zoe', 'ana'],
  lastContactAt: Float64Array.from([2_000, 1_000]),
  total: Float64Array.from([4_500, 9_900]),
  currencies: ['EUR'],
  currency: Int16Array.from([0, 0]),
})

const names = (sorted: CustomerRow[]) => sorted.map((row) => row.customer.name)

describe('the customers list order', () => {
  it('sorts by name, last contact or value; a customer without values comes last', () => {
    expect(names(sortRows([...rows], { key: 'name', direction: 'descending' }))).toEqual([
      'Zoé',
      'Paul',
      'Ana',
    ])
    expect(
      names(sortRows([...rows], { key: 'value', direction: 'descending' }, summaries)),
    ).toEqual(['Ana', 'Zoé', 'Paul'])
    expect(
      names(sortRows([...rows], { key: 'lastContact', direction: 'descending' }, summaries)),
    ).toEqual(['Zoé', 'Ana', 'Paul'])
    // Before the values arrive, rows keep their name order.
    expect(names(sortRows([...rows], { key: 'value', direction: 'descending' }))).toEqual([
      'Ana',
      'Paul',
      'Zoé',
    ])
  })

  it('filters by what is typed and by tag', () => {
    expect(names(filterRows(rows, { query: 'zoe', tag: '', stage: '' }))).toEqual(['Zoé'])
    expect(names(filterRows(rows, { query: '', tag: 'rye', stage: '' }))).toEqual(['Ana', 'Zoé'])
  })
})
