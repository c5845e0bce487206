import { beforeEach, describe, expect, it } from 'vitest'
import { invertChanges } from '../../../src/db/change-set'
import { createNotebookDb } from '../../../src/db/notebook-db'
import type { NotebookDb } from '../../../src/db/notebook-db'
import { InvalidRecordError, NotebookStore } from '../../../src/db/notebook-store'
import { createEntity } from '../../../src/notebook/entities'
import { freshIndexedDb } from '../../helpers/fresh-idb'

let db: NotebookDb
let now: number
let store: NotebookStore

beforeEach(async () => {
  db = createNotebookDb('test', freshIndexedDb())
  await db.open()
  now = 1_700_000_000_000
  store = new NotebookStore(db, () => now)
})

describe('NotebookStore.write', () => {
  it('stamps createdAt once and updatedAt on every write', async () => {
    const { result: zoe } = await store.write((writer) => createEntity(writer, { kind: 'customer', name: '  Zoé Martin ' }))
    expect(zoe.name).toBe('Zoé Martin')
    expect(zoe.createdAt).toBe(now)
    now += 5_000
    await store.write((writer) => writer.update('entities', zoe.id, { name: 'Zoé Martin-Roux' }))
    const stored = await db.entities.get(zoe.id)
    expect(stored).toMatchObject({ name: 'Zoé Martin-Roux', createdAt: zoe.createdAt, updatedAt: now })
  })

  it('refuses an invalid record and leaves the whole write unapplied', async () => {
    const attempt = store.write(async (writer) => {
      await createEntity(writer, { kind: 'customer', name: 'First, valid' })
      await writer.put('ties', {
        id: 'tie-1',
        from: 'a',
        to: 'b',
        type: 'recommends',
        strength: 9,
        sentiment: 0,
        note: '',
        evidence: [],
      })
    })
    await expect(attempt).rejects.toBeInstanceOf(InvalidRecordError)
    expect(await db.entities.count()).toBe(0)
    expect(await db.ties.count()).toBe(0)
  })

  it('records before and after so undo and redo restore each state exactly', async () => {
    const { result: customer } = await store.write((writer) => createEntity(writer, { kind: 'customer', name: 'Léa' }))
    const before = await db.entities.get(customer.id)
    now += 1_000
    const { changes } = await store.write(async (writer) => {
      await writer.update('entities', customer.id, { name: 'Léa B.' })
      await writer.update('entities', customer.id, { tags: ['regular'] })
    })
    expect(changes).toHaveLength(1)
    const after = await db.entities.get(customer.id)
    await store.replay(invertChanges(changes))
    expect(await db.entities.get(customer.id)).toEqual(before)
    await store.replay(changes)
    expect(await db.entities.get(customer.id)).toEqual(after)
  })

  it('records a creation as undone by a deletion', async () => {
    const { result, changes } = await store.write((writer) => createEntity(writer, { kind: 'place', name: 'Saturday market' }))
    expect(result.placeMode).toBe('physical')
    await store.replay(invertChanges(changes))
    expect(await db.entities.get(result.id)).toBeUndefined()
  })
})
