/**
 * Keeps the search index of one notebook: loads it from its cache database, catches up with what
 * changed while it was closed, applies changes as they happen, saves it now and then, answers
 * queries. Runs in the search worker (`renderer/workers/search.worker.ts`) and in Node tests; the
 * caller passes the IndexedDB implementation and a clock.
 *
 * The index is a derived cache, kept out of the notebook database in `carnet-search-<id>`:
 * losing it costs a rebuild, never data. On open, records whose `updatedAt` is at or above the
 * stored watermark are re-indexed; deletions made while closed are detected by comparing how
 * many records the index holds with how many the notebook holds, and trigger a rebuild.
 */
import type { Entity } from '../model/records'
import { createNotebookDb } from '../db/notebook-db'
import type { IndexedDbImplementation, NotebookDb } from '../db/notebook-db'
import { createSearchDb, SEARCH_INDEX_KEY } from './search-db'
import type { SearchCacheRecord, SearchDb } from './search-db'
import {
  documentKey,
  entityDocument,
  foldText,
  INDEX_FORMAT,
  noteDocument,
  plainNoteText,
  SearchIndex,
  snippet,
  tokenize,
} from './search-index'
import type { SearchCounts, SearchHit } from './search-index'

export type SearchState = 'idle' | 'loading' | 'building' | 'ready' | 'error'

export interface SearchStatus {
  state: SearchState
  /** How the index became ready: loaded from the cache, or built from the notebook. */
  source?: 'cache' | 'rebuilt'
  /** Records indexed so far and in all, while building. */
  done: number
  total: number
  /** Records re-indexed on open because they changed since the cache was saved. */
  caughtUp?: number
  /** Milliseconds from open to ready. */
  openMs?: number
  error?: string
}

export interface SearchResultItem extends SearchHit {
  /** Notes: the text around the first match. Entities: empty. */
  snippet: string
}

export interface QueryResult {
  hits: SearchResultItem[]
  /** Milliseconds the engine spent on the query. */
  elapsedMs: number
  /** `names` while the full-text index is not ready: customer and entity names only. */
  source: 'index' | 'names'
}

export interface ChangedRecord {
  table: string
  id: string
}

export interface SearchEngineOptions {
  /** A clock in milliseconds, for timings (`performance.now` in the worker). */
  now?: () => number
  onStatus?: (status: SearchStatus) => void
  /** Save this long after the last change… */
  saveDelayMs?: number
  /** …or at once when this many records changed since the last save. */
  saveThreshold?: number
  /** Records read per step while building. */
  batchSize?: number
}

/** How many shown notes' texts are kept for the next keystrokes. */
const SHOWN_TEXTS_KEPT = 500

interface NameEntry {
  id: string
  name: string
  /** The entity kind, given with the results. */
  kind: string
  words: string[]
}

export class SearchEngine {
  private readonly notebook: NotebookDb
  private readonly cache: SearchDb
  private index: SearchIndex | null = null
  private names: NameEntry[] = []
  private watermark = 0
  private unsaved = 0
  private saveTimer: number | undefined
  private saving: Promise<void> = Promise.resolve()
  /** Changes that arrive while the index is being loaded or built, applied once it is. */
  private pending = new Map<string, ChangedRecord>()
  private status: SearchStatus = { state: 'idle', done: 0, total: 0 }
  private readonly now: () => number
  private readonly options: Required<Omit<SearchEngineOptions, 'now' | 'onStatus'>>
  private closed = false
  private namesLoaded: Promise<void> | undefined
  /** The entities read for the names, kept until the index is ready: a build needs them too. */
  private openingEntities: Entity[] = []
  /** Where the last build spent its time: waiting for records, and indexing them. */
  private readonly buildTimings = { waitMs: 0, indexMs: 0 }
  /** Plain texts of notes lately shown in results, least recently shown first. */
  private readonly shownTexts = new Map<string, string>()
  /** Counts changes to notes, so that a text read during a change is not kept. */
  private textsGeneration = 0

  constructor(
    readonly notebookId: string,
    idb: IndexedDbImplementation,
    private readonly settings: SearchEngineOptions = {},
  ) {
    this.notebook = createNotebookDb(notebookId, idb)
    this.cache = createSearchDb(notebookId, idb)
    this.now = settings.now ?? Date.now
    this.options = {
      saveDelayMs: settings.saveDelayMs ?? 2_000,
      saveThreshold: settings.saveThreshold ?? 1_000,
      batchSize: settings.batchSize ?? 5_000,
    }
  }

  get currentStatus(): SearchStatus {
    return this.status
  }

