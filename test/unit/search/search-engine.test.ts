import { beforeEach, describe, expect, it } from 'vitest'
import type { RecordChange } from '../../../src/db/change-set'
import { createNotebookDb } from '../../../src/db/notebook-db'
import type { IndexedDbImplementation, NotebookDb } from '../../../src/db/notebook-db'
import { NotebookStore } from '../../../src/db/notebook-store'
import { Registry } from '../../../src/db/registry'
import { createEntity } from '../../../src/notebook/entities'
import { SearchEngine } from '../../../src/search/search-engine'
import type { SearchEngineOptions, SearchStatus } from '../../../src/search/search-engine'
import { createSearchDb, searchDbName } from '../../../src/search/search-db'
import { freshIndexedDb } from '../../helpers/fresh-idb'

const NOTEBOOK = 'nb1'
let idb: IndexedDbImplementation
let db: NotebookDb
let store: NotebookStore
let now: number

async function addNote(id: string, text: string): Promise<readonly RecordChange[]> {
  now += 1_000
  const { changes } = await store.write((writer) =>
    writer.put('notes', {
      id,
      text,
      kind: 'conversation',
      touchpoint: 'shop',
      at: now,
      about: [],
      tags: [],
      facets: [],
      source: 'observed',
      sentiment: 0,
    }),
  )
  return changes
}

async function addCustomer(name: string) {
  now += 1_000
  const { result, changes } = await store.write((writer) =>
    createEntity(writer, { kind: 'customer', name }),
  )
  return { entity: result, changes }
}

async function openEngine(options: SearchEngineOptions = {}) {
  const statuses: SearchStatus[] = []
  const engine = new SearchEngine(NOTEBOOK, idb, {
    onStatus: (status) => statuses.push(status),
    batchSize: 2,
    ...options,
  })
  await engine.open()
  return { engine, statuses, status: engine.currentStatus }
}

async function titles(engine: SearchEngine, query: string) {
  return (await engine.query(query)).hits.map((hit) => hit.title)
}

beforeEach(async () => {
  idb = freshIndexedDb()
  db = createNotebookDb(NOTEBOOK, idb)
  await db.open()
  now = 1_700_000_000_000
  store = new NotebookStore(db, () => now)
  await addCustomer('Zoé Fabre')
  await addCustomer('Café Lune')
  await addNote('n1', 'Talked about the crevaison near the canal with Zoé.')
  await addNote('n2', 'Bought a croissant.')
})

