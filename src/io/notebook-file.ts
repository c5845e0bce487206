/**
 * The Carnet notebook file (`.carnet`): one JSON document holding every table of a notebook.
 *
 * Writing is strict (`NotebookFile`, fully typed and versioned). Reading is forgiving: anything
 * may be missing or malformed, and `restoreNotebookFile` returns what could be kept plus a report
 * of what was repaired or refused, or a clear error when nothing usable is there.
 */
import { RECORD_SCHEMAS, TABLE_NAMES } from '../model/records'
import type { RecordOf, TableName } from '../model/records'
import { CURRENT_SCHEMA_VERSION } from '../db/schema'

export const NOTEBOOK_FORMAT = 'carnet-notebook'
export const NOTEBOOK_FORMAT_VERSION = 1

export type NotebookTables = { [T in TableName]: RecordOf[T][] }

export interface NotebookFile {
  format: typeof NOTEBOOK_FORMAT
  formatVersion: typeof NOTEBOOK_FORMAT_VERSION
  /** The database schema version the records follow. */
  schemaVersion: number
  name: string
  exportedAt: number
  /**
   * Sample notebooks only: the moment their dates were written relative to. On load every date
   * is shifted by (now − anchor), so the sample always looks like the last twelve months.
   */
  anchor?: number
  tables: NotebookTables
}

export interface RestoreReport {
  /** Records dropped because they could not be made valid, per table. */
  refused: { table: TableName; index: number; reason: string }[]
}

export type RestoreResult =
  | { ok: true; file: NotebookFile; report: RestoreReport }
  | { ok: false; error: RestoreError }

export type RestoreError =
  | { code: 'not-json' }
  | { code: 'not-a-notebook' }
  | { code: 'newer-format'; formatVersion: number }
  | { code: 'newer-schema'; schemaVersion: number }

export function emptyTables(): NotebookTables {
  return Object.fromEntries(TABLE_NAMES.map((table) => [table, []])) as unknown as NotebookTables
}

export function parseNotebookText(text: string): RestoreResult {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return { ok: false, error: { code: 'not-json' } }
  }
  return restoreNotebookFile(data)
}

export function restoreNotebookFile(data: unknown): RestoreResult {
  if (!isPlainObject(data) || data.format !== NOTEBOOK_FORMAT) {
    return { ok: false, error: { code: 'not-a-notebook' } }
  }
  const formatVersion = typeof data.formatVersion === 'number' ? data.formatVersion : 1
  if (formatVersion > NOTEBOOK_FORMAT_VERSION) {
    return { ok: false, error: { code: 'newer-format', formatVersion } }
  }
  const schemaVersion = typeof data.schemaVersion === 'number' ? data.schemaVersion : 1
  if (schemaVersion > CURRENT_SCHEMA_VERSION) {
    return { ok: false, error: { code: 'newer-schema', schemaVersion } }
  }
  const report: RestoreReport = { refused: [] }
  const tables = emptyTables()
  const rawTables = isPlainObject(data.tables) ? data.tables : {}
  for (const table of TABLE_NAMES) {
    const rows = rawTables[table]
    if (!Array.isArray(rows)) continue
    const schema = RECORD_SCHEMAS[table]
    const seen = new Set<string>()
    rows.forEach((row: unknown, index) => {
      const parsed = schema.safeParse(row)
      if (!parsed.success) {
        report.refused.push({ table, index, reason: parsed.error.issues[0]?.message ?? 'invalid' })
        return
      }
      if (seen.has(parsed.data.id)) {
        report.refused.push({ table, index, reason: 'duplicate id' })
        return
      }
      seen.add(parsed.data.id)
      ;(tables[table] as unknown[]).push(parsed.data)
    })
  }
  const name = typeof data.name === 'string' && data.name.trim() !== '' ? data.name.trim() : ''
  const file: NotebookFile = {
    format: NOTEBOOK_FORMAT,
    formatVersion: NOTEBOOK_FORMAT_VERSION,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    name: name.slice(0, 500),
    exportedAt: typeof data.exportedAt === 'number' ? data.exportedAt : 0,
    tables,
  }
  if (typeof data.anchor === 'number') file.anchor = data.anchor
  return { ok: true, file, report }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
