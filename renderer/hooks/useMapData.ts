/** Live reads for the ecosystem map: every entry and tie, who notes mention, saved maps. */
import { useLiveQuery } from 'dexie-react-hooks'
import type { Entity, Note, SavedMap, Tie } from '../../src/model/records'
import { useAppState } from './useApp'

export interface MapData {
  entities: Entity[]
  ties: Tie[]
  /** Only what the map needs of each note: who it is about and when. */
  mentions: Pick<Note, 'id' | 'about' | 'at'>[]
  /** Spend per customer, in minor units, for sizing by value. */
  values: Map<string, number>
}

export function useMapData(): MapData | undefined {
  const db = useAppState().notebook?.store.db
  return useLiveQuery(async (): Promise<MapData> => {
    if (!db) return { entities: [], ties: [], mentions: [], values: new Map() }
    // One read transaction: the tables as they are at one moment, and records handed over as
    // IndexedDB gives them. Outside an explicit transaction, Dexie's live-query cache deep-copies
    // every record it returns (tens of milliseconds for a map of 5,000 entries and 20,000 ties,
    // each time the map opens); nothing here changes a record it reads.
    const [entities, ties, notes, transactions] = await db.transaction(
      'r',
      [db.entities, db.ties, db.notes, db.transactions],
      () =>
        Promise.all([
          db.entities.toArray(),
          db.ties.toArray(),
          db.notes.toArray(),
          db.transactions.toArray(),
        ]),
    )
    const values = new Map<string, number>()
    for (const transaction of transactions) {
      values.set(
        transaction.customerId,
        (values.get(transaction.customerId) ?? 0) + transaction.amount,
      )
    }
    return {
      entities,
      ties,
      mentions: notes.map(({ id, about, at }) => ({ id, about, at })),
      values,
    }
  }, [db])
}

export function useSavedMaps(): SavedMap[] | undefined {
  const db = useAppState().notebook?.store.db
  return useLiveQuery(
    async () => (db ? (await db.maps.toArray()).sort((a, b) => a.name.localeCompare(b.name)) : []),
    [db],
  )
}

/** The notes that mention an entity, newest first. */
export function useNotesAbout(id: string | null, limit = 8): Note[] | undefined {
  const db = useAppState().notebook?.store.db
  return useLiveQuery(async () => {
    if (!db || !id) return []
    const notes = await db.notes.where('about').equals(id).toArray()
    return notes.sort((a, b) => b.at - a.at).slice(0, limit)
  }, [db, id, limit])
}
