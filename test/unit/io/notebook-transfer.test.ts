import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createNotebookDb, openNotebookDb } from '../../../src/db/notebook-db'
import type { NotebookDb } from '../../../src/db/notebook-db'
import { NotebookStore } from '../../../src/db/notebook-store'
import { Registry } from '../../../src/db/registry'
import {
  MAX_ITERATIONS,
  MIN_ITERATIONS,
  encryptBytes,
  fromBase64,
  toBase64,
  utf8Decode,
  utf8Encode,
} from '../../../src/io/encryption'
import { loadNotebookFile } from '../../../src/io/load-notebook'
import { applyMergePlan, planMerge } from '../../../src/io/merge-plan'
import { emptyTables } from '../../../src/io/notebook-file'
import type { NotebookTables } from '../../../src/io/notebook-file'
import {
  exportNotebook,
  importAsNewNotebook,
  notebookFileBytes,
  readNotebookBytes,
} from '../../../src/io/notebook-transfer'
import { freshIndexedDb } from '../../helpers/fresh-idb'
import { notebookArbitrary, sortedTables } from '../../helpers/notebook-arbitrary'

const NOW = 1_750_000_000_000

async function dbWith(tables: NotebookTables): Promise<NotebookDb> {
  const db = createNotebookDb(`t-${crypto.randomUUID()}`, freshIndexedDb())
  await db.open()
  await loadNotebookFile(
    db,
    {
      format: 'carnet-notebook',
      formatVersion: 1,
      schemaVersion: 1,
      name: 'x',
      exportedAt: 0,
      tables,
    },
    NOW,
  )
  return db
}

function sample(): NotebookTables {
  const tables = emptyTables()
  tables.entities = [
    {
      id: 'c1',
      kind: 'customer',
      name: 'Zoé Martin',
      tags: ['regular'],
      summary: 'Likes rye',
      createdAt: 1,
      updatedAt: 1,
      contact: { emails: ['zoe@example.org'], phones: [] },
    },
    {
      id: 'c2',
      kind: 'customer',
      name: 'Bastien Roux',
      tags: [],
      summary: '',
      createdAt: 1,
      updatedAt: 1,
    },
  ]
  tables.notes = [
    {
      id: 'n1',
      text: 'Talked with [@Zoé Martin](carnet:entity/c1)',
      kind: 'conversation',
      touchpoint: 'shop',
      at: 5,
      about: ['c1'],
      tags: [],
      facets: [],
      source: 'observed',
      sentiment: 0,
      createdAt: 5,
      updatedAt: 5,
    },
  ]
  return tables
}

describe('notebook files', () => {
  it('round-trips generated notebooks through export and import as a new notebook', async () => {
    await fc.assert(
      fc.asyncProperty(notebookArbitrary(), async (tables) => {
        const source = await dbWith(tables)
        const file = await exportNotebook(source, 'Shop', NOW)
        source.close()
        const read = await readNotebookBytes(await notebookFileBytes(file))
        expect(read.ok).toBe(true)
        if (!read.ok) return
        expect(read.report.refused).toEqual([])
        const idb = freshIndexedDb()
        const registry = new Registry(idb, () => NOW)
        const entry = await importAsNewNotebook(registry, idb, read.file, 'Imported', NOW)
        expect(entry.origin).toBe('import')
        const opened = await openNotebookDb(entry.id, idb)
        if (!opened.ok) throw new Error('not opened')
        const again = await exportNotebook(opened.db, 'Imported', NOW)
        opened.db.close()
        expect(sortedTables(again.tables)).toEqual(sortedTables(tables))
      }),
      { numRuns: 25 },
    )
  })

  it('encrypts with a passphrase: the ciphertext shows no name, the right passphrase reads it back', async () => {
    const db = await dbWith(sample())
    const file = await exportNotebook(db, 'Secret shop', NOW)
    const bytes = await notebookFileBytes(file, 'correct horse battery staple')
    const text = utf8Decode(bytes)
    for (const secret of [
      'Zoé',
      'Zoe',
      'Martin',
      'Bastien',
      'Secret shop',
      'zoe@example.org',
      'rye',
    ]) {
      expect(text).not.toContain(secret)
    }
    const envelope = JSON.parse(text) as {
      kdf: { iterations: number; salt: string }
      cipher: { iv: string }
    }
    expect(envelope.kdf.iterations).toBeGreaterThanOrEqual(600_000)
    expect(fromBase64(envelope.kdf.salt)).toHaveLength(16)
    expect(fromBase64(envelope.cipher.iv)).toHaveLength(12)
    expect(await readNotebookBytes(bytes)).toEqual({
      ok: false,
      error: { code: 'needs-passphrase' },
    })
    expect(await readNotebookBytes(bytes, 'wrong horse')).toEqual({
      ok: false,
      error: { code: 'wrong-passphrase' },
    })
    const read = await readNotebookBytes(bytes, 'correct horse battery staple')
    expect(read.ok && sortedTables(read.file.tables)).toEqual(sortedTables(file.tables))
  })

  it('refuses weakened or absurd key derivation settings read from a file', async () => {
    const envelope = await encryptBytes(utf8Encode('{}'), 'pass')
    for (const iterations of [1_000, MIN_ITERATIONS - 1, MAX_ITERATIONS + 1]) {
      const bytes = utf8Encode(
        JSON.stringify({ ...envelope, kdf: { ...envelope.kdf, iterations } }),
      )
      expect(await readNotebookBytes(bytes, 'pass')).toEqual({
        ok: false,
        error: { code: 'unsafe-iterations', iterations },
      })
    }
    const newer = utf8Encode(JSON.stringify({ ...envelope, version: 2 }))
    expect(await readNotebookBytes(newer, 'pass')).toMatchObject({
      ok: false,
      error: { code: 'newer-encryption' },
    })
    const tampered = utf8Encode(JSON.stringify({ ...envelope, data: toBase64(new Uint8Array(40)) }))
    expect(await readNotebookBytes(tampered, 'pass')).toEqual({
      ok: false,
      error: { code: 'wrong-passphrase' },
    })
  })

  it('base64 round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(fromBase64(toBase64(bytes))).toEqual(bytes)
      }),
    )
  })
})

