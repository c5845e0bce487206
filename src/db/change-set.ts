/**
 * Every data change made through a `NotebookStore` write is recorded as the record's state
 * before and after. Undo writes the `before` states back; redo writes the `after` states.
 * Recording at this one choke point is what makes every action undoable without each action
 * writing its own inverse.
 */
import type { TableName } from '../model/records'

export interface RecordChange {
  table: TableName
  id: string
  /** The record before the change; undefined when the change created it. */
  before: unknown
  /** The record after the change; undefined when the change deleted it. */
  after: unknown
}

export type ChangeSet = readonly RecordChange[]

/** Folds several changes of one record into one, keeping the first `before` and last `after`. */
export function compactChanges(changes: ChangeSet): RecordChange[] {
  const byKey = new Map<string, RecordChange>()
  for (const change of changes) {
    const key = `${change.table}\u0000${change.id}`
    const earlier = byKey.get(key)
    byKey.set(key, earlier ? { ...earlier, after: change.after } : { ...change })
  }
  return [...byKey.values()].filter((change) => change.before !== undefined || change.after !== undefined)
}

/** The changes that undo `changes`, in the order they must be applied. */
export function invertChanges(changes: ChangeSet): RecordChange[] {
  return [...changes].reverse().map((change) => ({ ...change, before: change.after, after: change.before }))
}
