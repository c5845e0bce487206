import { beforeEach, describe, expect, it } from 'vitest'
import { invertChanges } from '../../../src/db/change-set'
import { createNotebookDb } from '../../../src/db/notebook-db'
import type { NotebookDb } from '../../../src/db/notebook-db'
import { NotebookStore } from '../../../src/db/notebook-store'
import { createEntity, normaliseTags, trashEntity } from '../../../src/notebook/entities'
import { restoreTrashItem } from '../../../src/notebook/trash'
import { freshIndexedDb } from '../../helpers/fresh-idb'

let db: NotebookDb
let store: NotebookStore

beforeEach(async () => {
  db = createNotebookDb('entities', freshIndexedDb())
  await db.open()
  store = new NotebookStore(db)
})

async function customerWithTie() {
  const { result } = await store.write(async (writer) => {
    const zoe = await createEntity(writer, { kind: 'customer', name: 'Zoé' })
    const paul = await createEntity(writer, { kind: 'customer', name: 'Paul' })
    await writer.put('ties', { id: 't1', from: zoe.id, to: paul.id, type: 'recommends', strength: 4, sentiment: 1, note: '', evidence: [] })
    return { zoe, paul }
  })
  return result
}

describe('trash', () => {
  it('moves an entity and its ties to the trash and restores them together', async () => {
    const { zoe, paul } = await customerWithTie()
    const { result: item } = await store.write((writer) => trashEntity(writer, zoe.id))
    expect(item?.label).toBe('Zoé')
    expect(await db.entities.get(zoe.id)).toBeUndefined()
    expect(await db.ties.count()).toBe(0)
    expect(await db.entities.get(paul.id)).toBeDefined()

    await store.write((writer) => restoreTrashItem(writer, item!.id))
    expect((await db.entities.get(zoe.id))?.name).toBe('Zoé')
    expect(await db.ties.get('t1')).toMatchObject({ from: zoe.id, to: paul.id, type: 'recommends' })
    expect(await db.trash.count()).toBe(0)
  })

  it('undoing a deletion brings back the entity and its ties and empties the trash item', async () => {
    const { zoe } = await customerWithTie()
    const { changes } = await store.write((writer) => trashEntity(writer, zoe.id))
    await store.replay(invertChanges(changes))
    expect(await db.entities.get(zoe.id)).toBeDefined()
    expect(await db.ties.count()).toBe(1)
    expect(await db.trash.count()).toBe(0)
  })
})

describe('normaliseTags', () => {
  it('lowercases, strips # and keeps each tag once', () => {
    expect(normaliseTags(['#Vegan', 'vegan', ' Sourdough ', '', '##x'])).toEqual(['vegan', 'sourdough', 'x'])
  })
})