  private setStatus(patch: Partial<SearchStatus>): void {
    this.status = { ...this.status, ...patch }
    this.settings.onStatus?.(this.status)
  }

  /** Makes names searchable at once, then loads or builds the full-text index. */
  async open(): Promise<void> {
    const started = this.now()
    try {
      this.setStatus({ state: 'loading' })
      await this.loadNames()
      const cached = await this.cache.index.get(SEARCH_INDEX_KEY)
      let source: 'cache' | 'rebuilt' = 'rebuilt'
      let caughtUp = 0
      // Many records changed since the save (a notebook imported or restored): building in
      // batches is faster than catching up with all of them at once.
      const catchUpLimit = Math.max(5_000, (cached?.counts.note ?? 0) / 4)
      const usable =
        cached?.format === INDEX_FORMAT &&
        (await this.changedSince(cached.watermark, catchUpLimit)) <= catchUpLimit
      const chunksRead = usable ? this.cache.chunks.toArray() : Promise.resolve([])
      // Asked for after the chunks, so that IndexedDB counts while the worker decodes them.
      const recordCounts = this.countRecords()
      // Awaited below; this only keeps a failure from being reported before it is.
      recordCounts.catch(() => undefined)
      const chunks = await chunksRead
      if (cached && chunks.length > 0 && chunks.length === cached.chunkCount) {
        const index = SearchIndex.fromChunks(chunks)
        this.watermark = cached.watermark
        caughtUp = await this.catchUp(index)
        if (await this.matchesNotebook(index, recordCounts)) {
          this.index = index
          source = 'cache'
        }
      }
      if (!this.index) {
        this.watermark = 0
        this.index = await this.build(recordCounts)
        caughtUp = 0
      }
      if (this.closed) return
      await this.applyPending()
      this.names = []
      this.openingEntities = []
      this.setStatus({ state: 'ready', source, caughtUp, openMs: this.now() - started })
      if (source === 'rebuilt' || caughtUp > 0) await this.save()
    } catch (error) {
      this.setStatus({
        state: 'error',
        error: error instanceof Error ? error.message : String(error),
      })
    }
  }

  /**
   * Every entity's name, id and kind: what answers queries until the full-text index is ready.
   * `open()` starts with it. One read of the whole table: it costs less than walking the `name`
   * index (a cursor step per entity), gives the kinds with the names, so that a query answered
   * from names reads nothing more, and gives a build its entities.
   */
  loadNames(): Promise<void> {
    this.namesLoaded ??= this.readNames()
    return this.namesLoaded
  }

  private async readNames(): Promise<void> {
    const entities = await this.notebook.entities.toArray()
    this.names = entities.map((entity) => nameEntry(entity.id, entity.name, entity.kind))
    this.openingEntities = entities
  }

  /**
   * How many records changed since `watermark`, counted up to `limit` only: past it the cache is
   * rebuilt, and counting a whole notebook through the `updatedAt` index takes seconds.
   */
  private async changedSince(watermark: number, limit: number): Promise<number> {
    const since = (table: NotebookDb['entities'] | NotebookDb['notes']) =>
      table
        .where('updatedAt')
        .aboveOrEqual(watermark)
        .limit(limit + 1)
        .primaryKeys()
    const [entities, notes] = await Promise.all([
      since(this.notebook.entities),
      since(this.notebook.notes),
    ])
    return entities.length + notes.length
  }

  /** Re-indexes the records changed since the watermark; returns how many. */
  private async catchUp(index: SearchIndex): Promise<number> {
    const [entities, notes] = await Promise.all([
      this.notebook.entities.where('updatedAt').aboveOrEqual(this.watermark).toArray(),
      this.notebook.notes.where('updatedAt').aboveOrEqual(this.watermark).toArray(),
    ])
    // At or above: a record written in the same millisecond as the save may be missing.
    const since = this.watermark
    index.addAll([...entities.map(entityDocument), ...notes.map(noteDocument)])
    for (const record of [...entities, ...notes]) this.raiseWatermark(record.updatedAt)
    return [...entities, ...notes].filter((record) => record.updatedAt > since).length
  }

  private async countRecords(): Promise<SearchCounts> {
    const [entity, note] = await Promise.all([
      this.notebook.entities.count(),
      this.notebook.notes.count(),
    ])
    return { entity, note }
  }

  /**
   * Whether the index holds as many records as the notebook (else some were deleted meanwhile).
   * `recordCounts` was taken before the catch-up: a record added since only costs a rebuild.
   */
  private async matchesNotebook(
    index: SearchIndex,
    recordCounts: Promise<SearchCounts>,
  ): Promise<boolean> {
    const notebook = await recordCounts
    const counts = index.counts()
    return counts.entity === notebook.entity && counts.note === notebook.note
  }

