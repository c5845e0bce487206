/**
 * The records the whole-notebook models (value, insights) are computed from, read in one
 * read-only transaction so a write landing meanwhile is either all in or all out.
 */
import type { Entity, Note, Tie, Transaction } from '../model/records'
import type { NotebookDb } from './notebook-db'

export interface ModelInputs {
  entities: Entity[]
  ties: Tie[]
  notes: Note[]
  purchases: Transaction[]
}

export async function readModelInputs(db: NotebookDb): Promise<ModelInputs> {
  const [entities, ties, notes, purchases] = await db.transaction(
    'r',
    [db.entities, db.ties, db.notes, db.transactions],
    () =>
      Promise.all([
        db.entities.toArray(),
        db.ties.toArray(),
        db.notes.toArray(),
        db.transactions.toArray(),
      ]),
  )
  return { entities, ties, notes, purchases }
}
