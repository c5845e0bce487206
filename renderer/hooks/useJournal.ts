/**
 * Live reads for the journal, the follow-ups, the trash and the capture's mention suggestions.
 * Views get plain data and re-render when the records they show change.
 */
import { useLiveQuery } from 'dexie-react-hooks'
import type { Entity, Note, TrashItem } from '../../src/model/records'
import { FOLLOW_UP_KINDS } from '../../src/model/vocabulary'
import { journalRange, matchesJournalFilter } from '../../src/notebook/journal-filter'
import type { JournalFilter } from '../../src/notebook/journal-filter'
import { useAppState } from './useApp'

export interface JournalPage {
  notes: Note[]
  /** Whether more notes match beyond `limit`. */
  hasMore: boolean
}

/**
 * The newest notes matching `filter`, at most `limit` of them: a scan of the `at` index from the
 * newest, stopping once the page is full, so a notebook of 200,000 notes reads one page.
 */
export function useJournalNotes(filter: JournalFilter, limit: number): JournalPage | undefined {
  const db = useAppState().notebook?.store.db
  const key = JSON.stringify(filter)
  return useLiveQuery(async () => {
    if (!db) return { notes: [], hasMore: false }
    const parsed = JSON.parse(key) as JournalFilter
    const { lower, upper } = journalRange(parsed)
    const notes = await db.notes
      .where('at')
      .between(lower, upper, true, true)
      .reverse()
      .filter((note) => matchesJournalFilter(note, parsed))
      .limit(limit + 1)
      .toArray()
    return { notes: notes.slice(0, limit), hasMore: notes.length > limit }
  }, [db, key, limit])
}

/** Every tag used in notes, from the `*tags` index without reading the notes. */
export function useNoteTags(): string[] | undefined {
  const db = useAppState().notebook?.store.db
  return useLiveQuery(
    async () => (db ? ((await db.notes.orderBy('tags').uniqueKeys()) as string[]) : []),
    [db],
  )
}

/** Id, name and kind of every entity, for mention suggestions and filters. */
export function useEntityDirectory(): Pick<Entity, 'id' | 'name' | 'kind'>[] | undefined {
  const db = useAppState().notebook?.store.db
  return useLiveQuery(async () => {
    if (!db) return []
    const entities = await db.entities.orderBy('name').toArray()
    return entities.map(({ id, name, kind }) => ({ id, name, kind }))
  }, [db])
}

/** Notes of the kinds that open a feedback loop and that carry a follow-up. */
export function useFollowUpNotes(): Note[] | undefined {
  const db = useAppState().notebook?.store.db
  return useLiveQuery(async () => {
    if (!db) return []
    return db.notes
      .where('kind')
      .anyOf([...FOLLOW_UP_KINDS])
      .filter((note) => note.followUp !== undefined)
      .toArray()
  }, [db])
}

export function useTrashItems(): TrashItem[] | undefined {
  const db = useAppState().notebook?.store.db
  return useLiveQuery(
    async () => (db ? db.trash.orderBy('deletedAt').reverse().toArray() : []),
    [db],
  )
}

export function useNote(id: string | undefined): Note | undefined | null {
  const db = useAppState().notebook?.store.db
  return useLiveQuery(async () => (db && id ? ((await db.notes.get(id)) ?? null) : null), [db, id])
}

/** The given notes, newest first (the notes behind an insight: a theme, a voice). */
export function useNotesByIds(ids: readonly string[]): Note[] | undefined {
  const db = useAppState().notebook?.store.db
  const key = ids.join(',')
  return useLiveQuery(async () => {
    if (!db || key === '') return []
    const notes = await db.notes.bulkGet(key.split(','))
    return notes.flatMap((note) => (note ? [note] : [])).sort((a, b) => b.at - a.at)
  }, [db, key])
}
