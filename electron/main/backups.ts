/**
 * Backups on disk: the main-process side of `writeBackup`, `listBackups` and `readBackup`.
 *
 * The page produces each snapshot (it owns IndexedDB); this module writes it to the backups
 * folder atomically (temporary file, fsync, rename: see `writeFileAtomically`), reads it back and
 * verifies it (same length, same SHA-256, parses as a Carnet notebook file), and only then
 * applies the retention rules of `src/backup/retention.ts`, so a bad write never costs an older
 * good backup. Plain functions of an injected file system, tested with a temporary folder.
 */
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { backupFileName, parseBackupFileName } from '../../src/backup/backup-name'
import { planRetention } from '../../src/backup/retention'
import type { RetentionPolicy } from '../../src/backup/retention'
import type {
  BackupEntry,
  WriteBackupRequest,
  WriteBackupResult,
} from '../../src/platform/desktop-bridge'
import { FileRefusedError, describeWriteError, writeFileAtomically } from './ipc'
import type { BridgeFileSystem } from './ipc'

/** The name of the backups folder under `userData`. */
export const BACKUPS_FOLDER_NAME = 'Backups'

export const MAX_BACKUP_BYTES = 200 * 1024 * 1024

/** `fs.promises` fits. */
export interface BackupFileSystem extends BridgeFileSystem {
  mkdir(path: string, options: { recursive: true }): Promise<unknown>
  readdir(path: string): Promise<string[]>
}

export interface BackupOptions {
  now: number
  policy?: RetentionPolicy
  /** Local time's offset from UTC, so "one a day" follows the user's clock. */
  utcOffsetMs?: number
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** Whether the bytes are a (plain) Carnet notebook file. */
export function isNotebookFileBytes(bytes: Uint8Array): boolean {
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as { format?: unknown }).format === 'carnet-notebook' &&
      typeof (value as { tables?: unknown }).tables === 'object'
    )
  } catch {
    return false
  }
}

export async function listBackups(files: BackupFileSystem, folder: string): Promise<BackupEntry[]> {
  let names: string[]
  try {
    names = await files.readdir(folder)
  } catch (error) {
    if (isMissing(error)) return []
    throw error
  }
  const entries: BackupEntry[] = []
  for (const file of names) {
    const parsed = parseBackupFileName(file)
    if (!parsed) continue
    try {
      const stats = await files.stat(join(folder, file))
      if (stats.isFile()) entries.push({ file, ...parsed, size: stats.size })
    } catch {
      // Deleted between readdir and stat: not a backup any more.
    }
  }
  return entries.sort((a, b) => b.createdAt - a.createdAt || (a.file < b.file ? 1 : -1))
}

export async function writeBackup(
  files: BackupFileSystem,
  folder: string,
  request: WriteBackupRequest,
  options: BackupOptions,
): Promise<WriteBackupResult> {
  const { bytes } = request
  if (!isNotebookFileBytes(bytes)) {
    return { status: 'failed', reason: 'The snapshot is not a Carnet notebook file.' }
  }
  const checksum = sha256(bytes)
  try {
    await files.mkdir(folder, { recursive: true })
  } catch (error) {
    const code = errorCode(error)
    return { status: 'failed', reason: describeWriteError(code, error) }
  }
  const existing = await listBackups(files, folder)
  const newest = existing.find((entry) => entry.notebookId === request.notebookId)
  if (newest && newest.size === bytes.byteLength) {
    const same = await files.readFile(join(folder, newest.file)).then(
      (old) => sha256(old) === checksum,
      () => false,
    )
    if (same) return { status: 'unchanged', backup: newest }
  }

  // Never two backups of one notebook with the same name: a later one moves forward by 1 ms.
  let createdAt = options.now
  const taken = new Set(existing.map((entry) => entry.file))
  let file = backupFileName(request.notebookId, request.name, createdAt)
  while (taken.has(file)) file = backupFileName(request.notebookId, request.name, ++createdAt)
  const path = join(folder, file)

  const written = await writeFileAtomically(files, path, bytes)
  if (written.status === 'failed') return { status: 'failed', reason: written.reason }

  const verified = await files.readFile(path).then(
    (back) =>
      back.byteLength === bytes.byteLength &&
      sha256(back) === checksum &&
      isNotebookFileBytes(back),
    () => false,
  )
  if (!verified) {
    await files.unlink(path).catch(() => undefined)
    return { status: 'failed', reason: 'The backup did not read back the same; it was removed.' }
  }

  const backup: BackupEntry = {
    file,
    notebookId: request.notebookId,
    name: parseBackupFileName(file)?.name ?? '',
    createdAt,
    size: bytes.byteLength,
  }
  const plan = planRetention([backup, ...existing], options.now, {
    ...(options.policy ? { policy: options.policy } : {}),
    ...(options.utcOffsetMs === undefined ? {} : { utcOffsetMs: options.utcOffsetMs }),
  })
  for (const old of plan.delete) {
    if (old.file === backup.file) continue
    await files.unlink(join(folder, old.file)).catch(() => undefined)
  }
  return { status: 'written', backup }
}

/** The bytes of one backup; `file` must be a backup file name (never a path). */
export async function readBackup(
  files: BackupFileSystem,
  folder: string,
  file: string,
): Promise<Uint8Array> {
  if (!parseBackupFileName(file)) throw new FileRefusedError('Not a backup file name.')
  const path = join(folder, file)
  const stats = await files.stat(path)
  if (!stats.isFile()) throw new FileRefusedError('Not a regular file.')
  if (stats.size > MAX_BACKUP_BYTES) throw new FileRefusedError('The backup is too large.')
  const bytes = await files.readFile(path)
  const copy = new Uint8Array(bytes.byteLength)
  copy.set(bytes)
  return copy
}

/** What the bridge handlers need: the three verbs bound to one folder and the clock. */
export interface BackupService {
  folder: string
  write(request: WriteBackupRequest): Promise<WriteBackupResult>
  list(): Promise<BackupEntry[]>
  read(file: string): Promise<Uint8Array>
}

export function createBackupService(
  files: BackupFileSystem,
  folder: string,
  clock: () => number = Date.now,
): BackupService {
  return {
    folder,
    write: (request) => {
      const now = clock()
      return writeBackup(files, folder, request, {
        now,
        utcOffsetMs: -new Date(now).getTimezoneOffset() * 60_000,
      })
    },
    list: () => listBackups(files, folder),
    read: (file) => readBackup(files, folder, file),
  }
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined
  return typeof error.code === 'string' ? error.code : undefined
}

function isMissing(error: unknown): boolean {
  return errorCode(error) === 'ENOENT'
}
