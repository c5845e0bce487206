/**
 * What the map reads of the value model instead of every note and purchase: each customer's
 * spend and the suggested ties, the same as computed from all the records on the page.
 */
import { describe, expect, it } from 'vitest'
import { suggestTies } from '../../../src/graph/suggestions'
import { computeValueModel } from '../../../src/value/value-model'
import {
  MAP_SUGGESTIONS,
  VALUE_VIEWS,
  listColumns,
  mapSuggestions,
  spendByCustomer,
} from '../../../src/value/value-views'
import { generateNotebook } from '../../bench/generate-notebook'

const notebook = generateNotebook(7, {
  customers: 300,
  notes: 3_000,
  ties: 400,
  transactions: 2_000,
})
const now = Date.UTC(2026, 10, 20)
const model = computeValueModel({
  entities: notebook.entities,
  ties: notebook.ties,
  notes: notebook.notes,
  purchases: notebook.transactions,
  now,
})
const ids = notebook.entities.map((entity) => entity.id)

describe('the map suggestions view', () => {
  it('finds what suggestTies finds over every note, for the entries shown', () => {
    const shownSets = [ids, ids.filter((_, at) => at % 2 === 0), ids.slice(0, 40)]
    for (const shown of shownSets) {
      const expected = suggestTies(notebook.notes, notebook.ties, {
        entityIds: new Set(shown),
        limit: MAP_SUGGESTIONS,
      })
      expect(expected.length).toBeGreaterThan(0)
      expect(mapSuggestions(model, JSON.stringify(shown))).toEqual(expected)
    }
  })

  it('keeps only notes about two entries or more', () => {
    expect(model.mentions.notes.length).toBeGreaterThan(0)
    expect(model.mentions.notes.length).toBeLessThan(notebook.notes.length)
    for (const note of model.mentions.notes) expect(new Set(note.about).size).toBeGreaterThan(1)
  })

  it('suggests nothing for fewer than two entries or an argument it cannot read', () => {
    expect(mapSuggestions(model, JSON.stringify([]))).toEqual([])
    expect(mapSuggestions(model, JSON.stringify(ids.slice(0, 1)))).toEqual([])
    expect(mapSuggestions(model, 'not json')).toEqual([])
  })

  it('is not sent to the Segments screen', () => {
    const screen = VALUE_VIEWS.segments(model, JSON.stringify({ rules: [] }))
    expect(Object.keys(screen.model)).not.toContain('mentions')
  })
})

describe('spend by customer', () => {
  it('sums each customer’s purchases, as the map did from every purchase', () => {
    // Every generated purchase is in one currency: the list's value is the plain sum.
    const summed = new Map<string, number>()
    for (const purchase of notebook.transactions) {
      summed.set(purchase.customerId, (summed.get(purchase.customerId) ?? 0) + purchase.amount)
    }
    expect(summed.size).toBeGreaterThan(10)
    expect(spendByCustomer(listColumns(model))).toEqual(
      new Map([...summed].filter(([, total]) => total !== 0)),
    )
  })
})
