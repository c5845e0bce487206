import { beforeEach, describe, expect, it } from 'vitest'
import { invertChanges } from '../../../src/db/change-set'
import { createNotebookDb } from '../../../src/db/notebook-db'
import type { NotebookDb } from '../../../src/db/notebook-db'
import { NotebookStore } from '../../../src/db/notebook-store'
import { createEntity } from '../../../src/notebook/entities'
import {
  TieEndpointError,
  createTie,
  deleteTie,
  isDirected,
  reverseTie,
  updateTie,
} from '../../../src/notebook/ties'
import { restoreTrashItem } from '../../../src/notebook/trash'
import { freshIndexedDb } from '../../helpers/fresh-idb'

let db: NotebookDb
let store: NotebookStore

beforeEach(async () => {
  db = createNotebookDb('ties', freshIndexedDb())
  await db.open()
  store = new NotebookStore(db)
})

async function pair() {
  const { result } = await store.write(async (writer) => ({
    zoe: await createEntity(writer, { kind: 'customer', name: 'Zoé' }),
    paul: await createEntity(writer, { kind: 'person', name: 'Paul' }),
  }))
  return result
}

describe('ties', () => {
  it('creates a tie with every attribute and defaults for the rest', async () => {
    const { zoe, paul } = await pair()
    const { result: tie } = await store.write((writer) =>
      createTie(writer, {
        from: zoe.id,
        to: paul.id,
        type: 'recommends',
        strength: 5,
        sentiment: 2,
        since: 1_700_000_000_000,
        note: 'told him twice',
        evidence: ['n1', 'n1', 'n2'],
      }),
    )
    expect(await db.ties.get(tie.id)).toMatchObject({
      from: zoe.id,
      to: paul.id,
      type: 'recommends',
      strength: 5,
      sentiment: 2,
      since: 1_700_000_000_000,
      note: 'told him twice',
      evidence: ['n1', 'n2'],
    })
    const { result: plain } = await store.write((writer) =>
      createTie(writer, { from: zoe.id, to: paul.id, type: 'friend' }),
    )
    expect(plain).toMatchObject({ strength: 3, sentiment: 0, note: '', evidence: [] })
    expect(plain.since).toBeUndefined()
  })

  it('keeps two ties between the same pair', async () => {
    const { zoe, paul } = await pair()
    await store.write(async (writer) => {
      await createTie(writer, { from: zoe.id, to: paul.id, type: 'friend' })
      await createTie(writer, { from: zoe.id, to: paul.id, type: 'recommends' })
      await createTie(writer, { from: paul.id, to: zoe.id, type: 'recommends' })
    })
    expect(await db.ties.where('[from+to]').equals([zoe.id, paul.id]).count()).toBe(2)
    expect(await db.ties.count()).toBe(3)
  })

  it('knows which types are directed', () => {
    expect(isDirected('recommends')).toBe(true)
    expect(isDirected('friend')).toBe(false)
    expect(isDirected('competes-with')).toBe(false)
    expect(isDirected('supplies')).toBe(true)
  })

  it('refuses a tie to itself or to a missing entity', async () => {
    const { zoe } = await pair()
    await expect(
      store.write((writer) => createTie(writer, { from: zoe.id, to: zoe.id, type: 'friend' })),
    ).rejects.toBeInstanceOf(TieEndpointError)
    await expect(
      store.write((writer) => createTie(writer, { from: zoe.id, to: 'nobody', type: 'friend' })),
    ).rejects.toBeInstanceOf(TieEndpointError)
    expect(await db.ties.count()).toBe(0)
  })

  it('updates, reverses and validates', async () => {
    const { zoe, paul } = await pair()
    const { result: tie } = await store.write((writer) =>
      createTie(writer, { from: zoe.id, to: paul.id, type: 'recommends' }),
    )
    await store.write((writer) => updateTie(writer, tie.id, { type: 'prescribes', strength: 1 }))
    expect(await db.ties.get(tie.id)).toMatchObject({ type: 'prescribes', strength: 1 })
    await store.write((writer) => reverseTie(writer, tie.id))
    expect(await db.ties.get(tie.id)).toMatchObject({ from: paul.id, to: zoe.id })
    await expect(
      store.write((writer) => updateTie(writer, tie.id, { strength: 9 })),
    ).rejects.toThrow(/strength/)
    expect(await store.write((writer) => updateTie(writer, 'missing', {}))).toMatchObject({
      result: undefined,
    })
  })

  it('deletes to the trash; restoring and undoing both bring the tie back', async () => {
    const { zoe, paul } = await pair()
    const { result: tie } = await store.write((writer) =>
      createTie(writer, { from: zoe.id, to: paul.id, type: 'uses' }),
    )
    const { result: item, changes } = await store.write((writer) =>
      deleteTie(writer, tie.id, 'Zoé → Paul'),
    )
    expect(item?.label).toBe('Zoé → Paul')
    expect(await db.ties.count()).toBe(0)
    await store.replay(invertChanges(changes))
    expect(await db.ties.get(tie.id)).toBeDefined()
    expect(await db.trash.count()).toBe(0)

    const again = await store.write((writer) => deleteTie(writer, tie.id))
    await store.write((writer) => restoreTrashItem(writer, again.result!.id))
    expect(await db.ties.get(tie.id)).toMatchObject({ type: 'uses' })
  })
})
