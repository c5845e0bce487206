/**
 * Merging a notebook file into the open notebook, as a pure planner (data in, plan out) and an
 * applier that writes the plan through one store write, so the whole merge is one undo step.
 *
 * Rules, record by record (ids are random, so the same id means the same record):
 * - only in the file → added;
 * - the same apart from stamps → nothing to do;
 * - different → the newer `updatedAt` wins (the file's version replaces ours, or ours is kept);
 * - a note whose text differs on both sides is a conflict: ours stays as it is and the file's
 *   version is kept too, as a new note (fresh id) whose text starts with a marker, so nothing
 *   anyone wrote is lost.
 */
import { TABLE_NAMES } from '../model/records'
import type { Note, RecordOf, TableName } from '../model/records'
import type { Writer } from '../db/notebook-store'
import type { NotebookTables } from './notebook-file'

export interface PlannedRecord<T extends TableName = TableName> {
  table: T
  record: RecordOf[T]
}

export interface PlannedUpdate<T extends TableName = TableName> {
  table: T
  before: RecordOf[T]
  after: RecordOf[T]
}

export interface NoteConflict {
  current: Note
  incoming: Note
  /** The incoming version as it will be added: fresh id, marker before its text. */
  kept: Note
}

export interface MergePlan {
  adds: PlannedRecord[]
  updates: PlannedUpdate[]
  conflicts: NoteConflict[]
  /** Records where ours is newer and different: left as they are. */
  keptOurs: number
  unchanged: number
}

export interface MergeOptions {
  newId: () => string
  /** Put before the text of the incoming version of a conflicting note (already translated). */
  conflictMarker: string
}

export function planMerge(
  current: NotebookTables,
  incoming: NotebookTables,
  options: MergeOptions,
): MergePlan {
  const plan: MergePlan = { adds: [], updates: [], conflicts: [], keptOurs: 0, unchanged: 0 }
  for (const table of TABLE_NAMES) {
    const ours = new Map<string, RecordOf[typeof table]>(
      (current[table] as RecordOf[typeof table][]).map((record) => [record.id, record]),
    )
    for (const record of incoming[table] as RecordOf[typeof table][]) {
      const existing = ours.get(record.id)
      if (!existing) {
        plan.adds.push({ table, record })
        continue
      }
      if (sameContent(existing, record)) {
        plan.unchanged++
        continue
      }
      if (table === 'notes') {
        const note = existing as Note
        const other = record as Note
        if (note.text !== other.text) {
          plan.conflicts.push({
            current: note,
            incoming: other,
            kept: {
              ...other,
              id: options.newId(),
              text: `${options.conflictMarker}\n\n${other.text}`,
            },
          })
          continue
        }
      }
      if (record.updatedAt > existing.updatedAt)
        plan.updates.push({ table, before: existing, after: record })
      else plan.keptOurs++
    }
  }
  return plan
}

/** Writes a plan through the `Writer` of one store write. */
export async function applyMergePlan(writer: Writer, plan: MergePlan): Promise<void> {
  for (const { table, record } of plan.adds) await writer.put(table, record)
  for (const { table, after } of plan.updates) await writer.put(table, after)
  for (const { kept } of plan.conflicts) await writer.put('notes', kept)
}

export interface MergeCounts {
  added: number
  updated: number
  conflicts: number
  keptOurs: number
  unchanged: number
}

export function mergeCounts(plan: MergePlan): MergeCounts {
  return {
    added: plan.adds.length,
    updated: plan.updates.length,
    conflicts: plan.conflicts.length,
    keptOurs: plan.keptOurs,
    unchanged: plan.unchanged,
  }
}

/** Equal apart from the stamps, compared with sorted keys. */
function sameContent(a: object, b: object): boolean {
  return stableJson(withoutStamps(a)) === stableJson(withoutStamps(b))
}

function withoutStamps(record: object): object {
  const { createdAt: _created, updatedAt: _updated, ...rest } = record as Record<string, unknown>
  return rest
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  )
}
