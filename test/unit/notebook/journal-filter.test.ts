import { describe, expect, it } from 'vitest'
import type { Note } from '../../../src/model/records'
import {
  filterJournal,
  isFilterEmpty,
  isOverdue,
  journalRange,
  matchesJournalFilter,
  splitFollowUps,
} from '../../../src/notebook/journal-filter'

function note(patch: Partial<Note>): Note {
  return {
    id: patch.id ?? 'n',
    text: '',
    kind: 'conversation',
    touchpoint: 'shop',
    at: 100,
    about: [],
    tags: [],
    facets: [],
    source: 'observed',
    sentiment: 0,
    createdAt: 0,
    updatedAt: 0,
    ...patch,
  }
}

describe('matchesJournalFilter', () => {
  const sample = note({
    kind: 'complaint',
    touchpoint: 'phone',
    tags: ['rye'],
    sentiment: -1,
    about: ['zoe'],
    at: 500,
  })

  it('matches everything with an empty filter', () => {
    expect(isFilterEmpty({})).toBe(true)
    expect(matchesJournalFilter(sample, {})).toBe(true)
  })

  it.each([
    [{ kind: 'complaint' as const }, true],
    [{ kind: 'praise' as const }, false],
    [{ touchpoint: 'phone' as const }, true],
    [{ touchpoint: 'shop' as const }, false],
    [{ tag: 'rye' }, true],
    [{ tag: 'spelt' }, false],
    [{ sentiment: -1 }, true],
    [{ sentiment: 0 }, false],
    [{ entityId: 'zoe' }, true],
    [{ entityId: 'paul' }, false],
    [{ from: 500, to: 500 }, true],
    [{ from: 501 }, false],
    [{ to: 499 }, false],
    [{ kind: 'complaint' as const, tag: 'spelt' }, false],
  ])('%o → %s', (filter, expected) => {
    expect(matchesJournalFilter(sample, filter)).toBe(expected)
  })

  it('filters and sorts newest first; the range covers everything by default', () => {
    const notes = [
      note({ id: 'a', at: 1 }),
      note({ id: 'b', at: 3, kind: 'idea' }),
      note({ id: 'c', at: 2 }),
    ]
    expect(filterJournal(notes, {}).map((n) => n.id)).toEqual(['b', 'c', 'a'])
    expect(filterJournal(notes, { kind: 'conversation' }).map((n) => n.id)).toEqual(['c', 'a'])
    expect(journalRange({})).toEqual({ lower: 0, upper: Number.MAX_SAFE_INTEGER })
    expect(journalRange({ from: 5, to: 9 })).toEqual({ lower: 5, upper: 9 })
  })
})

describe('follow-ups', () => {
  it('lists open loops oldest due first, then by date, and closed ones most recent first', () => {
    const notes = [
      note({ id: 'late', kind: 'complaint', at: 1, followUp: { due: 30 } }),
      note({ id: 'soon', kind: 'question', at: 5, followUp: { due: 10 } }),
      note({ id: 'undated', kind: 'idea', at: 0, followUp: {} }),
      note({ id: 'done1', kind: 'complaint', followUp: { due: 1, doneAt: 50 } }),
      note({ id: 'done2', kind: 'complaint', followUp: { doneAt: 60 } }),
      note({ id: 'praise', kind: 'praise', followUp: { due: 1 } }),
      note({ id: 'plain', kind: 'complaint' }),
    ]
    const { open, closed } = splitFollowUps(notes)
    expect(open.map((n) => n.id)).toEqual(['soon', 'late', 'undated'])
    expect(closed.map((n) => n.id)).toEqual(['done2', 'done1'])
  })

  it('is overdue only when open and past due', () => {
    expect(isOverdue(note({ kind: 'complaint', followUp: { due: 10 } }), 11)).toBe(true)
    expect(isOverdue(note({ kind: 'complaint', followUp: { due: 10 } }), 9)).toBe(false)
    expect(isOverdue(note({ kind: 'complaint', followUp: { due: 10, doneAt: 5 } }), 11)).toBe(false)
    expect(isOverdue(note({ kind: 'complaint', followUp: {} }), 11)).toBe(false)
  })
})
