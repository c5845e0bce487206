/**
 * Writes a restored notebook file into an empty notebook database, in one transaction: either
 * every record lands or none does.
 */
import { TABLE_NAMES } from '../model/records'
import type { RecordOf, TableName } from '../model/records'
import type { NotebookDb } from '../db/notebook-db'
import type { NotebookFile, NotebookTables } from './notebook-file'

const WEEK_MS = 7 * 24 * 60 * 60 * 1000

export async function loadNotebookFile(db: NotebookDb, file: NotebookFile, now: number): Promise<void> {
  // Whole weeks, so a sample's weekly rhythm (closed on Mondays, Saturday market) and times of
  // day stay true; its newest record lands in the last seven days, never in the future.
  const tables =
    file.anchor === undefined
      ? file.tables
      : shiftTables(file.tables, Math.floor((now - file.anchor) / WEEK_MS) * WEEK_MS)
  await db.transaction('rw', TABLE_NAMES, async () => {
    for (const table of TABLE_NAMES) {
      const rows = tables[table]
      if (rows.length > 0) await db.table(table).bulkPut(rows)
    }
  })
}

/** Moves every date of a notebook by `delta` ms (sample notebooks are written relative to an anchor). */
export function shiftTables(tables: NotebookTables, delta: number): NotebookTables {
  const shifted = {} as Record<TableName, unknown[]>
  for (const table of TABLE_NAMES) {
    shifted[table] = tables[table].map((record) => shiftRecord(table, record, delta))
  }
  return shifted as NotebookTables
}

function shiftRecord<T extends TableName>(table: T, record: RecordOf[T], delta: number): RecordOf[T] {
  const move = (value: number | undefined) => (value === undefined ? undefined : value + delta)
  const copy: Record<string, unknown> = { ...record, createdAt: record.createdAt + delta, updatedAt: record.updatedAt + delta }
  for (const field of ['at', 'since', 'deletedAt'] as const) {
    if (typeof copy[field] === 'number') copy[field] = move(copy[field])
  }
  if (table === 'notes') {
    const note = record as RecordOf['notes']
    if (note.followUp) {
      copy.followUp = dropUndefined({ due: move(note.followUp.due), doneAt: move(note.followUp.doneAt) })
    }
  }
  if (table === 'entities') {
    const entity = record as RecordOf['entities']
    if (entity.stageOverride) copy.stageOverride = { ...entity.stageOverride, at: entity.stageOverride.at + delta }
  }
  return copy as RecordOf[T]
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T
}
