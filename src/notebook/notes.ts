/**
 * Creating, changing and deleting notes, and closing their feedback loops. A note's `tags` and
 * the mentioned part of `about` are read from its text on every save, so the text stays the one
 * source of truth. Each function takes the `Writer` of one store write.
 */
import { newId } from '../model/ids'
import type { Note, TrashItem } from '../model/records'
import { FOLLOW_UP_KINDS } from '../model/vocabulary'
import type { KnowledgeFacet, NoteKind, NoteSource, Touchpoint } from '../model/vocabulary'
import type { Writer } from '../db/notebook-store'
import { extractMentions, extractTags } from './note-text'

/** What a capture holds: everything of a note that the user chooses. */
export interface NoteDraft {
  /** Given when the caller needs to know the id before the write (a capture's first keystroke). */
  id?: string
  text: string
  kind: NoteKind
  touchpoint: Touchpoint
  /** When what the note tells happened. */
  at: number
  facets: KnowledgeFacet[]
  source: NoteSource
  sentiment: number
  /** Entities chosen by hand (the customer a capture was opened for); mentions are added. */
  pinned: string[]
  /** Due date of the follow-up, for kinds that open a feedback loop. */
  followUpDue?: number
  /** Whether the kind has a follow-up even without a due date. */
  hasFollowUp?: boolean
}

export function canFollowUp(kind: NoteKind): boolean {
  return (FOLLOW_UP_KINDS as readonly NoteKind[]).includes(kind)
}

function noteFields(draft: NoteDraft, previous: Note | undefined) {
  const about = [...new Set([...extractMentions(draft.text), ...draft.pinned])]
  const wantsFollowUp =
    canFollowUp(draft.kind) && (draft.hasFollowUp === true || draft.followUpDue !== undefined)
  const followUp = wantsFollowUp
    ? {
        ...(draft.followUpDue !== undefined ? { due: draft.followUpDue } : {}),
        ...(previous?.followUp?.doneAt !== undefined ? { doneAt: previous.followUp.doneAt } : {}),
      }
    : undefined
  return {
    text: draft.text,
    kind: draft.kind,
    touchpoint: draft.touchpoint,
    at: draft.at,
    about,
    tags: extractTags(draft.text),
    facets: [...new Set(draft.facets)],
    source: draft.source,
    sentiment: draft.sentiment,
    ...(followUp ? { followUp } : {}),
  }
}

export async function createNote(writer: Writer, draft: NoteDraft): Promise<Note> {
  return writer.put('notes', { id: draft.id ?? newId(), ...noteFields(draft, undefined) })
}

/** Replaces what the user chooses of a note; a follow-up already done stays done. */
export async function updateNote(
  writer: Writer,
  id: string,
  draft: NoteDraft,
): Promise<Note | undefined> {
  const current = await writer.get('notes', id)
  if (!current) return undefined
  return writer.put('notes', {
    id,
    createdAt: current.createdAt,
    ...noteFields(draft, current),
  })
}

/** Creates the note, or updates it when it exists: what a capture does on every save. */
export async function saveNote(writer: Writer, id: string, draft: NoteDraft): Promise<Note> {
  return (await updateNote(writer, id, draft)) ?? createNote(writer, { ...draft, id })
}

/** The draft a capture edits, from a stored note. */
export function draftOf(note: Note): NoteDraft {
  const mentions = new Set(extractMentions(note.text))
  return {
    id: note.id,
    text: note.text,
    kind: note.kind,
    touchpoint: note.touchpoint,
    at: note.at,
    facets: [...note.facets],
    source: note.source,
    sentiment: note.sentiment,
    pinned: note.about.filter((entityId) => !mentions.has(entityId)),
    ...(note.followUp?.due !== undefined ? { followUpDue: note.followUp.due } : {}),
    hasFollowUp: note.followUp !== undefined,
  }
}

/** A short plain label for a note: its first words, mention links read as `@Name`. */
export function noteLabel(text: string, length = 60): string {
  const plain = text
    .replace(/\[(@[^\]]+)\]\(carnet:entity\/[^)]+\)/g, '$1')
    .replace(/[#>*_`]+\s?/g, (mark) => (mark.startsWith('#') ? mark : ''))
    .replace(/\s+/g, ' ')
    .trim()
  return plain.length > length ? `${plain.slice(0, length - 1).trimEnd()}…` : plain
}

/** Moves a note to the trash, as one item that restores it. */
export async function trashNote(writer: Writer, id: string): Promise<TrashItem | undefined> {
  const note = await writer.get('notes', id)
  if (!note) return undefined
  const item = await writer.put('trash', {
    id: newId(),
    label: noteLabel(note.text),
    deletedAt: writer.now,
    records: [{ table: 'notes', value: note }],
  })
  await writer.delete('notes', id)
  return item
}

/** Sets or clears the due date of a note's follow-up; only kinds that open a loop have one. */
export async function setFollowUp(
  writer: Writer,
  id: string,
  due: number | undefined,
): Promise<Note | undefined> {
  const note = await writer.get('notes', id)
  if (!note || !canFollowUp(note.kind)) return undefined
  const followUp = { ...note.followUp }
  if (due === undefined) delete followUp.due
  else followUp.due = due
  return writer.put('notes', { ...note, followUp })
}

/** Closes a note's feedback loop (or opens it again with `done = false`). */
export async function completeFollowUp(
  writer: Writer,
  id: string,
  done = true,
): Promise<Note | undefined> {
  const note = await writer.get('notes', id)
  if (!note?.followUp) return undefined
  const followUp = { ...note.followUp }
  if (done) followUp.doneAt = writer.now
  else delete followUp.doneAt
  return writer.put('notes', { ...note, followUp })
}
