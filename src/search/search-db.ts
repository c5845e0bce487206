/**
 * The cache database of a notebook's search index, `carnet-search-<id>`. It is derived data, kept
 * apart from the notebook database so that it never enters the notebook's schema versions,
 * backups or exports, and can be deleted at any time: the index is then rebuilt.
 */
import Dexie from 'dexie'
import type { EntityTable } from 'dexie'
import type { IndexedDbImplementation } from '../db/notebook-db'
import type { SearchCounts, SearchIndexChunk } from './search-index'

export const SEARCH_INDEX_KEY = 'index'

/** What says which index is saved: one small record, written with the chunks it describes. */
export interface SearchCacheRecord {
  key: typeof SEARCH_INDEX_KEY
  /** `INDEX_FORMAT` of the code that wrote it; another format is rebuilt, not loaded. */
  format: number
  /** How many chunks the index was saved in (a partial save is not loaded). */
  chunkCount: number
  /** The highest `updatedAt` of the records indexed. */
  watermark: number
  /** How many entities and notes the index held when saved. */
  counts: SearchCounts
  savedAt: number
  /** Where the last build spent its time (milliseconds waiting for records, and indexing). */
  build?: { waitMs: number; indexMs: number }
}

export type SearchDb = Dexie & {
  index: EntityTable<SearchCacheRecord, 'key'>
  /** The index itself, in chunks of typed arrays (see `SearchIndex.toChunks`). */
  chunks: EntityTable<SearchIndexChunk, 'id'>
}

export function searchDbName(notebookId: string): string {
  return `carnet-search-${notebookId}`
}

export function createSearchDb(notebookId: string, idb: IndexedDbImplementation): SearchDb {
  const db = new Dexie(searchDbName(notebookId), {
    indexedDB: idb.indexedDB,
    IDBKeyRange: idb.IDBKeyRange,
  }) as SearchDb
  db.version(1).stores({ index: 'key' })
  // Version 2 saves the index in chunks of typed arrays instead of one JSON string.
  db.version(2).stores({ index: 'key', chunks: 'id' })
  return db
}

/** Deletes a notebook's search cache (when the notebook itself is deleted for good). */
export async function deleteSearchDb(
  notebookId: string,
  idb: IndexedDbImplementation,
): Promise<void> {
  await new Dexie(searchDbName(notebookId), {
    indexedDB: idb.indexedDB,
    IDBKeyRange: idb.IDBKeyRange,
  }).delete()
}
