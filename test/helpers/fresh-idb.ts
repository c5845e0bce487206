/** A brand-new, empty IndexedDB for one test, so tests never see each other's data. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import type { IndexedDbImplementation } from '../../src/db/notebook-db'

export function freshIndexedDb(): IndexedDbImplementation {
  return { indexedDB: new IDBFactory(), IDBKeyRange }
}
