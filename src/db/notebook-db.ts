/**
 * One Dexie database per notebook, named `carnet-notebook-<id>`.
 *
 * The factory takes the `indexedDB` implementation, so the page passes the browser's and tests
 * pass a fresh fake-indexeddb. Opening a database written by a newer Carnet is refused with a
 * clear error instead of being opened and damaged.
 */
import Dexie from 'dexie'
import type { EntityTable } from 'dexie'
import type { RecordOf, TableName } from '../model/records'
import { CURRENT_SCHEMA_VERSION, SCHEMA_VERSIONS } from './schema'

type AnyFunction = (...args: never[]) => unknown

/** The two objects Dexie needs from an IndexedDB implementation (the browser's or a fake). */
export interface IndexedDbImplementation {
  indexedDB: {
    open: AnyFunction
    databases?: () => Promise<{ name?: string; version?: number }[]>
  }
  IDBKeyRange: { bound: AnyFunction; lowerBound: AnyFunction; upperBound: AnyFunction }
}

export type NotebookDb = Dexie & { [T in TableName]: EntityTable<RecordOf[T], 'id'> }

export function notebookDbName(notebookId: string): string {
  return `carnet-notebook-${notebookId}`
}

export function createNotebookDb(notebookId: string, idb: IndexedDbImplementation): NotebookDb {
  const db = new Dexie(notebookDbName(notebookId), {
    indexedDB: idb.indexedDB,
    IDBKeyRange: idb.IDBKeyRange,
  }) as NotebookDb
  for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
    const declared = db.version(version).stores(stores)
    if (upgrade) declared.upgrade(upgrade)
  }
  return db
}

export type OpenResult =
  | { ok: true; db: NotebookDb }
  | { ok: false; error: OpenError }

export type OpenError =
  | { code: 'newer-version'; found: number; supported: number }
  | { code: 'quota-exceeded' }
  | { code: 'failed'; message: string }

/** Opens a notebook, refusing a database from a newer version of Carnet. */
export async function openNotebookDb(
  notebookId: string,
  idb: IndexedDbImplementation,
): Promise<OpenResult> {
  const db = createNotebookDb(notebookId, idb)
  try {
    await db.open()
    // Dexie 4 opens a database of a higher version as it is, without an error; a newer Carnet
    // may have changed what records mean, so it is refused here before anything is read.
    // Dexie stores version n as 10n, plus a few when it adjusted a schema by itself.
    const found = Math.floor((db.backendDB() as { version: number }).version / 10)
    if (found > CURRENT_SCHEMA_VERSION) {
      db.close()
      return { ok: false, error: { code: 'newer-version', found, supported: CURRENT_SCHEMA_VERSION } }
    }
    return { ok: true, db }
  } catch (error) {
    db.close()
    return { ok: false, error: await describeOpenError(error, notebookId, idb) }
  }
}

async function describeOpenError(
  error: unknown,
  notebookId: string,
  idb: IndexedDbImplementation,
): Promise<OpenError> {
  const name = error instanceof Error ? error.name : ''
  if (name === 'VersionError') {
    return {
      code: 'newer-version',
      found: await storedVersion(notebookDbName(notebookId), idb),
      supported: CURRENT_SCHEMA_VERSION,
    }
  }
  if (name === 'QuotaExceededError' || isQuotaError(error)) return { code: 'quota-exceeded' }
  return { code: 'failed', message: error instanceof Error ? error.message : String(error) }
}

/** The schema version of a stored database, in Dexie's terms (IndexedDB version / 10). */
async function storedVersion(name: string, idb: IndexedDbImplementation): Promise<number> {
  const databases = await idb.indexedDB.databases?.()
  const found = databases?.find((database) => database.name === name)?.version
  return found === undefined ? 0 : Math.floor(found / 10)
}

export function isQuotaError(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  if (error.name === 'QuotaExceededError') return true
  const inner = (error as { inner?: unknown }).inner
  return inner !== undefined && inner !== error && isQuotaError(inner)
}

export async function deleteNotebookDb(notebookId: string, idb: IndexedDbImplementation) {
  const db = new Dexie(notebookDbName(notebookId), {
    indexedDB: idb.indexedDB,
    IDBKeyRange: idb.IDBKeyRange,
  })
  await db.delete()
}
