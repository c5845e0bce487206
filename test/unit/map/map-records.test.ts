/**
 * The map reads only entries and ties: a note or a purchase saved while it is open does not make
 * it read the notebook again (at ten years' size that was 200,000 notes and 500,000 purchases).
 */
import { liveQuery } from 'dexie'
import { describe, expect, it } from 'vitest'
import { createNotebookDb } from '../../../src/db/notebook-db'
import type { Entity } from '../../../src/model/records'
import { readMapRecords } from '../../../renderer/hooks/useMapData'
import { freshIndexedDb } from '../../helpers/fresh-idb'

const stamps = { createdAt: 1, updatedAt: 1 }
const entity = (id: string): Entity => ({
  id,
  kind: 'customer',
  name: id,
  tags: [],
  summary: '',
  ...stamps,
})

describe('readMapRecords', () => {
  it('is read again when an entry or a tie changes, not when a note or a purchase does', async () => {
    const db = createNotebookDb('map-records', freshIndexedDb())
    await db.open()
    await db.entities.bulkAdd([entity('zoe'), entity('paul')])
    const readings: number[] = []
    let heard: () => void = () => undefined
    const subscription = liveQuery(() => readMapRecords(db)).subscribe((records) => {
      readings.push(records.entities.length + records.ties.length)
      heard()
    })
    const next = () => new Promise<void>((resolve) => (heard = resolve))
    const settle = () => new Promise((resolve) => setTimeout(resolve, 150))
    await next()
    expect(readings).toEqual([2])

    await db.notes.add({
      id: 'n1',
      text: 'Saw Zoé with Paul',
      kind: 'conversation',
      touchpoint: 'shop',
      at: 1,
      about: ['zoe', 'paul'],
      tags: [],
      facets: [],
      source: 'observed',
      sentiment: 0,
      ...stamps,
    })
    await db.transactions.add({
      id: 't1',
      customerId: 'zoe',
      at: 1,
      amount: 450,
      currency: 'EUR',
      items: [],
      ...stamps,
    })
    await settle()
    expect(readings).toEqual([2])

    const read = next()
    await db.ties.add({
      id: 'tie',
      from: 'zoe',
      to: 'paul',
      type: 'friend',
      strength: 3,
      sentiment: 0,
      note: '',
      evidence: ['n1'],
      ...stamps,
    })
    await read
    expect(readings).toEqual([2, 3])
    subscription.unsubscribe()
    db.close()
  })
})
