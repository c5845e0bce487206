/**
 * Every past schema version has a fixture of records as that version stored them; each must
 * open in the current version with nothing lost. A database from a newer Carnet is refused.
 */
import { readFileSync } from 'node:fs'
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { RECORD_SCHEMAS, TABLE_NAMES } from '../../../src/model/records'
import type { TableName } from '../../../src/model/records'
import { notebookDbName, openNotebookDb } from '../../../src/db/notebook-db'
import type { IndexedDbImplementation } from '../../../src/db/notebook-db'
import { CURRENT_SCHEMA_VERSION, SCHEMA_VERSIONS } from '../../../src/db/schema'
import { freshIndexedDb } from '../../helpers/fresh-idb'

interface Fixture {
  schemaVersion: number
  tables: Record<TableName, Record<string, unknown>[]>
}

function readFixture(version: number): Fixture {
  const url = new URL(`../../fixtures/notebooks/schema-v${version}.json`, import.meta.url)
  return JSON.parse(readFileSync(url, 'utf8')) as Fixture
}

/** Writes a fixture with only the schema versions up to `version`, as that Carnet would have. */
async function writeAsVersion(idb: IndexedDbImplementation, id: string, fixture: Fixture) {
  const old = new Dexie(notebookDbName(id), { indexedDB: idb.indexedDB, IDBKeyRange: idb.IDBKeyRange })
  for (const step of SCHEMA_VERSIONS.filter((entry) => entry.version <= fixture.schemaVersion)) {
    old.version(step.version).stores(step.stores)
  }
  await old.open()
  for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkAdd(rows)
  old.close()
}

describe.each(SCHEMA_VERSIONS.map((entry) => entry.version))('a notebook from schema version %i', (version) => {
  it('opens in the current version with every record intact and valid', async () => {
    const idb = freshIndexedDb()
    const fixture = readFixture(version)
    expect(fixture.schemaVersion).toBe(version)
    await writeAsVersion(idb, 'old', fixture)

    const opened = await openNotebookDb('old', idb)
    if (!opened.ok) throw new Error(`did not open: ${JSON.stringify(opened.error)}`)
    expect(opened.db.verno).toBe(CURRENT_SCHEMA_VERSION)
    for (const table of TABLE_NAMES) {
      const stored = await opened.db.table(table).toArray()
      expect(stored.map((row: { id: string }) => row.id).sort()).toEqual(
        (fixture.tables[table] ?? []).map((row) => row.id as string).sort(),
      )
      for (const row of stored) expect(RECORD_SCHEMAS[table].safeParse(row).success).toBe(true)
    }
    opened.db.close()
  })
})

describe('a notebook from a newer Carnet', () => {
  it('is refused with the versions named, and left untouched', async () => {
    const idb = freshIndexedDb()
    const newer = new Dexie(notebookDbName('future'), { indexedDB: idb.indexedDB, IDBKeyRange: idb.IDBKeyRange })
    newer.version(CURRENT_SCHEMA_VERSION + 1).stores({ entities: 'id', hologram: 'id' })
    await newer.open()
    await newer.table('entities').add({ id: 'from-the-future' })
    newer.close()

    const opened = await openNotebookDb('future', idb)
    expect(opened).toEqual({
      ok: false,
      error: { code: 'newer-version', found: CURRENT_SCHEMA_VERSION + 1, supported: CURRENT_SCHEMA_VERSION },
    })

    const again = new Dexie(notebookDbName('future'), { indexedDB: idb.indexedDB, IDBKeyRange: idb.IDBKeyRange })
    again.version(CURRENT_SCHEMA_VERSION + 1).stores({ entities: 'id', hologram: 'id' })
    expect(await again.table('entities').toArray()).toEqual([{ id: 'from-the-future' }])
    again.close()
  })
})
