/**
 * Which notes the journal shows, and which feedback loops are open. Pure functions over notes,
 * so the journal's query stays a scan of the `at` index and the rules are tested here.
 */
import type { Note } from '../model/records'
import type { NoteKind, Touchpoint } from '../model/vocabulary'
import { canFollowUp } from './notes'

export interface JournalFilter {
  kind?: NoteKind
  touchpoint?: Touchpoint
  /** A tag without its `#`, lowercase. */
  tag?: string
  sentiment?: number
  /** An entity the note is about. */
  entityId?: string
  /** Inclusive bounds on the note's date, epoch ms. */
  from?: number
  to?: number
}

export function isFilterEmpty(filter: JournalFilter): boolean {
  return Object.values(filter).every((value) => value === undefined)
}

/** The range of the `at` index the journal reads, newest first. */
export function journalRange(filter: JournalFilter): { lower: number; upper: number } {
  return { lower: filter.from ?? 0, upper: filter.to ?? Number.MAX_SAFE_INTEGER }
}

export function matchesJournalFilter(note: Note, filter: JournalFilter): boolean {
  if (filter.kind !== undefined && note.kind !== filter.kind) return false
  if (filter.touchpoint !== undefined && note.touchpoint !== filter.touchpoint) return false
  if (filter.tag !== undefined && !note.tags.includes(filter.tag)) return false
  if (filter.sentiment !== undefined && note.sentiment !== filter.sentiment) return false
  if (filter.entityId !== undefined && !note.about.includes(filter.entityId)) return false
  if (filter.from !== undefined && note.at < filter.from) return false
  if (filter.to !== undefined && note.at > filter.to) return false
  return true
}

export function filterJournal(notes: readonly Note[], filter: JournalFilter): Note[] {
  return notes.filter((note) => matchesJournalFilter(note, filter)).sort((a, b) => b.at - a.at)
}

export function hasFollowUp(note: Note): boolean {
  return canFollowUp(note.kind) && note.followUp !== undefined
}

export function isOpenLoop(note: Note): boolean {
  return hasFollowUp(note) && note.followUp?.doneAt === undefined
}

export function isOverdue(note: Note, now: number): boolean {
  const due = note.followUp?.due
  return isOpenLoop(note) && due !== undefined && due < now
}

/**
 * Open loops oldest first (by due date, then by the note's date; loops without a due date come
 * after those with one), and closed loops most recently done first.
 */
export function splitFollowUps(notes: readonly Note[]): { open: Note[]; closed: Note[] } {
  const loops = notes.filter(hasFollowUp)
  const open = loops
    .filter(isOpenLoop)
    .sort(
      (a, b) =>
        (a.followUp?.due ?? Number.MAX_SAFE_INTEGER) -
          (b.followUp?.due ?? Number.MAX_SAFE_INTEGER) || a.at - b.at,
    )
  const closed = loops
    .filter((note) => !isOpenLoop(note))
    .sort((a, b) => (b.followUp?.doneAt ?? 0) - (a.followUp?.doneAt ?? 0))
  return { open, closed }
}
