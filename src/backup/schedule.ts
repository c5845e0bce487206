/**
 * When to back up, as pure decisions (the page's scheduler in renderer/app/backup-scheduler.ts
 * does the exporting; the main process does the writing and the retention).
 */

export const BACKUP_INTERVAL_MS = 15 * 60 * 1000
/** The browser version reminds the user to export when the last export is older than this. */
export const EXPORT_REMINDER_MS = 14 * 24 * 60 * 60 * 1000

export interface NotebookBackupState {
  notebookId: string
  /** The last change seen in this session, or undefined when none was. */
  changedAt: number | undefined
  /** The newest backup on disk (or written in this session), or undefined when there is none. */
  backedUpAt: number | undefined
}

/** `quit`: the desktop shell waits for the backups before quitting (or closing the window). */
export type BackupReason = 'start' | 'interval' | 'pagehide' | 'quit'

/**
 * The notebooks to back up now: those changed since their last backup, and (at start) those
 * that have never been backed up. On the interval a notebook waits until its last backup is at
 * least `interval` old, so a busy notebook is written every 15 minutes, not on every tick.
 */
export function notebooksToBackUp(
  states: readonly NotebookBackupState[],
  reason: BackupReason,
  now: number,
  interval = BACKUP_INTERVAL_MS,
): string[] {
  return states
    .filter((state) => {
      if (state.backedUpAt === undefined) return reason === 'start' || state.changedAt !== undefined
      const changed = state.changedAt !== undefined && state.changedAt > state.backedUpAt
      if (!changed) return false
      return reason !== 'interval' || now - state.backedUpAt >= interval
    })
    .map((state) => state.notebookId)
}

/**
 * Whether the browser version should remind the user to export: they have a notebook and their
 * last export (or, if they never exported, their oldest notebook) is older than 14 days.
 */
export function shouldRemindToExport(
  lastExportAt: number | undefined,
  oldestNotebookCreatedAt: number | undefined,
  now: number,
): boolean {
  if (oldestNotebookCreatedAt === undefined) return false
  const since = lastExportAt ?? oldestNotebookCreatedAt
  return now - since > EXPORT_REMINDER_MS
}
