import { describe, expect, it } from 'vitest'
import {
  BACKUP_INTERVAL_MS,
  EXPORT_REMINDER_MS,
  notebooksToBackUp,
  shouldRemindToExport,
} from '../../../src/backup/schedule'

const NOW = 1_800_000_000_000
const MINUTE = 60_000

describe('notebooksToBackUp', () => {
  const states = [
    { notebookId: 'never', changedAt: undefined, backedUpAt: undefined },
    { notebookId: 'never-changed-now', changedAt: NOW - MINUTE, backedUpAt: undefined },
    { notebookId: 'clean', changedAt: undefined, backedUpAt: NOW - 60 * MINUTE },
    {
      notebookId: 'saved-after-change',
      changedAt: NOW - 30 * MINUTE,
      backedUpAt: NOW - 20 * MINUTE,
    },
    {
      notebookId: 'changed-long-ago-backup',
      changedAt: NOW - MINUTE,
      backedUpAt: NOW - 20 * MINUTE,
    },
    { notebookId: 'changed-recent-backup', changedAt: NOW - MINUTE, backedUpAt: NOW - 5 * MINUTE },
  ]

  it('at start: notebooks never backed up, and changed ones', () => {
    expect(notebooksToBackUp(states, 'start', NOW)).toEqual([
      'never',
      'never-changed-now',
      'changed-long-ago-backup',
      'changed-recent-backup',
    ])
  })

  it('on the interval: changed notebooks whose last backup is 15 minutes old', () => {
    expect(notebooksToBackUp(states, 'interval', NOW)).toEqual([
      'never-changed-now',
      'changed-long-ago-backup',
    ])
  })

  it('when the page goes away: every notebook changed since its last backup', () => {
    expect(notebooksToBackUp(states, 'pagehide', NOW)).toEqual([
      'never-changed-now',
      'changed-long-ago-backup',
      'changed-recent-backup',
    ])
  })

  it('at quit: the same, however recent the last backup', () => {
    expect(notebooksToBackUp(states, 'quit', NOW)).toEqual(
      notebooksToBackUp(states, 'pagehide', NOW),
    )
  })

  it('waits exactly the interval', () => {
    const state = { notebookId: 'a', changedAt: NOW, backedUpAt: NOW - BACKUP_INTERVAL_MS }
    expect(notebooksToBackUp([state], 'interval', NOW)).toEqual(['a'])
    expect(notebooksToBackUp([state], 'interval', NOW - 1)).toEqual([])
  })
})

describe('shouldRemindToExport', () => {
  it('reminds when the last export is older than 14 days', () => {
    expect(
      shouldRemindToExport(NOW - EXPORT_REMINDER_MS - 1, NOW - 100 * EXPORT_REMINDER_MS, NOW),
    ).toBe(true)
    expect(
      shouldRemindToExport(NOW - EXPORT_REMINDER_MS + 1, NOW - 100 * EXPORT_REMINDER_MS, NOW),
    ).toBe(false)
  })

  it('counts from the oldest notebook when nothing was ever exported, and never without one', () => {
    expect(shouldRemindToExport(undefined, NOW - EXPORT_REMINDER_MS - 1, NOW)).toBe(true)
    expect(shouldRemindToExport(undefined, NOW - MINUTE, NOW)).toBe(false)
    expect(shouldRemindToExport(undefined, undefined, NOW)).toBe(false)
  })
})
