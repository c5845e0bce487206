/**
 * Restoring a backup over a notebook, as a pure plan: the record changes that turn the current
 * tables into the backup's (written as they were, stamps included, so undo can take them back),
 * and a preview: how many records each table has now and in the backup, and the newest changes
 * the restore would take back, newest first.
 */
import type { RecordChange } from '../db/change-set'
import { TABLE_NAMES } from '../model/records'
import type { TableName } from '../model/records'
import type { NotebookTables } from '../io/notebook-file'

export interface RestorePreviewItem {
  table: TableName
  /** `removed`: only here now; `restored`: only in the backup; `reverted`: different. */
  kind: 'removed' | 'restored' | 'reverted'
  record: { id: string; updatedAt: number } & Record<string, unknown>
}

export interface RestorePlan {
  changes: RecordChange[]
  counts: { table: TableName; current: number; backup: number }[]
  removed: number
  restored: number
  reverted: number
  /** The newest records the restore changes, newest first (at most `limit`). */
  newest: RestorePreviewItem[]
}

type AnyRecord = { id: string; updatedAt: number } & Record<string, unknown>

export function planRestore(
  current: NotebookTables,
  backup: NotebookTables,
  limit = 8,
): RestorePlan {
  const changes: RecordChange[] = []
  const items: RestorePreviewItem[] = []
  const counts: RestorePlan['counts'] = []
  for (const table of TABLE_NAMES) {
    const now = current[table] as unknown as AnyRecord[]
    const then = backup[table] as unknown as AnyRecord[]
    counts.push({ table, current: now.length, backup: then.length })
    const thenById = new Map(then.map((record) => [record.id, record]))
    const nowById = new Map(now.map((record) => [record.id, record]))
    for (const record of now) {
      const old = thenById.get(record.id)
      if (!old) {
        changes.push({ table, id: record.id, before: record, after: undefined })
        items.push({ table, kind: 'removed', record })
      } else if (canonical(old) !== canonical(record)) {
        changes.push({ table, id: record.id, before: record, after: old })
        items.push({ table, kind: 'reverted', record })
      }
    }
    for (const record of then) {
      if (nowById.has(record.id)) continue
      changes.push({ table, id: record.id, before: undefined, after: record })
      items.push({ table, kind: 'restored', record })
    }
  }
  const count = (kind: RestorePreviewItem['kind']) =>
    items.filter((item) => item.kind === kind).length
  return {
    changes,
    counts,
    removed: count('removed'),
    restored: count('restored'),
    reverted: count('reverted'),
    newest: [...items].sort((a, b) => b.record.updatedAt - a.record.updatedAt).slice(0, limit),
  }
}

/** JSON with object keys sorted, so two equal records compare equal whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : inner,
  )
}
