import { describe, expect, it } from 'vitest'
import { CURRENT_SCHEMA_VERSION } from '../../../src/db/schema'
import { emptyTables, parseNotebookText, restoreNotebookFile } from '../../../src/io/notebook-file'
import { shiftTables } from '../../../src/io/load-notebook'

const customer = (id: string, name: unknown) => ({ id, kind: 'customer', name, tags: [], summary: '', createdAt: 1, updatedAt: 1 })

describe('restoreNotebookFile', () => {
  it('refuses what is not JSON or not a notebook, with a reason', () => {
    expect(parseNotebookText('{"format": "carnet-notebook",')).toEqual({ ok: false, error: { code: 'not-json' } })
    expect(restoreNotebookFile({ hello: 'world' })).toEqual({ ok: false, error: { code: 'not-a-notebook' } })
    expect(restoreNotebookFile([1, 2])).toEqual({ ok: false, error: { code: 'not-a-notebook' } })
  })

  it('refuses a file from a newer Carnet', () => {
    expect(restoreNotebookFile({ format: 'carnet-notebook', formatVersion: 99 })).toEqual({
      ok: false,
      error: { code: 'newer-format', formatVersion: 99 },
    })
    expect(restoreNotebookFile({ format: 'carnet-notebook', schemaVersion: CURRENT_SCHEMA_VERSION + 1 })).toMatchObject({
      ok: false,
      error: { code: 'newer-schema' },
    })
  })

  it('keeps the valid records and reports each refused one', () => {
    const result = restoreNotebookFile({
      format: 'carnet-notebook',
      name: 'Shop',
      tables: {
        entities: [customer('a', 'Zoé'), customer('b', ''), customer('a', 'Duplicate'), 'nonsense'],
        ties: 'not an array',
        unknownTable: [{ id: 'x' }],
      },
    })
    if (!result.ok) throw new Error('expected ok')
    expect(result.file.tables.entities.map((entity) => entity.name)).toEqual(['Zoé'])
    expect(result.file.tables.ties).toEqual([])
    expect(result.report.refused.map((entry) => [entry.table, entry.index])).toEqual([
      ['entities', 1],
      ['entities', 2],
      ['entities', 3],
    ])
    expect(Object.keys(result.file.tables)).not.toContain('unknownTable')
  })

  it('does not let a __proto__ key pollute objects', () => {
    const text = '{"format":"carnet-notebook","tables":{"entities":[{"id":"a","kind":"customer","name":"x","createdAt":1,"updatedAt":1,"__proto__":{"polluted":true}}]}}'
    const result = parseNotebookText(text)
    expect(result.ok).toBe(true)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('shiftTables', () => {
  it('moves every date of a sample by the same amount', () => {
    const tables = emptyTables()
    tables.notes.push({
      id: 'n', text: 't', kind: 'complaint', touchpoint: 'shop', at: 100, about: [], tags: [], facets: [],
      source: 'observed', sentiment: 0, followUp: { due: 200 }, createdAt: 100, updatedAt: 150,
    })
    tables.ties.push({ id: 't', from: 'a', to: 'b', type: 'friend', strength: 3, sentiment: 0, since: 50, note: '', evidence: [], createdAt: 60, updatedAt: 60 })
    const shifted = shiftTables(tables, 1_000)
    expect(shifted.notes[0]).toMatchObject({ at: 1_100, followUp: { due: 1_200 }, createdAt: 1_100, updatedAt: 1_150 })
    expect(shifted.notes[0]?.followUp).not.toHaveProperty('doneAt')
    expect(shifted.ties[0]).toMatchObject({ since: 1_050, createdAt: 1_060 })
    expect(tables.notes[0]?.at).toBe(100)
  })
})
