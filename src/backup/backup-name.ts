/**
 * The name of a backup file says which notebook it holds and when it was taken, so listing the
 * backups folder needs no index and no file has to be opened:
 * `2026-11-22T15-21-08-123Z_<notebook id>_<notebook name>.carnet`.
 */
export const BACKUP_EXTENSION = 'carnet'

const NOTEBOOK_ID = /^[A-Za-z0-9-]{1,64}$/
const BACKUP_NAME =
  /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z_([A-Za-z0-9-]{1,64})_(.{0,80})\.carnet$/

export function isNotebookId(value: unknown): value is string {
  return typeof value === 'string' && NOTEBOOK_ID.test(value)
}

/** The notebook's name without what file systems refuse, on one line, short. */
export function safeNamePart(name: string): string {
  return (
    name
      // eslint-disable-next-line no-control-regex -- control characters are what is removed
      .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^\.+/, '')
      .slice(0, 60)
      .trim()
  )
}

export function backupFileName(notebookId: string, name: string, createdAt: number): string {
  if (!isNotebookId(notebookId)) throw new Error('Not a notebook id')
  const stamp = new Date(createdAt).toISOString().replace(/[:.]/g, '-')
  return `${stamp}_${notebookId}_${safeNamePart(name)}.${BACKUP_EXTENSION}`
}

export interface BackupFileName {
  notebookId: string
  name: string
  createdAt: number
}

/** Undefined for anything that is not a backup file name (a temporary file, a stranger). */
export function parseBackupFileName(file: string): BackupFileName | undefined {
  const match = BACKUP_NAME.exec(file)
  if (!match) return undefined
  const [, date, hours, minutes, seconds, millis, notebookId, name] = match
  const createdAt = Date.parse(`${date}T${hours}:${minutes}:${seconds}.${millis}Z`)
  if (Number.isNaN(createdAt) || notebookId === undefined || name === undefined) return undefined
  return { notebookId, name, createdAt }
}