describe('damaged files', () => {
  /** Reads `bytes` and, if readable, merges them into `db`; the notebook is whole either way. */
  async function tryMerge(
    db: NotebookDb,
    bytes: Uint8Array,
  ): Promise<'refused' | 'merged' | 'failed'> {
    const read = await readNotebookBytes(bytes)
    if (!read.ok) return 'refused'
    const current = await exportNotebook(db, 'x', NOW)
    const plan = planMerge(current.tables, read.file.tables, {
      newId: () => crypto.randomUUID(),
      conflictMarker: '> copy',
    })
    try {
      await new NotebookStore(db, () => NOW).write((writer) => applyMergePlan(writer, plan))
      return 'merged'
    } catch {
      return 'failed'
    }
  }

  it('truncated or bit-flipped files are refused or repaired with a report, never half-written', async () => {
    const base = await dbWith(sample())
    const good = await notebookFileBytes(await exportNotebook(base, 'Shop', NOW))
    base.close()
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.integer({ min: 0, max: good.length - 1 }).map((cut) => good.slice(0, cut)),
          fc
            .tuple(fc.integer({ min: 0, max: good.length - 1 }), fc.integer({ min: 1, max: 255 }))
            .map(([at, mask]) => {
              const copy = good.slice()
              copy[at] = copy[at]! ^ mask
              return copy
            }),
        ),
        async (bytes) => {
          const db = await dbWith(emptyTables())
          const before = sortedTables((await exportNotebook(db, 'x', NOW)).tables)
          const outcome = await tryMerge(db, bytes)
          const after = sortedTables((await exportNotebook(db, 'x', NOW)).tables)
          if (outcome !== 'merged') expect(after).toEqual(before)
          else {
            const read = await readNotebookBytes(bytes)
            expect(read.ok).toBe(true)
          }
          db.close()
        },
      ),
      { numRuns: 120 },
    )
  })

  it('dropped fields and wrong types are refused record by record, with a report', async () => {
    const base = sample()
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('entities', 'notes'),
        fc.constantFrom('id', 'name', 'text', 'kind', 'createdAt', 'at', 'about'),
        fc.constantFrom(undefined, null, 42, 'x', [], {}, { __proto__: { polluted: true } }),
        async (table, field, value) => {
          const data = JSON.parse(
            JSON.stringify({
              format: 'carnet-notebook',
              formatVersion: 1,
              schemaVersion: 1,
              name: 'x',
              exportedAt: 0,
              tables: base,
            }),
          ) as {
            tables: Record<string, Record<string, unknown>[]>
          }
          const row = data.tables[table]![0]!
          if (value === undefined) delete row[field]
          else row[field] = value
          const db = await dbWith(sample())
          const before = sortedTables((await exportNotebook(db, 'x', NOW)).tables)
          const read = await readNotebookBytes(utf8Encode(JSON.stringify(data)))
          expect(read.ok).toBe(true)
          if (!read.ok) return
          const total =
            read.file.tables.entities.length +
            read.file.tables.notes.length +
            read.report.refused.length
          expect(total).toBe(3)
          const outcome = await tryMerge(db, utf8Encode(JSON.stringify(data)))
          expect(outcome).not.toBe('failed')
          const after = sortedTables((await exportNotebook(db, 'x', NOW)).tables)
          // A record given another valid id is simply a different record, which merging adds;
          // every other change either is refused or updates the record in place.
          const isNewRecord = field === 'id' && typeof value === 'string'
          if (read.report.refused.length === 0 && !isNewRecord)
            expect(after.entities).toHaveLength(before.entities.length)
          expect(({} as Record<string, unknown>).polluted).toBeUndefined()
          db.close()
        },
      ),
      { numRuns: 40 },
    )
  })

  it('names each refusal', async () => {
    expect(await readNotebookBytes(new Uint8Array())).toEqual({
      ok: false,
      error: { code: 'empty' },
    })
    expect(await readNotebookBytes(utf8Encode('{"format":'))).toEqual({
      ok: false,
      error: { code: 'not-json' },
    })
    expect(await readNotebookBytes(new Uint8Array([0xff, 0xfe, 0x00]))).toEqual({
      ok: false,
      error: { code: 'not-json' },
    })
    expect(await readNotebookBytes(utf8Encode('{"format":"other"}'))).toEqual({
      ok: false,
      error: { code: 'not-a-notebook' },
    })
    expect(
      await readNotebookBytes(utf8Encode('{"format":"carnet-notebook","formatVersion":7}')),
    ).toMatchObject({ ok: false, error: { code: 'newer-format' } })
    expect(await readNotebookBytes(utf8Encode('{"format":"carnet-encrypted"}'), 'x')).toEqual({
      ok: false,
      error: { code: 'bad-envelope' },
    })
  })
})

