/**
 * Everything the page of one entity shows: the entity, the notes about it, its ties and the
 * entities at their other ends, and (for customers) its purchases, newest first.
 */
import Dexie from 'dexie'
import { useLiveQuery } from 'dexie-react-hooks'
import type { Entity, Note, Tie, Transaction } from '../../src/model/records'
import { useAppState } from './useApp'

export interface EntityPageData {
  /** Null when there is no such entity (deleted, or a wrong address). */
  entity: Entity | null
  notes: Note[]
  ties: Tie[]
  purchases: Transaction[]
  /** The entities the ties and notes point at, the page's own included. */
  entitiesById: Map<string, Entity>
  /** When the data was read: the “now” of computations such as the ladder's 90 days. */
  now: number
}

export function useEntityPage(id: string): EntityPageData | undefined {
  const db = useAppState().notebook?.store.db
  return useLiveQuery(async (): Promise<EntityPageData> => {
    const empty: EntityPageData = {
      entity: null,
      notes: [],
      ties: [],
      purchases: [],
      entitiesById: new Map(),
      now: Date.now(),
    }
    if (!db) return empty
    const entity = await db.entities.get(id)
    if (!entity) return empty
    const [notes, outgoing, incoming, purchases] = await Promise.all([
      db.notes.where('about').equals(id).toArray(),
      db.ties.where('from').equals(id).toArray(),
      db.ties.where('to').equals(id).toArray(),
      db.transactions
        .where('[customerId+at]')
        .between([id, Dexie.minKey], [id, Dexie.maxKey])
        .reverse()
        .toArray(),
    ])
    notes.sort((a, b) => b.at - a.at)
    const ties = [...new Map([...outgoing, ...incoming].map((tie) => [tie.id, tie])).values()]
    const otherIds = new Set([
      ...ties.flatMap((tie) => [tie.from, tie.to]),
      ...notes.flatMap((note) => note.about),
    ])
    otherIds.delete(id)
    const others = await db.entities.bulkGet([...otherIds])
    const entitiesById = new Map<string, Entity>([[entity.id, entity]])
    for (const other of others) if (other) entitiesById.set(other.id, other)
    return { entity, notes, ties, purchases, entitiesById, now: Date.now() }
  }, [db, id])
}
