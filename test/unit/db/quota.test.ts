/**
 * A full disk during a write: the error is recognised as a quota error (so the page shows
 * `error.quota`) and nothing written before is lost, nor any part of the failed write kept.
 */
import { describe, expect, it } from 'vitest'
import { createNotebookDb, isQuotaError } from '../../../src/db/notebook-db'
import { NotebookStore } from '../../../src/db/notebook-store'
import { createEntity } from '../../../src/notebook/entities'
import { freshIndexedDb } from '../../helpers/fresh-idb'

describe('NotebookStore.write when the disk is full', () => {
  it('fails with a recognised quota error and keeps the data as it was', async () => {
    const idb = freshIndexedDb()
    const db = createNotebookDb('quota', idb)
    await db.open()
    const store = new NotebookStore(db, () => 1_000)
    await store.write((writer) => createEntity(writer, { kind: 'customer', name: 'Before' }))
    const before = { entities: await db.entities.toArray(), notes: await db.notes.toArray() }

    // Make the fake IndexedDB refuse every put of the notes store, as a browser out of quota does.
    const { IDBObjectStore } = await import('fake-indexeddb')
    const originalPut = IDBObjectStore.prototype.put
    IDBObjectStore.prototype.put = function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      if (this.name === 'notes')
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      return originalPut.apply(this, args)
    }
    let failure: unknown
    try {
      await store.write(async (writer) => {
        const customer = await createEntity(writer, { kind: 'customer', name: 'During' })
        await writer.put('notes', {
          id: 'n1',
          text: 'Lost?',
          kind: 'conversation',
          touchpoint: 'shop',
          at: 1,
          about: [customer.id],
          tags: [],
          facets: [],
          source: 'observed',
          sentiment: 0,
        })
      })
    } catch (error) {
      failure = error
    } finally {
      IDBObjectStore.prototype.put = originalPut
    }
    expect(failure).toBeDefined()
    expect(isQuotaError(failure)).toBe(true)
    expect(await db.entities.toArray()).toEqual(before.entities)
    expect(await db.notes.toArray()).toEqual(before.notes)
  })
})
