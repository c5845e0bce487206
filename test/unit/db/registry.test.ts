import { describe, expect, it } from 'vitest'
import { createNotebookDb } from '../../../src/db/notebook-db'
import { NotebookStore } from '../../../src/db/notebook-store'
import { DELETE_GRACE_MS, Registry } from '../../../src/db/registry'
import { createEntity } from '../../../src/notebook/entities'
import { freshIndexedDb } from '../../helpers/fresh-idb'

describe('Registry', () => {
  it('creates, renames and lists notebooks, most recently opened first', async () => {
    let now = 1_000
    const registry = new Registry(freshIndexedDb(), () => now)
    const shop = await registry.createNotebook('Bike shop')
    now = 2_000
    const client = await registry.createNotebook('Client A')
    expect((await registry.listNotebooks()).map((entry) => entry.name)).toEqual(['Client A', 'Bike shop'])
    now = 3_000
    await registry.markOpened(shop.id)
    await registry.renameNotebook(client.id, 'Client A — bakery')
    expect((await registry.listNotebooks()).map((entry) => entry.name)).toEqual(['Bike shop', 'Client A — bakery'])
  })

  it('refuses an empty name', async () => {
    const registry = new Registry(freshIndexedDb())
    await expect(registry.createNotebook('   ')).rejects.toThrow()
  })

  it('keeps a deleted notebook restorable until the grace period ends, then removes its database', async () => {
    let now = 10_000
    const idb = freshIndexedDb()
    const registry = new Registry(idb, () => now)
    const entry = await registry.createNotebook('To delete')
    const db = createNotebookDb(entry.id, idb)
    await new NotebookStore(db).write((writer) => createEntity(writer, { kind: 'customer', name: 'Kept' }))
    db.close()

    await registry.deleteNotebook(entry.id)
    expect(await registry.listNotebooks()).toEqual([])
    expect(await registry.purgeDeleted()).toEqual([])
    await registry.restoreNotebook(entry.id)
    expect((await registry.listNotebooks()).map((notebook) => notebook.id)).toEqual([entry.id])
    const reopened = createNotebookDb(entry.id, idb)
    expect(await reopened.entities.count()).toBe(1)
    reopened.close()

    await registry.deleteNotebook(entry.id)
    now += DELETE_GRACE_MS + 1
    expect(await registry.purgeDeleted()).toEqual([entry.id])
    expect(await registry.get(entry.id)).toBeUndefined()
    const names = (await idb.indexedDB.databases?.())?.map((database) => database.name)
    expect(names).not.toContain(`carnet-notebook-${entry.id}`)
  })

  it('keeps each notebook’s data in its own database', async () => {
    const idb = freshIndexedDb()
    const registry = new Registry(idb)
    const first = await registry.createNotebook('First')
    const second = await registry.createNotebook('Second')
    const firstDb = createNotebookDb(first.id, idb)
    const secondDb = createNotebookDb(second.id, idb)
    await new NotebookStore(firstDb).write((writer) => createEntity(writer, { kind: 'customer', name: 'Only in first' }))
    expect(await firstDb.entities.count()).toBe(1)
    expect(await secondDb.entities.count()).toBe(0)
  })

  it('stores settings', async () => {
    const registry = new Registry(freshIndexedDb())
    expect(await registry.getSetting('theme', 'system')).toBe('system')
    await registry.setSetting('theme', 'dark')
    expect(await registry.getSetting('theme', 'system')).toBe('dark')
  })
})