describe('planMerge', () => {
  const ids = (() => {
    let next = 0
    return () => `fresh-${++next}`
  })()

  it('adds what is new, lets the newer version win, and keeps both texts of a conflicting note', async () => {
    const current = sample()
    const incoming = sample()
    incoming.entities[0] = { ...incoming.entities[0]!, summary: 'Likes spelt now', updatedAt: 10 }
    incoming.entities[1] = { ...incoming.entities[1]!, summary: 'older change', updatedAt: 0 }
    current.entities[1] = { ...current.entities[1]!, summary: 'ours', updatedAt: 3 }
    incoming.notes[0] = { ...incoming.notes[0]!, text: 'Their version', updatedAt: 9 }
    incoming.entities.push({
      id: 'c3',
      kind: 'person',
      name: 'Léa',
      tags: [],
      summary: '',
      createdAt: 2,
      updatedAt: 2,
    })
    const plan = planMerge(current, incoming, { newId: ids, conflictMarker: '> Merged copy' })
    expect(plan.adds.map((add) => add.record.id)).toEqual(['c3'])
    expect(plan.updates.map((update) => update.after.id)).toEqual(['c1'])
    expect(plan.keptOurs).toBe(1)
    expect(plan.conflicts).toHaveLength(1)
    expect(plan.conflicts[0]!.kept.text).toBe('> Merged copy\n\nTheir version')
    expect(plan.conflicts[0]!.kept.id).not.toBe('n1')

    const db = await dbWith(current)
    const store = new NotebookStore(db, () => NOW)
    const { changes } = await store.write((writer) => applyMergePlan(writer, plan))
    expect(await db.entities.count()).toBe(3)
    expect((await db.entities.get('c1'))?.summary).toBe('Likes spelt now')
    expect((await db.entities.get('c2'))?.summary).toBe('ours')
    expect((await db.notes.toArray()).map((note) => note.text).sort()).toEqual([
      '> Merged copy\n\nTheir version',
      'Talked with [@Zoé Martin](carnet:entity/c1)',
    ])
    expect(changes).toHaveLength(3)
  })

  it('merging a notebook into itself changes nothing', () => {
    fc.assert(
      fc.property(notebookArbitrary(), (tables) => {
        const plan = planMerge(tables, tables, { newId: ids, conflictMarker: '>' })
        expect(plan.adds.length + plan.updates.length + plan.conflicts.length).toBe(0)
      }),
    )
  })
})
