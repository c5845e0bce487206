import { describe, expect, it } from 'vitest'
import { planRetention } from '../../../src/backup/retention'
import { backupFileName, parseBackupFileName, safeNamePart } from '../../../src/backup/backup-name'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
// Wednesday 2026-11-18, 12:00 UTC.
const NOW = Date.UTC(2026, 10, 18, 12)

const backup = (createdAt: number, notebookId = 'nb') => ({
  file: backupFileName(notebookId, 'Shop', createdAt),
  notebookId,
  createdAt,
})
const files = (list: { file: string }[]) => list.map((item) => item.file).sort()

describe('planRetention', () => {
  it('keeps everything when there are only a few recent backups', () => {
    const backups = [backup(NOW - 15 * MINUTE), backup(NOW - 30 * MINUTE), backup(NOW - HOUR)]
    const plan = planRetention(backups, NOW)
    expect(plan.delete).toEqual([])
    expect(plan.keep).toHaveLength(3)
  })

  it('keeps the recent N, then one a day for a week, then one a week for eight weeks', () => {
    // Every 15 minutes for 70 days.
    const backups = Array.from({ length: (70 * DAY) / (15 * MINUTE) }, (_, index) =>
      backup(NOW - index * 15 * MINUTE),
    )
    const plan = planRetention(backups, NOW, {
      policy: { recent: 4, dailyDays: 7, weeklyWeeks: 8 },
    })
    const kept = plan.keep.map((item) => item.createdAt).sort((a, b) => b - a)
    // The four newest.
    expect(kept.slice(0, 4)).toEqual([0, 1, 2, 3].map((index) => NOW - index * 15 * MINUTE))
    // One per calendar day for the last 7 days (today included): newest of each day.
    for (let day = 1; day < 7; day++) {
      const dayStart = Date.UTC(2026, 10, 18 - day)
      const inDay = kept.filter((at) => at >= dayStart && at < dayStart + DAY)
      expect(inDay, `day -${day}`).toEqual([dayStart + DAY - 15 * MINUTE])
    }
    // Older than a week: at most one per Monday-to-Sunday week, none older than 8 weeks.
    const weekly = kept.filter((at) => at < Date.UTC(2026, 10, 12))
    const mondays = weekly.map((at) => {
      const date = new Date(at)
      return Date.UTC(
        date.getUTCFullYear(),
        date.getUTCMonth(),
        date.getUTCDate() - ((date.getUTCDay() + 6) % 7),
      )
    })
    expect(new Set(mondays).size).toBe(mondays.length)
    const oldestWeek = Date.UTC(2026, 10, 16) - 7 * 7 * DAY
    expect(Math.min(...weekly)).toBeGreaterThanOrEqual(oldestWeek)
    expect(weekly.length).toBeLessThanOrEqual(8)
    expect(plan.keep.length + plan.delete.length).toBe(backups.length)
    expect(plan.keep.length).toBeLessThanOrEqual(4 + 7 + 8)
  })

  it('deletes backups older than the weekly window, but never the newest ones', () => {
    const old = [backup(NOW - 200 * DAY), backup(NOW - 300 * DAY)]
    expect(planRetention(old, NOW).delete).toEqual([])
    const plan = planRetention(old, NOW, { policy: { recent: 1, dailyDays: 7, weeklyWeeks: 8 } })
    expect(files(plan.keep)).toEqual([old[0]!.file])
    expect(files(plan.delete)).toEqual([old[1]!.file])
  })

  it('applies the rules to each notebook on its own', () => {
    const policy = { recent: 1, dailyDays: 1, weeklyWeeks: 1 }
    const backups = [
      backup(NOW - HOUR, 'a'),
      backup(NOW - 2 * HOUR, 'a'),
      backup(NOW - 3 * HOUR, 'b'),
      backup(NOW - 4 * HOUR, 'b'),
    ]
    const plan = planRetention(backups, NOW, { policy })
    expect(files(plan.keep)).toEqual(files([backups[0]!, backups[2]!]))
  })

  it('always keeps a backup dated in the future', () => {
    const policy = { recent: 0, dailyDays: 0, weeklyWeeks: 0 }
    const future = backup(NOW + DAY)
    expect(planRetention([future, backup(NOW - DAY)], NOW, { policy }).keep).toEqual([future])
  })

  it('counts days in local time', () => {
    const policy = { recent: 0, dailyDays: 2, weeklyWeeks: 0 }
    // 23:30 and 00:30 UTC are the same day at UTC+2 but different days at UTC.
    const late = backup(Date.UTC(2026, 10, 17, 23, 30))
    const early = backup(Date.UTC(2026, 10, 18, 0, 30))
    expect(planRetention([late, early], NOW, { policy }).keep).toHaveLength(2)
    expect(planRetention([late, early], NOW, { policy, utcOffsetMs: 2 * HOUR }).keep).toEqual([
      early,
    ])
  })

  it('does not depend on the order of its input', () => {
    const backups = Array.from({ length: 50 }, (_, index) => backup(NOW - index * 7 * HOUR))
    const a = planRetention(backups, NOW)
    const b = planRetention([...backups].reverse(), NOW)
    expect(files(a.keep)).toEqual(files(b.keep))
  })
})

describe('backup file names', () => {
  it('round-trip notebook id, name and time', () => {
    const at = Date.UTC(2026, 10, 22, 15, 21, 8, 123)
    const file = backupFileName('0b7c-42', 'Café: "Le Canal"', at)
    expect(file).toBe('2026-11-22T15-21-08-123Z_0b7c-42_Café Le Canal.carnet')
    expect(parseBackupFileName(file)).toEqual({
      notebookId: '0b7c-42',
      name: 'Café Le Canal',
      createdAt: at,
    })
  })

  it('refuses what is not a backup name', () => {
    expect(parseBackupFileName('../etc/passwd')).toBeUndefined()
    expect(parseBackupFileName('.2026-11-22T15-21-08-123Z_a_b.carnet.1234.tmp')).toBeUndefined()
    expect(parseBackupFileName('2026-11-22T15-21-08-123Z_a/b_c.carnet')).toBeUndefined()
    expect(() => backupFileName('../x', 'n', 0)).toThrow()
  })

  it('keeps names safe for every file system', () => {
    expect(safeNamePart('..\\a/b\u0000c  d')).toBe('a b c d')
    expect(safeNamePart('x'.repeat(200))).toHaveLength(60)
  })
})
