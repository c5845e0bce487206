/**
 * Live reads of the open notebook. `useLiveQuery` is called only in this folder: views get plain
 * data and re-render when the records they show change.
 */
import { useLiveQuery } from 'dexie-react-hooks'
import type { NotebookEntry } from '../../src/db/registry-db'
import type { Entity, Note } from '../../src/model/records'
import { useAppState, useController } from './useApp'

export interface NotebookCounts {
  customers: number
  entities: number
  ties: number
  notes: number
  transactions: number
}

export function useNotebookCounts(): NotebookCounts | undefined {
  const db = useAppState().notebook?.store.db
  return useLiveQuery(async () => {
    if (!db) return undefined
    const [customers, entities, ties, notes, transactions] = await Promise.all([
      db.entities.where('kind').equals('customer').count(),
      db.entities.count(),
      db.ties.count(),
      db.notes.count(),
      db.transactions.count(),
    ])
    return { customers, entities: entities - customers, ties, notes, transactions }
  }, [db])
}

export function useCustomers(): Entity[] | undefined {
  const db = useAppState().notebook?.store.db
  return useLiveQuery(
    async () => (db ? db.entities.where('kind').equals('customer').toArray() : []),
    [db],
  )
}

export function useRecentNotes(limit: number): Note[] | undefined {
  const db = useAppState().notebook?.store.db
  return useLiveQuery(
    async () => (db ? db.notes.orderBy('at').reverse().limit(limit).toArray() : []),
    [db, limit],
  )
}

/** Names of the given entities, for showing what notes are about. */
export function useEntityNames(ids: readonly string[]): Map<string, string> | undefined {
  const db = useAppState().notebook?.store.db
  const key = ids.join(',')
  return useLiveQuery(async () => {
    if (!db) return new Map<string, string>()
    const entities = await db.entities.bulkGet([...new Set(key.split(',').filter(Boolean))])
    return new Map(
      entities.flatMap((entity) => (entity ? [[entity.id, entity.name] as const] : [])),
    )
  }, [db, key])
}

export function useNotebooks(): { active: NotebookEntry[]; deleted: NotebookEntry[] } | undefined {
  const app = useController()
  return useLiveQuery(async () => {
    const all = await app.registry.db.notebooks.toArray()
    return {
      active: all
        .filter((entry) => entry.deletedAt === undefined)
        .sort((a, b) => a.name.localeCompare(b.name)),
      deleted: all.filter((entry) => entry.deletedAt !== undefined),
    }
  }, [app])
}
