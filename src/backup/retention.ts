/**
 * Which backups to keep: a pure kernel (the file system stays in electron/main/backups.ts).
 *
 * Per notebook, a backup is kept when it is one of the `recent` newest, or the newest of its
 * calendar day for the last `dailyDays` days, or the newest of its week (Monday to Sunday) for
 * the last `weeklyWeeks` weeks. Everything else is deleted. Days and weeks are counted in the
 * user's local time through `utcOffsetMs`, so "one a day" means one per day on their clock.
 * A backup dated in the future (a clock that was wrong) is always kept: its age is unknown.
 */

export interface RetentionPolicy {
  recent: number
  dailyDays: number
  weeklyWeeks: number
}

export const DEFAULT_RETENTION: RetentionPolicy = { recent: 8, dailyDays: 7, weeklyWeeks: 8 }

export interface RetainedBackup {
  file: string
  notebookId: string
  createdAt: number
}

export interface RetentionPlan<T extends RetainedBackup> {
  keep: T[]
  delete: T[]
}

const DAY_MS = 24 * 60 * 60 * 1000

/** Days since 1970-01-01 in local time. */
function dayNumber(at: number, utcOffsetMs: number): number {
  return Math.floor((at + utcOffsetMs) / DAY_MS)
}

/** Weeks starting on Monday (1970-01-01 was a Thursday, day 0). */
function weekNumber(day: number): number {
  return Math.floor((day + 3) / 7)
}

export function planRetention<T extends RetainedBackup>(
  backups: readonly T[],
  now: number,
  options: { policy?: RetentionPolicy; utcOffsetMs?: number } = {},
): RetentionPlan<T> {
  const policy = options.policy ?? DEFAULT_RETENTION
  const offset = options.utcOffsetMs ?? 0
  const today = dayNumber(now, offset)
  const thisWeek = weekNumber(today)
  const kept = new Set<T>()
  const byNotebook = new Map<string, T[]>()
  for (const backup of backups) {
    const list = byNotebook.get(backup.notebookId) ?? []
    list.push(backup)
    byNotebook.set(backup.notebookId, list)
  }
  for (const list of byNotebook.values()) {
    // Newest first; same moment: by file name, so the plan never depends on input order.
    const sorted = [...list].sort(
      (a, b) => b.createdAt - a.createdAt || (a.file < b.file ? 1 : a.file > b.file ? -1 : 0),
    )
    const days = new Set<number>()
    const weeks = new Set<number>()
    sorted.forEach((backup, index) => {
      if (backup.createdAt > now || index < policy.recent) kept.add(backup)
      const day = dayNumber(backup.createdAt, offset)
      if (today - day < policy.dailyDays && !days.has(day)) {
        days.add(day)
        kept.add(backup)
      }
      const week = weekNumber(day)
      if (thisWeek - week < policy.weeklyWeeks && !weeks.has(week)) {
        weeks.add(week)
        kept.add(backup)
      }
    })
  }
  return {
    keep: backups.filter((backup) => kept.has(backup)),
    delete: backups.filter((backup) => !kept.has(backup)),
  }
}
