/** Live reads of decks: the list (newest change first) and one deck. */
import { useLiveQuery } from 'dexie-react-hooks'
import type { Deck } from '../../src/model/records'
import { useAppState } from './useApp'

export function useDecks(): Deck[] | undefined {
  const db = useAppState().notebook?.store.db
  return useLiveQuery(
    async () => (db ? (await db.decks.toArray()).sort((a, b) => b.updatedAt - a.updatedAt) : []),
    [db],
  )
}

/** One deck; `null` once it is known not to exist, `undefined` while loading. */
export function useDeck(id: string | undefined): Deck | null | undefined {
  const db = useAppState().notebook?.store.db
  return useLiveQuery(async () => (db && id ? ((await db.decks.get(id)) ?? null) : null), [db, id])
}
