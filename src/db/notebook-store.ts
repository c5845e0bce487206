/**
 * The one way to change a notebook. A write runs in a single Dexie transaction over every
 * table (so a multi-step change is all or nothing), validates each record with its zod schema,
 * stamps `createdAt`/`updatedAt`, and returns the change set that undo and redo replay.
 */
import { RECORD_SCHEMAS, TABLE_NAMES } from '../model/records'
import type { RecordOf, TableName } from '../model/records'
import { compactChanges } from './change-set'
import type { ChangeSet, RecordChange } from './change-set'
import type { NotebookDb } from './notebook-db'

/** A record as given to `put`: the stamps are optional, the store sets them. */
export type Draft<T extends TableName> = Omit<RecordOf[T], 'createdAt' | 'updatedAt'> &
  Partial<Pick<RecordOf[T], 'createdAt' | 'updatedAt'>>

export class InvalidRecordError extends Error {
  override name = 'InvalidRecordError'
  constructor(
    readonly table: TableName,
    readonly issues: readonly { path: PropertyKey[]; message: string }[],
  ) {
    super(`Invalid ${table} record: ${issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`)
  }
}

export class Writer {
  readonly changes: RecordChange[] = []

  constructor(
    /** For reads inside the write's transaction; changes go through `put`, `update`, `delete`. */
    readonly db: NotebookDb,
    readonly now: number,
  ) {}

  get<T extends TableName>(table: T, id: string): Promise<RecordOf[T] | undefined> {
    return this.db.table<RecordOf[T], string>(table).get(id)
  }

  /** Validates, stamps and stores a record; returns it as stored. */
  async put<T extends TableName>(table: T, draft: Draft<T>): Promise<RecordOf[T]> {
    const before = await this.get(table, draft.id)
    const candidate = {
      ...draft,
      createdAt: before?.createdAt ?? draft.createdAt ?? this.now,
      updatedAt: this.now,
    }
    const parsed = RECORD_SCHEMAS[table].safeParse(candidate)
    if (!parsed.success) throw new InvalidRecordError(table, parsed.error.issues)
    const record = parsed.data as RecordOf[T]
    await this.db.table<RecordOf[T], string>(table).put(record)
    this.changes.push({ table, id: draft.id, before, after: record })
    return record
  }

  /** Updates some fields of an existing record; returns undefined when it does not exist. */
  async update<T extends TableName>(
    table: T,
    id: string,
    patch: Partial<Omit<RecordOf[T], 'id' | 'createdAt' | 'updatedAt'>>,
  ): Promise<RecordOf[T] | undefined> {
    const current = await this.get(table, id)
    if (!current) return undefined
    return this.put(table, { ...current, ...patch })
  }

  async delete(table: TableName, id: string): Promise<void> {
    const before = await this.get(table, id)
    if (before === undefined) return
    await this.db.table(table).delete(id)
    this.changes.push({ table, id, before, after: undefined })
  }
}

export interface WriteResult<R> {
  result: R
  changes: ChangeSet
}

export class NotebookStore {
  constructor(
    readonly db: NotebookDb,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Runs `change` in one read-write transaction over every table. */
  async write<R>(change: (writer: Writer) => Promise<R>): Promise<WriteResult<R>> {
    return this.db.transaction('rw', TABLE_NAMES, async () => {
      const writer = new Writer(this.db, this.clock())
      const result = await change(writer)
      return { result, changes: compactChanges(writer.changes) }
    })
  }

  /**
   * Puts records back to the given states, in one transaction: used by undo (with inverted
   * changes) and redo. Records are written as they were, stamps included.
   */
  async replay(changes: ChangeSet): Promise<void> {
    await this.db.transaction('rw', TABLE_NAMES, async () => {
      for (const change of changes) {
        const table = this.db.table(change.table)
        if (change.after === undefined) await table.delete(change.id)
        else await table.put(change.after)
      }
    })
  }
}
