import { beforeEach, describe, expect, it } from 'vitest'
import { invertChanges } from '../../../src/db/change-set'
import { createNotebookDb } from '../../../src/db/notebook-db'
import type { NotebookDb } from '../../../src/db/notebook-db'
import { NotebookStore } from '../../../src/db/notebook-store'
import { createEntity } from '../../../src/notebook/entities'
import { mentionLink } from '../../../src/notebook/note-text'
import {
  completeFollowUp,
  createNote,
  draftOf,
  noteLabel,
  saveNote,
  setFollowUp,
  trashNote,
  updateNote,
} from '../../../src/notebook/notes'
import type { NoteDraft } from '../../../src/notebook/notes'
import { restoreTrashItem } from '../../../src/notebook/trash'
import { freshIndexedDb } from '../../helpers/fresh-idb'

let db: NotebookDb
let store: NotebookStore
let now = 1_700_000_000_000

beforeEach(async () => {
  db = createNotebookDb('notes', freshIndexedDb())
  await db.open()
  store = new NotebookStore(db, () => now)
})

function draft(patch: Partial<NoteDraft> = {}): NoteDraft {
  return {
    text: '',
    kind: 'conversation',
    touchpoint: 'shop',
    at: 1_690_000_000_000,
    facets: [],
    source: 'observed',
    sentiment: 0,
    pinned: [],
    ...patch,
  }
}

async function customer(name: string) {
  const { result } = await store.write((writer) => createEntity(writer, { kind: 'customer', name }))
  return result
}

describe('createNote and updateNote', () => {
  it('reads tags and mentions from the text, plus the pinned entities', async () => {
    const zoe = await customer('Zoé')
    const paul = await customer('Paul')
    const text = `${mentionLink(zoe.id, 'Zoé')} loves the #Rye bread, #rye again`
    const { result: note } = await store.write((writer) =>
      createNote(writer, draft({ text, pinned: [paul.id, zoe.id] })),
    )
    expect(note.tags).toEqual(['rye'])
    expect(note.about).toEqual([zoe.id, paul.id])
    expect(await db.notes.get(note.id)).toMatchObject({ text, kind: 'conversation' })
  })

  it('recomputes tags and about on update and keeps createdAt', async () => {
    const { result: note } = await store.write((writer) =>
      createNote(writer, draft({ text: 'a #one' })),
    )
    now += 1000
    const { result: updated } = await store.write((writer) =>
      updateNote(writer, note.id, draft({ text: 'a #two', kind: 'idea' })),
    )
    expect(updated).toMatchObject({ tags: ['two'], kind: 'idea', createdAt: note.createdAt })
    expect(updated?.updatedAt).toBe(now)
  })

  it('saveNote creates with the given id and then updates', async () => {
    await store.write((writer) => saveNote(writer, 'n1', draft({ text: 'first' })))
    await store.write((writer) => saveNote(writer, 'n1', draft({ text: 'first words' })))
    expect(await db.notes.count()).toBe(1)
    expect((await db.notes.get('n1'))?.text).toBe('first words')
  })

  it('keeps a follow-up only for kinds that open a loop', async () => {
    const { result: praise } = await store.write((writer) =>
      createNote(writer, draft({ kind: 'praise', followUpDue: 5 })),
    )
    expect(praise.followUp).toBeUndefined()
    const { result: complaint } = await store.write((writer) =>
      createNote(writer, draft({ kind: 'complaint', followUpDue: 5 })),
    )
    expect(complaint.followUp).toEqual({ due: 5 })
  })

  it('round-trips through draftOf, keeping hand-picked entities apart from mentions', async () => {
    const zoe = await customer('Zoé')
    const { result: note } = await store.write((writer) =>
      createNote(
        writer,
        draft({
          text: mentionLink(zoe.id, 'Zoé'),
          pinned: ['other'],
          kind: 'question',
          hasFollowUp: true,
        }),
      ),
    )
    expect(draftOf(note)).toMatchObject({ pinned: ['other'], hasFollowUp: true, kind: 'question' })
  })
})

describe('follow-ups', () => {
  it('sets a due date, completes and reopens the loop, and a later edit keeps it done', async () => {
    const { result: note } = await store.write((writer) =>
      createNote(writer, draft({ kind: 'complaint', text: 'cold coffee' })),
    )
    await store.write((writer) => setFollowUp(writer, note.id, 42))
    expect((await db.notes.get(note.id))?.followUp).toEqual({ due: 42 })
    now += 10
    await store.write((writer) => completeFollowUp(writer, note.id))
    expect((await db.notes.get(note.id))?.followUp).toEqual({ due: 42, doneAt: now })
    const stored = (await db.notes.get(note.id))!
    await store.write((writer) => updateNote(writer, note.id, { ...draftOf(stored), text: 'x' }))
    expect((await db.notes.get(note.id))?.followUp?.doneAt).toBe(now)
    await store.write((writer) => completeFollowUp(writer, note.id, false))
    expect((await db.notes.get(note.id))?.followUp).toEqual({ due: 42 })
  })

  it('refuses a follow-up on a kind without one', async () => {
    const { result: note } = await store.write((writer) =>
      createNote(writer, draft({ kind: 'praise' })),
    )
    const { result } = await store.write((writer) => setFollowUp(writer, note.id, 1))
    expect(result).toBeUndefined()
  })
})

describe('trashNote', () => {
  it('moves the note to the trash with a readable label, restores it, and undo brings it back', async () => {
    const zoe = await customer('Zoé')
    const { result: note } = await store.write((writer) =>
      createNote(writer, draft({ text: `${mentionLink(zoe.id, 'Zoé')} asked for **spelt**` })),
    )
    const { result: item, changes } = await store.write((writer) => trashNote(writer, note.id))
    expect(item?.label).toBe('@Zoé asked for spelt')
    expect(await db.notes.count()).toBe(0)

    await store.replay(invertChanges(changes))
    expect(await db.notes.get(note.id)).toBeDefined()
    expect(await db.trash.count()).toBe(0)

    const { result: again } = await store.write((writer) => trashNote(writer, note.id))
    await store.write((writer) => restoreTrashItem(writer, again!.id))
    expect(await db.notes.get(note.id)).toMatchObject({ text: note.text, about: [zoe.id] })
  })

  it('shortens long labels', () => {
    expect(noteLabel('word '.repeat(40)).length).toBeLessThanOrEqual(60)
  })
})
