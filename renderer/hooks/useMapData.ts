/**
 * Live reads for the ecosystem map (and the decks and presentations that show it): every entry
 * and tie, saved maps, the notes about one entry. What the map shows of the notes and purchases
 * comes from the value model's worker as views (spend per customer here, the suggested ties in
 * `useTieSuggestions`): at ten years' size the page would otherwise read 200,000 notes and
 * 500,000 purchases each time the map opens, and again after every saved note.
 */
import { useMemo, useState } from 'react'
import { useLiveQuery } from 'dexie-react-hooks'
import type { NotebookDb } from '../../src/db/notebook-db'
import { readMapSlideView } from '../../src/decks/slide-view'
import type { Entity, Note, SavedMap, Slide, Tie } from '../../src/model/records'
import { spendByCustomer } from '../../src/value/value-views'
import type { ListColumns } from '../../src/value/value-views'
import { useAppState } from './useApp'
import { useListColumns } from './useValueModel'

export interface MapData {
  entities: Entity[]
  ties: Tie[]
  /** Spend per customer, in minor units, for sizing by value (when asked for). */
  values?: ReadonlyMap<string, number>
}

/** Every entry and tie. */
export async function readMapRecords(db: NotebookDb): Promise<Pick<MapData, 'entities' | 'ties'>> {
  // Not in an explicit transaction: that would skip Dexie's live-query cache, which answers a map
  // opened again within a few seconds without reading IndexedDB (it copies the records it keeps,
  // a few tens of milliseconds at 5,000 entries and 20,000 ties; reading them again took several
  // times that).
  const [entities, ties] = await Promise.all([db.entities.toArray(), db.ties.toArray()])
  return { entities, ties }
}

/**
 * The map's records; with `values`, also each customer's spend, and then nothing until it is
 * known, so a map sized by value is first drawn at its sizes rather than all alike.
 */
export function useMapData({ values: withValues = false } = {}): MapData | undefined {
  const db = useAppState().notebook?.store.db
  const records = useLiveQuery(
    async () => (db ? readMapRecords(db) : { entities: [], ties: [] }),
    [db],
  )
  const columns = useListColumns(withValues)
  // Worked out again only when new columns arrive, kept when their totals are the same.
  const [spend, setSpend] = useState<{
    columns?: ListColumns
    values?: ReadonlyMap<string, number>
  }>({})
  if (spend.columns !== columns) {
    setSpend({ columns, values: columns && spendByCustomer(columns, spend.values) })
  }
  const values = spend.values
  return useMemo(() => {
    if (!records || !withValues) return records
    return values ? { ...records, values } : undefined
  }, [records, values, withValues])
}

/** The map records a deck's slides show: with each customer's spend if a slide sizes by it. */
export function useDeckMapData(slides: readonly Slide[] | undefined): MapData | undefined {
  const values = useMemo(
    () =>
      (slides ?? []).some(
        (slide) =>
          slide.kind === 'map' && readMapSlideView(slide.view).filters.measure === 'value',
      ),
    [slides],
  )
  return useMapData({ values })
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