  private async build(recordCounts: Promise<SearchCounts>): Promise<SearchIndex> {
    const notes = this.notebook.notes
    const read = (after: string | undefined) =>
      (after === undefined ? notes.orderBy(':id') : notes.where(':id').above(after))
        .limit(this.options.batchSize)
        .toArray()
    // Each batch of notes is read while the one before is indexed: IndexedDB reads as the
    // worker indexes. The first is read while the entities are.
    let next = read(undefined)
    next.catch(() => undefined)
    const index = SearchIndex.build()
    // The entities were read for the names; changes made since are pending, applied after.
    const entities = this.openingEntities
    index.addAll(entities.map(entityDocument))
    for (const entity of entities) this.raiseWatermark(entity.updatedAt)
    let done = entities.length
    const counts = await recordCounts
    const total = () => Math.max(counts.entity + counts.note, done)
    this.setStatus({ state: 'building', done, total: total() })
    for (;;) {
      const waiting = this.now()
      const batch = await next
      const indexing = this.now()
      this.buildTimings.waitMs += indexing - waiting
      if (this.closed) return index.finish()
      if (batch.length === 0) break
      next = read(batch[batch.length - 1]!.id)
      next.catch(() => undefined)
      index.addAll(batch.map(noteDocument))
      for (const note of batch) this.raiseWatermark(note.updatedAt)
      this.buildTimings.indexMs += this.now() - indexing
      done += batch.length
      this.setStatus({ done, total: total() })
    }
    const finishing = this.now()
    const built = index.finish()
    this.buildTimings.indexMs += this.now() - finishing
    return built
  }

  private raiseWatermark(updatedAt: number): void {
    if (updatedAt > this.watermark) this.watermark = updatedAt
  }

  /** Re-reads the given records and updates the index; changes of other tables are ignored. */
  async applyChanges(changes: readonly ChangedRecord[]): Promise<void> {
    const relevant = changes.filter(
      (change) => change.table === 'entities' || change.table === 'notes',
    )
    if (relevant.length === 0) return
    if (!this.index) {
      for (const change of relevant) this.pending.set(`${change.table}:${change.id}`, change)
      await this.updateNames(relevant)
      return
    }
    await this.reindex(this.index, relevant)
  }

  private async applyPending(): Promise<void> {
    const changes = [...this.pending.values()]
    this.pending.clear()
    if (this.index && changes.length > 0) await this.reindex(this.index, changes)
  }

  private async reindex(index: SearchIndex, changes: readonly ChangedRecord[]): Promise<void> {
    const entityIds = changes
      .filter((change) => change.table === 'entities')
      .map((change) => change.id)
    const noteIds = changes.filter((change) => change.table === 'notes').map((change) => change.id)
    this.forgetTexts(noteIds)
    const [entities, notes] = await Promise.all([
      this.notebook.entities.bulkGet(entityIds),
      this.notebook.notes.bulkGet(noteIds),
    ])
    // Again after the read: a query may have read the old text meanwhile.
    this.forgetTexts(noteIds)
    entities.forEach((entity, i) => {
      if (entity) {
        index.put(entityDocument(entity))
        this.raiseWatermark(entity.updatedAt)
      } else index.remove(documentKey('entity', entityIds[i]!))
    })
    notes.forEach((note, i) => {
      if (note) {
        index.put(noteDocument(note))
        this.raiseWatermark(note.updatedAt)
      } else index.remove(documentKey('note', noteIds[i]!))
    })
    this.unsaved += changes.length
    this.scheduleSave()
  }

  private forgetTexts(noteIds: readonly string[]): void {
    if (noteIds.length === 0) return
    this.textsGeneration++
    for (const id of noteIds) this.shownTexts.delete(id)
  }

  private async updateNames(changes: readonly ChangedRecord[]): Promise<void> {
    const ids = changes.filter((change) => change.table === 'entities').map((change) => change.id)
    if (ids.length === 0) return
    const entities = await this.notebook.entities.bulkGet(ids)
    const changed = new Set(ids)
    this.names = this.names.filter((entry) => !changed.has(entry.id))
    for (const entity of entities) {
      if (entity) this.names.push(nameEntry(entity.id, entity.name, entity.kind))
    }
  }

  private scheduleSave(): void {
    if (this.closed) return
    clearTimeout(this.saveTimer)
    if (this.unsaved >= this.options.saveThreshold) {
      void this.save()
      return
    }
    this.saveTimer = setTimeout(() => void this.save(), this.options.saveDelayMs)
  }

