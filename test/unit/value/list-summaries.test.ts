import { describe, expect, it } from 'vitest'
import { listSummaries } from '../../../src/value/value-views'
import type { ListColumns } from '../../../src/value/value-views'

/** The columns as the worker sends them: a structured copy, as after every saved note. */
function columns(rows: [id: string, lastContactAt: number, total: number, currency?: string][]) {
  const currencies = [...new Set(rows.flatMap(([, , , currency]) => (currency ? [currency] : [])))]
  const made: ListColumns = {
    ids: rows.map(([id]) => id),
    lastContactAt: Float64Array.from(rows, ([, at]) => at),
    total: Float64Array.from(rows, ([, , total]) => total),
    currencies,
    currency: Int16Array.from(rows, ([, , , currency]) =>
      currency ? currencies.indexOf(currency) : -1,
    ),
  }
  return structuredClone(made)
}

describe('listSummaries', () => {
  it("reads each customer's last contact and value by id", () => {
    const summaries = listSummaries(
      columns([
        ['zoe', 1_000, 1250, 'EUR'],
        ['paul', Number.NaN, 0],
      ]),
    )
    expect(summaries.size).toBe(2)
    expect(summaries.get('zoe')).toEqual({ lastContactAt: 1_000, total: 1250, currency: 'EUR' })
    expect(summaries.get('paul')).toEqual({
      lastContactAt: undefined,
      total: 0,
      currency: undefined,
    })
    expect(summaries.get('someone added since')).toBeUndefined()
  })

  it('gives back the same summaries when the columns come again unchanged', () => {
    const rows: Parameters<typeof columns>[0] = [
      ['zoe', 1_000, 1250, 'EUR'],
      ['paul', Number.NaN, 0],
    ]
    const first = listSummaries(columns(rows))
    expect(listSummaries(columns(rows), first)).toBe(first)
  })

  it('shows what changed: a new last contact, a new customer', () => {
    const first = listSummaries(
      columns([
        ['zoe', 1_000, 1250, 'EUR'],
        ['paul', Number.NaN, 0],
      ]),
    )
    const contacted = listSummaries(
      columns([
        ['zoe', 1_000, 1250, 'EUR'],
        ['paul', 2_000, 0],
      ]),
      first,
    )
    expect(contacted).not.toBe(first)
    expect(contacted.get('paul')?.lastContactAt).toBe(2_000)
    expect(first.get('paul')?.lastContactAt).toBeUndefined()

    const added = listSummaries(
      columns([
        ['zoe', 1_000, 1250, 'EUR'],
        ['ana', 3_000, 990, 'GBP'],
        ['paul', 2_000, 0],
      ]),
      contacted,
    )
    expect(added.size).toBe(3)
    expect(added.get('ana')).toEqual({ lastContactAt: 3_000, total: 990, currency: 'GBP' })
    expect(added.get('paul')?.lastContactAt).toBe(2_000)
  })
})
