/**
 * The registry: one small database (`carnet-registry`) listing the notebooks and holding the
 * app's settings. Each notebook's content lives in its own database (see `notebook-db.ts`).
 */
import Dexie from 'dexie'
import type { EntityTable } from 'dexie'
import { z } from 'zod'
import type { IndexedDbImplementation } from './notebook-db'

export const REGISTRY_DB_NAME = 'carnet-registry'

export const NOTEBOOK_ORIGINS = ['empty', 'sample', 'import'] as const

export const notebookEntrySchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(200),
  origin: z.enum(NOTEBOOK_ORIGINS).default('empty'),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  /** Last time the notebook was opened; the most recent one opens on start. */
  openedAt: z.number().int().default(0),
  /** Set when deleted; the database is kept until the grace period ends, so it can be undone. */
  deletedAt: z.number().int().optional(),
})
export type NotebookEntry = z.infer<typeof notebookEntrySchema>

export interface Setting {
  key: string
  value: unknown
}

export type RegistryDb = Dexie & {
  notebooks: EntityTable<NotebookEntry, 'id'>
  settings: EntityTable<Setting, 'key'>
}

export function createRegistryDb(idb: IndexedDbImplementation): RegistryDb {
  const db = new Dexie(REGISTRY_DB_NAME, {
    indexedDB: idb.indexedDB,
    IDBKeyRange: idb.IDBKeyRange,
  }) as RegistryDb
  // Version 1 of the registry. Like notebooks, versions only append.
  db.version(1).stores({ notebooks: 'id, name, openedAt, deletedAt', settings: 'key' })
  return db
}
