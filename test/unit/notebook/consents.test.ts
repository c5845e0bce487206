import { describe, expect, it } from 'vitest'
import { createNotebookDb } from '../../../src/db/notebook-db'
import { NotebookStore } from '../../../src/db/notebook-store'
import type { Consent } from '../../../src/model/records'
import { currentConsents, recordConsent, sortConsents } from '../../../src/notebook/consents'
import { freshIndexedDb } from '../../helpers/fresh-idb'

const consent = (id: string, purpose: string, given: boolean, at: number): Consent => ({
  id,
  entityId: 'c1',
  purpose,
  given,
  at,
  how: '',
  createdAt: at,
  updatedAt: at,
})

describe('consent log', () => {
  it('lists newest first and keeps the newest record per purpose as the current state', () => {
    const log = [
      consent('a', 'Newsletter', true, 1),
      consent('b', 'newsletter ', false, 3),
      consent('c', 'Photos', true, 2),
    ]
    expect(sortConsents(log).map((entry) => entry.id)).toEqual(['b', 'c', 'a'])
    expect(currentConsents(log).map((entry) => [entry.id, entry.given])).toEqual([
      ['b', false],
      ['c', true],
    ])
  })

  it('appends a record through the store, trimmed', async () => {
    const db = createNotebookDb('consents', freshIndexedDb())
    await db.open()
    const store = new NotebookStore(db, () => 10)
    const { result } = await store.write((writer) =>
      recordConsent(writer, {
        entityId: 'c1',
        purpose: ' Newsletter ',
        given: true,
        at: 7,
        how: ' in person ',
      }),
    )
    expect(result).toMatchObject({ purpose: 'Newsletter', how: 'in person', given: true, at: 7 })
    expect(await db.consents.count()).toBe(1)
    db.close()
  })
})