  /** Writes the index to its cache database (one save at a time). */
  save(): Promise<void> {
    clearTimeout(this.saveTimer)
    this.saveTimer = undefined
    const index = this.index
    if (!index) return this.saving
    this.unsaved = 0
    const chunks = index.toChunks()
    const record: SearchCacheRecord = {
      key: SEARCH_INDEX_KEY,
      format: INDEX_FORMAT,
      chunkCount: chunks.length,
      watermark: this.watermark,
      counts: index.counts(),
      savedAt: Date.now(),
      build: { ...this.buildTimings },
    }
    const cache = this.cache
    this.saving = this.saving.then(() =>
      cache.transaction('rw', cache.index, cache.chunks, async () => {
        await cache.chunks.clear()
        await cache.chunks.bulkPut(chunks)
        await cache.index.put(record)
      }),
    )
    return this.saving
  }

  /** Saves pending changes, if any. */
  async flush(): Promise<void> {
    if (this.saveTimer !== undefined || this.unsaved > 0) await this.save()
    await this.saving
  }

  async query(text: string, limit = 20): Promise<QueryResult> {
    const started = this.now()
    if (!this.index) await this.loadNames()
    if (!this.index) {
      const hits = this.searchNames(text, limit)
      return { hits, elapsedMs: this.now() - started, source: 'names' }
    }
    const hits = this.index.search(text, limit)
    const texts = await this.noteTexts(
      hits.filter((hit) => hit.type === 'note').map((hit) => hit.id),
    )
    const items = hits.map((hit): SearchResultItem => {
      if (hit.type !== 'note') return { ...hit, snippet: '' }
      const plain = texts.get(hit.id) ?? ''
      const firstLine = plain.split('\n', 1)[0]!.trim()
      return { ...hit, title: firstLine, snippet: snippet(plain, hit.terms) }
    })
    return { hits: items, elapsedMs: this.now() - started, source: 'index' }
  }

  /**
   * The plain text of the notes shown, by id. Successive keystrokes mostly show the same notes,
   * so the texts read are kept (a few hundred) and only the others are read from the notebook.
   */
  private async noteTexts(ids: readonly string[]): Promise<Map<string, string>> {
    const texts = new Map<string, string>()
    const missing: string[] = []
    for (const id of ids) {
      const known = this.shownTexts.get(id)
      if (known === undefined) {
        missing.push(id)
        continue
      }
      texts.set(id, known)
      // Re-inserted: the map keeps the most recently shown last, and drops from the front.
      this.shownTexts.delete(id)
      this.shownTexts.set(id, known)
    }
    if (missing.length === 0) return texts
    const generation = this.textsGeneration
    const notes = await this.notebook.notes.bulkGet(missing)
    // A note changed while it was read: show what was read, but do not keep it.
    const keep = generation === this.textsGeneration
    notes.forEach((note) => {
      if (!note) return
      const plain = plainNoteText(note.text)
      texts.set(note.id, plain)
      if (keep) this.shownTexts.set(note.id, plain)
    })
    for (const id of this.shownTexts.keys()) {
      if (this.shownTexts.size <= SHOWN_TEXTS_KEPT) break
      this.shownTexts.delete(id)
    }
    return texts
  }

  /** Before the index is ready: names whose words start with every word of the query. */
  private searchNames(text: string, limit: number): SearchResultItem[] {
    const terms = tokenize(text).map(foldText)
    if (terms.length === 0) return []
    const found: { entry: NameEntry; score: number; words: string[] }[] = []
    for (const entry of this.names) {
      let score = 0
      const words: string[] = []
      for (const term of terms) {
        const word = entry.words.find((candidate) => candidate.startsWith(term))
        if (word === undefined) {
          score = 0
          break
        }
        words.push(word)
        score += word === term ? 2 : 1
      }
      if (score > 0)
        found.push({ entry, score: score + (entry.words[0]?.startsWith(terms[0]!) ? 1 : 0), words })
    }
    found.sort((a, b) => b.score - a.score || a.entry.name.localeCompare(b.entry.name))
    return found.slice(0, limit).map(({ entry, score, words }) => ({
      id: entry.id,
      type: 'entity',
      kind: entry.kind,
      title: entry.name,
      at: 0,
      score,
      terms: words,
      snippet: '',
    }))
  }

  /** Saves what is unsaved and closes both databases. */
  async close(): Promise<void> {
    if (this.closed) return
    await this.flush()
    this.closed = true
    this.notebook.close()
    this.cache.close()
  }
}

function nameEntry(id: string, name: string, kind: string): NameEntry {
  return { id, name, kind, words: tokenize(name).map(foldText) }
}
