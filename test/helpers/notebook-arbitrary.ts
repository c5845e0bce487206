/** fast-check generators of valid notebooks, for property tests of files and merges. */
import fc from 'fast-check'
import { emptyTables } from '../../src/io/notebook-file'
import type { NotebookTables } from '../../src/io/notebook-file'
import { RECORD_SCHEMAS } from '../../src/model/records'
import type { Entity, Note, Tie, Transaction, Consent } from '../../src/model/records'
import { ENTITY_KINDS, NOTE_KINDS, TIE_TYPE_NAMES } from '../../src/model/vocabulary'

const epoch = fc.integer({ min: 0, max: 4_000_000_000_000 })
const text = fc.string({ maxLength: 40, unit: 'grapheme' })
const name = fc
  .string({ minLength: 1, maxLength: 30, unit: 'grapheme' })
  .filter((value) => value.trim() !== '')

export function notebookArbitrary(): fc.Arbitrary<NotebookTables> {
  return fc
    .uniqueArray(fc.uuid(), { minLength: 1, maxLength: 12 })
    .chain((ids) => {
      const entityIds = ids
      const entity = (id: string) =>
        fc
          .record({
            kind: fc.constantFrom(...ENTITY_KINDS),
            name,
            tags: fc.uniqueArray(fc.stringMatching(/^[a-z]{1,8}$/), { maxLength: 3 }),
            summary: text,
            createdAt: epoch,
            updatedAt: epoch,
            emails: fc.array(fc.emailAddress(), { maxLength: 2 }),
          })
          .map(({ emails, ...rest }): Entity => ({ id, ...rest, contact: { emails, phones: [] } }))
      const ref = fc.constantFrom(...entityIds)
      const tie = fc
        .record({
          id: fc.uuid(),
          from: ref,
          to: ref,
          type: fc.constantFrom(...TIE_TYPE_NAMES),
          strength: fc.integer({ min: 1, max: 5 }),
          createdAt: epoch,
          updatedAt: epoch,
        })
        .map((value): Tie => ({ ...value, sentiment: 0, note: '', evidence: [] }))
      const note = fc
        .record({
          id: fc.uuid(),
          text,
          kind: fc.constantFrom(...NOTE_KINDS),
          at: epoch,
          about: fc.uniqueArray(ref, { maxLength: 3 }),
          createdAt: epoch,
          updatedAt: epoch,
        })
        .map((value): Note => RECORD_SCHEMAS.notes.parse(value))
      const purchase = fc
        .record({
          id: fc.uuid(),
          customerId: ref,
          at: epoch,
          amount: fc.integer({ min: -100_000, max: 100_000 }),
          createdAt: epoch,
          updatedAt: epoch,
        })
        .map((value): Transaction => ({ ...value, currency: 'EUR', items: [] }))
      const consent = fc
        .record({
          id: fc.uuid(),
          entityId: ref,
          purpose: name,
          given: fc.boolean(),
          at: epoch,
          how: text,
          createdAt: epoch,
          updatedAt: epoch,
        })
        .map((value): Consent => value)
      return fc.record({
        entities: fc.tuple(...entityIds.map(entity)),
        ties: fc.uniqueArray(tie, { maxLength: 8, selector: (value) => value.id }),
        notes: fc.uniqueArray(note, { maxLength: 8, selector: (value) => value.id }),
        transactions: fc.uniqueArray(purchase, { maxLength: 8, selector: (value) => value.id }),
        consents: fc.uniqueArray(consent, { maxLength: 4, selector: (value) => value.id }),
      })
    })
    .map((parts) => {
      const tables = emptyTables()
      tables.entities = parts.entities.map((value) => RECORD_SCHEMAS.entities.parse(value))
      tables.ties = parts.ties
      tables.notes = parts.notes
      tables.transactions = parts.transactions
      tables.consents = parts.consents
      return tables
    })
}

/** Tables in a comparable order (the store returns them by id). */
export function sortedTables(tables: NotebookTables): NotebookTables {
  const sorted = emptyTables() as Record<string, { id: string }[]>
  for (const [table, rows] of Object.entries(tables) as [string, { id: string }[]][]) {
    sorted[table] = [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  }
  return sorted as unknown as NotebookTables
}