describe('SearchEngine', () => {
  it('builds the index on first open, with progress, and saves it', async () => {
    const { engine, statuses, status } = await openEngine()
    expect(status).toMatchObject({ state: 'ready', source: 'rebuilt', total: 4, done: 4 })
    expect(statuses.map((entry) => entry.state)).toContain('building')
    // The entities, read for the names, are indexed at once; the notes in batches of two.
    expect(
      statuses.filter((entry) => entry.state === 'building').map((entry) => entry.done),
    ).toEqual([2, 4])
    expect(await titles(engine, 'zoe')).toEqual([
      'Zoé Fabre',
      'Talked about the crevaison near the canal with Zoé.',
    ])
    const result = await engine.query('crev')
    expect(result.source).toBe('index')
    expect(result.hits[0]).toMatchObject({ type: 'note', id: 'n1', terms: ['crevaison'] })
    expect(result.elapsedMs).toBeGreaterThanOrEqual(0)
    const cached = await createSearchDb(NOTEBOOK, idb).index.get('index')
    expect(cached).toMatchObject({ counts: { entity: 2, note: 2 }, watermark: now })
    await engine.close()
  })

  it('loads from the cache on the next open, with identical results', async () => {
    const first = await openEngine()
    const before = await first.engine.query('zoe')
    await first.engine.close()
    const second = await openEngine()
    expect(second.status).toMatchObject({ state: 'ready', source: 'cache', caughtUp: 0 })
    const after = await second.engine.query('zoe')
    expect(after.hits).toEqual(before.hits)
    expect(second.statuses.map((entry) => entry.state)).not.toContain('building')
    await second.engine.close()
  })

  it('catches up with records added or changed while it was closed', async () => {
    await (await openEngine()).engine.close()
    await addNote('n3', 'A puncture on the towpath.')
    now += 1_000
    await store.write((writer) => writer.update('notes', 'n2', { text: 'Bought a baguette.' }))
    const { engine, status } = await openEngine()
    expect(status).toMatchObject({ source: 'cache', caughtUp: 2 })
    expect(await titles(engine, 'puncture')).toEqual(['A puncture on the towpath.'])
    expect(await titles(engine, 'baguette')).toEqual(['Bought a baguette.'])
    expect(await titles(engine, 'croissant')).toEqual([])
    await engine.close()
  })

  it('rebuilds instead of catching up when more records changed than it catches up with', async () => {
    await (await openEngine()).engine.close()
    // An import written while search was closed: past 5,000 changed records, a build is faster.
    now += 1_000
    const imported = Array.from({ length: 5_001 }, (_, i) => ({
      id: `imported-${String(i)}`,
      text: i === 0 ? 'A sourdough order.' : 'Imported.',
      kind: 'conversation' as const,
      touchpoint: 'shop' as const,
      at: now,
      about: [],
      tags: [],
      facets: [],
      source: 'observed' as const,
      sentiment: 0,
      createdAt: now,
      updatedAt: now,
    }))
    await db.notes.bulkPut(imported)
    const { engine, status } = await openEngine({ batchSize: 2_000 })
    expect(status).toMatchObject({ source: 'rebuilt', total: 2 + 2 + 5_001 })
    expect(await titles(engine, 'sourdough')).toEqual(['A sourdough order.'])
    await engine.close()
  })

  it('rebuilds when records were deleted while it was closed', async () => {
    await (await openEngine()).engine.close()
    await store.write((writer) => writer.delete('notes', 'n2'))
    const { engine, status } = await openEngine()
    expect(status.source).toBe('rebuilt')
    expect(await titles(engine, 'croissant')).toEqual([])
    await engine.close()
  })

  it('applies changes while open and saves them after a pause', async () => {
    const { engine } = await openEngine({ saveDelayMs: 10 })
    const added = await addNote('n4', 'Asked for rye bread.')
    await engine.applyChanges(added)
    expect(await titles(engine, 'rye')).toEqual(['Asked for rye bread.'])
    now += 1_000
    const { changes: edited } = await store.write((writer) =>
      writer.update('notes', 'n4', { text: 'Asked for spelt bread.' }),
    )
    await engine.applyChanges(edited)
    expect(await titles(engine, 'rye')).toEqual([])
    const { changes: removed } = await store.write((writer) => writer.delete('notes', 'n1'))
    await engine.applyChanges([...removed, { table: 'ties', id: 'ignored' }])
    expect(await titles(engine, 'crevaison')).toEqual([])
    await new Promise((resolve) => setTimeout(resolve, 50))
    const cached = await createSearchDb(NOTEBOOK, idb).index.get('index')
    expect(cached?.counts).toEqual({ entity: 2, note: 2 })
    const reopened = await openEngine()
    expect(reopened.status.source).toBe('cache')
    expect(await titles(reopened.engine, 'spelt')).toEqual(['Asked for spelt bread.'])
    await engine.close()
    await reopened.engine.close()
  })

  it('shows the new text of a note edited after it was shown', async () => {
    const { engine } = await openEngine()
    const before = (await engine.query('croissant')).hits
    expect(before.map((hit) => hit.title)).toEqual(['Bought a croissant.'])
    now += 1_000
    const { changes } = await store.write((writer) =>
      writer.update('notes', 'n2', { text: 'Bought a **croissant** and rye bread.' }),
    )
    await engine.applyChanges(changes)
    const after = (await engine.query('croissant')).hits
    expect(after.map((hit) => [hit.title, hit.snippet])).toEqual([
      ['Bought a croissant and rye bread.', 'Bought a croissant and rye bread.'],
    ])
    await engine.close()
  })

  it('saves at once when many records changed', async () => {
    const { engine } = await openEngine({ saveDelayMs: 60_000, saveThreshold: 2 })
    const changes = [...(await addNote('a', 'one')), ...(await addNote('b', 'two'))]
    await engine.applyChanges(changes)
    await engine.flush()
    const cached = await createSearchDb(NOTEBOOK, idb).index.get('index')
    expect(cached?.counts.note).toBe(4)
    await engine.close()
  })

  it('answers from names before the full-text index is ready', async () => {
    const engine = new SearchEngine(NOTEBOOK, idb)
    await engine.loadNames()
    const result = await engine.query('zoe fa')
    expect(result.source).toBe('names')
    expect(result.hits).toMatchObject([
      { type: 'entity', kind: 'customer', title: 'Zoé Fabre', terms: ['zoe', 'fabre'] },
    ])
    expect((await engine.query('crevaison')).hits).toEqual([])
    // Changes that come before the index are applied once it is ready.
    const { changes } = await addCustomer('Zoë Martin')
    await engine.applyChanges(changes)
    expect((await engine.query('zoe')).hits.map((hit) => hit.title)).toEqual([
      'Zoé Fabre',
      'Zoë Martin',
    ])
    await engine.open()
    expect(await titles(engine, 'martin')).toEqual(['Zoë Martin'])
    await engine.close()
  })
})

describe('deleting a notebook', () => {
  it('deletes its search cache with it', async () => {
    const clock = { now: 1_700_000_000_000 }
    const registry = new Registry(idb, () => clock.now)
    const entry = await registry.createNotebook('Gone')
    const cache = createSearchDb(entry.id, idb)
    await cache.open()
    cache.close()
    const names = async () => (await idb.indexedDB.databases!()).map((database) => database.name)
    expect(await names()).toContain(searchDbName(entry.id))
    await registry.deleteNotebook(entry.id)
    clock.now += 8 * 24 * 60 * 60 * 1000
    await registry.purgeDeleted()
    expect(await names()).not.toContain(searchDbName(entry.id))
  })
})
