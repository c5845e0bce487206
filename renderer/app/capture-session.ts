/**
 * The save engine of one quick capture. The note is written on the first keystroke and then
 * at most every 300 ms while typing, and at once when asked (blur, page hidden, page closing);
 * the latest draft is also kept in local storage until the capture closes, so an interrupted
 * write or a closed window never loses a word.
 *
 * Intermediate saves go straight to the store (they are not undo steps, but listeners such as
 * search still hear of them); closing the capture pushes the whole session as one history entry.
 */
import { measureSince } from '../platform/timing'
import { compactChanges, invertChanges } from '../../src/db/change-set'
import type { ChangeSet, RecordChange } from '../../src/db/change-set'
import type { Writer } from '../../src/db/notebook-store'
import type { Entity, Note } from '../../src/model/records'
import { createEntity } from '../../src/notebook/entities'
import { saveNote } from '../../src/notebook/notes'
import type { NoteDraft } from '../../src/notebook/notes'
import type { AppController } from './controller'

export const SAVE_DELAY_MS = 300
export const NOTE_SAVE_MEASURE = 'carnet:note-save'

/** What local storage keeps of an open capture, per notebook. */
export interface LocalCaptureDraft {
  noteId: string
  /** The note did not exist before this capture: undoing the capture deletes it. */
  isNew: boolean
  draft: NoteDraft
}

const draftKey = (notebookId: string) => `carnet.capture.${notebookId}`

export function readLocalDraft(notebookId: string): LocalCaptureDraft | null {
  try {
    const text = localStorage.getItem(draftKey(notebookId))
    if (!text) return null
    const value = JSON.parse(text) as Partial<LocalCaptureDraft>
    if (typeof value.noteId !== 'string' || typeof value.draft?.text !== 'string') return null
    return { noteId: value.noteId, isNew: value.isNew === true, draft: value.draft }
  } catch {
    return null
  }
}

function writeLocalDraft(notebookId: string, value: LocalCaptureDraft): void {
  try {
    localStorage.setItem(draftKey(notebookId), JSON.stringify(value))
  } catch {
    // Storage full or refused: the database write is still on its way.
  }
}

export function clearLocalDraft(notebookId: string): void {
  try {
    localStorage.removeItem(draftKey(notebookId))
  } catch {
    // Nothing to clear.
  }
}

export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'failed'

export class CaptureSession {
  private changes: RecordChange[] = []
  private pending: NoteDraft | null = null
  private timer: ReturnType<typeof setTimeout> | undefined
  private queue: Promise<void> = Promise.resolve()
  private exists: boolean
  private closed = false
  private lastWriteFailed = false

  constructor(
    private readonly app: AppController,
    private readonly notebookId: string,
    readonly noteId: string,
    /** The note as it was when the capture opened; undefined for a new note. */
    initial: Note | undefined,
    private readonly isNew: boolean,
    private readonly onStatus: (status: SaveStatus, error?: unknown) => void,
  ) {
    this.exists = initial !== undefined
    // A note reopened from a draft was new in the session that was interrupted: undoing this
    // capture should delete it, as undoing that one would have.
    if (initial && isNew)
      this.changes.push({ table: 'notes', id: noteId, before: undefined, after: initial })
  }

  private get store() {
    const notebook = this.app.state.notebook
    if (!notebook || notebook.entry.id !== this.notebookId)
      throw new Error('The notebook was closed')
    return notebook.store
  }

  /** Records the latest draft; saves at once the first time, then after a pause in typing. */
  update(draft: NoteDraft): void {
    if (this.closed) return
    this.pending = draft
    writeLocalDraft(this.notebookId, { noteId: this.noteId, isNew: this.isNew, draft })
    this.onStatus('pending')
    clearTimeout(this.timer)
    if (!this.exists) void this.flush()
    else this.timer = setTimeout(() => void this.flush(), SAVE_DELAY_MS)
  }

  /** Writes the latest draft now; resolves when every write asked so far is done. */
  flush(): Promise<void> {
    clearTimeout(this.timer)
    const draft = this.pending
    if (draft) {
      this.pending = null
      this.exists = true
      this.queue = this.queue.then(async () => {
        await this.write((writer) => saveNote(writer, this.noteId, draft))
      })
    }
    return this.queue
  }

  private async write<R>(perform: (writer: Writer) => Promise<R>): Promise<R | undefined> {
    this.onStatus('saving')
    const started = performance.now()
    try {
      const { result, changes } = await this.store.write(perform)
      // A User Timing entry, so the benchmarks can read save latency from outside.
      measureSince(NOTE_SAVE_MEASURE, started)
      this.record(changes)
      this.lastWriteFailed = false
      if (!this.pending) this.onStatus('saved')
      return result
    } catch (error) {
      this.lastWriteFailed = true
      this.onStatus('failed', error)
      return undefined
    }
  }

  private record(changes: ChangeSet): void {
    this.changes.push(...changes)
    this.app.emitChanges(changes, this.notebookId)
  }

  /** Creates a customer from a mention with no match; part of this capture's undo step. */
  async createCustomer(name: string): Promise<Entity> {
    await this.flush()
    const { result, changes } = await this.store.write((writer) =>
      createEntity(writer, { kind: 'customer', name }),
    )
    this.record(changes)
    return result
  }

  /**
   * Saves what is left and pushes the whole capture as one undo step. A new note left empty is
   * removed instead of kept.
   */
  async finish(label: string, draft: NoteDraft): Promise<void> {
    if (this.closed) return
    if (draft.text.trim() === '' && this.isNew) {
      this.pending = null
      await this.flush()
      if (this.exists) await this.write((writer) => writer.delete('notes', this.noteId))
    } else {
      await this.flush()
    }
    // The draft stays in local storage, and the capture open, until the note is really saved.
    if (this.lastWriteFailed) throw new Error('The note could not be saved')
    this.closed = true
    const changes = compactChanges(this.changes)
    if (changes.length > 0) {
      const replay = async (toApply: ChangeSet) => {
        const store = this.store
        await store.replay(toApply)
        this.app.emitChanges(toApply, this.notebookId)
      }
      this.app.history.push({
        label,
        undo: () => replay(invertChanges(changes)),
        redo: () => replay(changes),
      })
    }
    clearLocalDraft(this.notebookId)
  }
}
