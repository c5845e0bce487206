import { beforeEach, describe, expect, it } from 'vitest'
import { invertChanges } from '../../../src/db/change-set'
import { createNotebookDb } from '../../../src/db/notebook-db'
import type { NotebookDb } from '../../../src/db/notebook-db'
import { NotebookStore } from '../../../src/db/notebook-store'
import { DEFAULT_FILTERS } from '../../../src/graph/shown-graph'
import { duplicateMap, saveMap, trashMap, viewOfMap } from '../../../src/notebook/maps'
import type { MapView } from '../../../src/notebook/maps'
import { restoreTrashItem } from '../../../src/notebook/trash'
import { freshIndexedDb } from '../../helpers/fresh-idb'

let db: NotebookDb
let store: NotebookStore

beforeEach(async () => {
  db = createNotebookDb('maps', freshIndexedDb())
  await db.open()
  store = new NotebookStore(db)
})

const view: MapView = {
  filters: {
    ...DEFAULT_FILTERS,
    kinds: ['customer', 'place'],
    families: ['influence'],
    ego: { id: 'a', depth: 2 },
  },
  positions: { a: { x: 10.123, y: -4, pinned: true }, b: { x: 0, y: 50, pinned: false } },
  camera: { x: -12, y: 30, k: 1.5 },
}

describe('saved maps', () => {
  it('saves a view and reads it back the same', async () => {
    const { result: map } = await store.write((writer) =>
      saveMap(writer, { name: ' Influence ', view }),
    )
    const stored = await db.maps.get(map.id)
    expect(stored?.name).toBe('Influence')
    expect(viewOfMap(stored!)).toEqual({
      ...view,
      positions: { a: { x: 10.12, y: -4, pinned: true }, b: { x: 0, y: 50, pinned: false } },
    })
  })

  it('saves over an existing map, duplicates it, and undo brings back the previous state', async () => {
    const { result: map } = await store.write((writer) => saveMap(writer, { name: 'One', view }))
    const { changes } = await store.write((writer) =>
      saveMap(writer, { id: map.id, name: 'One', view: { ...view, camera: { x: 0, y: 0, k: 2 } } }),
    )
    expect((await db.maps.get(map.id))?.camera.k).toBe(2)
    await store.replay(invertChanges(changes))
    expect((await db.maps.get(map.id))?.camera.k).toBe(1.5)

    const { result: copy } = await store.write((writer) => duplicateMap(writer, map.id, 'Two'))
    expect(copy?.id).not.toBe(map.id)
    expect(viewOfMap(copy!)).toEqual(viewOfMap((await db.maps.get(map.id))!))
    expect(await db.maps.count()).toBe(2)
  })

  it('moves a map to the trash and restores it', async () => {
    const { result: map } = await store.write((writer) => saveMap(writer, { name: 'One', view }))
    const { result: item } = await store.write((writer) => trashMap(writer, map.id))
    expect(await db.maps.count()).toBe(0)
    await store.write((writer) => restoreTrashItem(writer, item!.id))
    expect((await db.maps.get(map.id))?.name).toBe('One')
  })

  it('repairs stored filters it does not understand', () => {
    const repaired = viewOfMap({
      id: 'm',
      name: 'm',
      filters: { kinds: ['alien'], measure: 'value' },
      positions: { a: { x: Number.NaN, y: 1, pinned: false } },
      style: {},
      camera: { x: 0, y: 0, k: 1 },
      createdAt: 0,
      updatedAt: 0,
    })
    expect(repaired.filters.kinds).toEqual([])
    expect(repaired.filters.measure).toBe('value')
    expect(repaired.positions).toEqual({})
  })
})
