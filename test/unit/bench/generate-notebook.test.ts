import { describe, expect, it } from 'vitest'
import { RECORD_SCHEMAS } from '../../../src/model/records'
import { generateNotebook } from '../../bench/generate-notebook'

const SIZES = { customers: 200, notes: 1_000, ties: 300, transactions: 200 }

describe('generateNotebook', () => {
  const notebook = generateNotebook(42, SIZES)

  it('makes the sizes asked for, with records valid against the schemas', () => {
    expect(notebook.entities).toHaveLength(200)
    expect(notebook.notes).toHaveLength(1_000)
    expect(notebook.ties).toHaveLength(300)
    expect(notebook.transactions).toHaveLength(200)
    for (const [table, records] of [
      ['entities', notebook.entities],
      ['notes', notebook.notes],
      ['ties', notebook.ties],
      ['transactions', notebook.transactions],
    ] as const) {
      for (const record of records) {
        const parsed = RECORD_SCHEMAS[table].safeParse(record)
        expect(parsed.error, `${table} ${record.id}`).toBeUndefined()
        expect(parsed.data).toEqual(record)
      }
    }
    const ids = [...notebook.entities, ...notebook.notes, ...notebook.ties].map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('is identical for the same seed and differs for another', () => {
    expect(generateNotebook(42, SIZES)).toEqual(notebook)
    expect(generateNotebook(43, SIZES).notes[0]!.text).not.toBe(notebook.notes[0]!.text)
  })

  it('writes varied bilingual text with accents, mentions and tags', () => {
    expect(notebook.entities.some((entity) => /[éèëïô]/.test(entity.name))).toBe(true)
    const words = new Set(
      notebook.notes.flatMap((note) => note.text.toLowerCase().match(/[\p{L}]+/gu) ?? []),
    )
    expect(words.size).toBeGreaterThan(1_000)
    const mentioning = notebook.notes.filter((note) => note.about.length > 0)
    expect(mentioning.length).toBeGreaterThan(300)
    const note = mentioning[0]!
    const entity = notebook.entities.find((candidate) => candidate.id === note.about[0])!
    expect(note.text).toContain(`[@${entity.name}](carnet:entity/${entity.id})`)
    const tagged = notebook.notes.find((candidate) => candidate.tags.length > 0)!
    expect(tagged.text).toContain(`#${tagged.tags[0]}`)
  })
})
