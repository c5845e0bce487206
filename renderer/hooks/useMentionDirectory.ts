/**
 * The entities the quick capture's `@` suggests, their names folded for matching.
 *
 * Read by id in steps of a thousand records, outside any live query: a notebook may hold 20,000
 * entities, and one live read of them all (which also notes every id it read, to know when to
 * read again) held the page for most of a tenth of a second just as the capture opened. Each
 * step is a short task, so typing goes on while the names arrive. Entities changed meanwhile (a
 * customer created from a mention, an undo) are patched in from the app's change reports.
 */
import { useEffect, useState } from 'react'
import type { NotebookDb } from '../../src/db/notebook-db'
import type { Entity } from '../../src/model/records'
import { mentionCandidates } from '../../src/notebook/mention-search'
import type { EntityName, MentionCandidate } from '../../src/notebook/mention-search'
import type { ChangedRecords } from '../app/controller'
import { useAppState, useController } from './useApp'

const STEP = 1_000

type Directory = Map<string, MentionCandidate>

/** Every entity of the notebook as a mention candidate; undefined until they are all read. */
export function useMentionDirectory(): readonly MentionCandidate[] | undefined {
  const app = useController()
  const notebook = useAppState().notebook
  const db = notebook?.store.db
  const notebookId = notebook?.entry.id
  const [shown, setShown] = useState<{ db: NotebookDb; candidates: MentionCandidate[] }>()

  useEffect(() => {
    if (!db || !notebookId) return
    let isStopped = false
    /** Each read of the whole directory; a newer one stops an older one at its next step. */
    let reads = 0
    let directory: Directory | undefined
    /** Changes heard while the entities are being read: applied once the read is done. */
    let heard: ChangedRecords[] = []

    const publish = (read: Directory) => setShown({ db, candidates: [...read.values()] })
    const readAll = () => {
      const read = ++reads
      directory = undefined
      heard = []
      readDirectory(db, () => isStopped || read !== reads).then(
        (found) => {
          if (!found) return
          directory = found
          const missed = heard
          heard = []
          if (missed.every((changes) => patchDirectory(found, changes))) publish(found)
          else readAll()
        },
        // The notebook was closed under the read: there is nothing to suggest from it any more.
        () => undefined,
      )
    }
    const unsubscribe = app.onChanges((changes, changedId) => {
      if (changedId !== notebookId || !changes.some((change) => change.table === 'entities')) return
      if (!directory) {
        heard.push(changes)
        return
      }
      if (patchDirectory(directory, changes)) publish(directory)
      else readAll()
    })
    readAll()
    return () => {
      isStopped = true
      unsubscribe()
    }
  }, [app, db, notebookId])

  return shown && shown.db === db ? shown.candidates : undefined
}

async function readDirectory(
  db: NotebookDb,
  isStopped: () => boolean,
): Promise<Directory | undefined> {
  const directory: Directory = new Map()
  let after: string | undefined
  for (;;) {
    const records =
      after === undefined ? db.entities.orderBy(':id') : db.entities.where(':id').above(after)
    const step = await records.limit(STEP).toArray()
    if (isStopped()) return undefined
    for (const candidate of mentionCandidates(step.map(nameOf))) {
      directory.set(candidate.entity.id, candidate)
    }
    if (step.length < STEP) return directory
    after = step[step.length - 1]!.id
  }
}

const nameOf = ({ id, name, kind }: Entity): EntityName => ({ id, name, kind })

/**
 * Applies the entity changes to `directory`; false when a change names a record without its
 * state (a bulk write reports only ids), and the entities must be read again.
 */
function patchDirectory(directory: Directory, changes: ChangedRecords): boolean {
  for (const change of changes) {
    if (change.table !== 'entities') continue
    // The controller's reports carry the records' states, except a bulk write's.
    const before = 'before' in change ? change.before : undefined
    const after = 'after' in change ? change.after : undefined
    if (after !== undefined) {
      const [candidate] = mentionCandidates([nameOf(after as Entity)])
      directory.set(change.id, candidate!)
    } else if (before !== undefined) directory.delete(change.id)
    else return false
  }
  return true
}
