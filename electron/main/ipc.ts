/**
 * The main-process side of the desktop bridge: one `ipcMain.handle` per verb of
 * `BRIDGE_CHANNELS`, nothing else.
 *
 * Every call is checked in the same order: the sender frame must be Carnet's own page, then the
 * arguments must have exactly the expected shape (the page is treated as untrusted input), then
 * the verb runs. The verbs are plain functions of their dependencies (app, shell, dialogs, file
 * system), so tests drive them with fakes and a temporary folder.
 */
import { randomUUID } from 'node:crypto'
import { basename, dirname, join } from 'node:path'
import type {
  AppInfo,
  ChooseFileOptions,
  ChosenFile,
  DesktopBridge,
  FileFilter,
  PrintDeckOptions,
  SaveFileOptions,
  SaveFileResult,
  WriteBackupRequest,
} from '../../src/platform/desktop-bridge'
import { isNotebookId, parseBackupFileName } from '../../src/backup/backup-name'
import { isRecordId } from '../../src/model/ids'
import { BRIDGE_CHANNELS, BRIDGE_VERBS } from '../../src/platform/desktop-bridge'
import { isAllowedExternalUrl } from '../../src/platform/external-links'
import type { BackupService } from './backups'
import type { DeckWindows } from './deck-windows'
import type { QuitBackup } from './quit-backup'
import { normalizeUrl } from './security'

/** Larger than any notebook, CSV or vCard a shop produces; small enough to hold in memory. */
export const MAX_CHOSEN_FILE_BYTES = 200 * 1024 * 1024
export const MAX_SAVED_FILE_BYTES = 200 * 1024 * 1024

const MAX_TEXT_LENGTH = 500
const MAX_FILE_NAME_LENGTH = 255
const MAX_FILTERS = 32
const MAX_EXTENSIONS_PER_FILTER = 32

type BridgeVerb = (typeof BRIDGE_VERBS)[number]

/** Thrown when the page sends arguments of the wrong shape; the invoke promise rejects with it. */
export class BridgeArgumentError extends Error {
  override name = 'BridgeArgumentError'
}

/** Thrown when the sender is not Carnet's page. */
export class UntrustedSenderError extends Error {
  override name = 'UntrustedSenderError'
}

/** Thrown when a chosen file cannot be opened (too large, not a regular file). */
export class FileRefusedError extends Error {
  override name = 'FileRefusedError'
}

// ---------------------------------------------------------------------------------------------
// Dependencies: the narrow parts of Electron and `fs.promises` the verbs use.

export interface AppInfoSource {
  getName(): string
  getVersion(): string
  getPreferredSystemLanguages(): string[]
}

export interface ExternalOpener {
  openExternal(url: string): Promise<void>
}

export interface OpenDialogRequest {
  title: string
  filters: FileFilter[]
  properties: Array<'openFile'>
}

export interface SaveDialogRequest {
  title: string
  defaultPath: string
  filters: FileFilter[]
  properties: Array<'createDirectory' | 'showOverwriteConfirmation'>
}

/** `index.ts` adapts Electron's `dialog`, attaching the dialogs to the focused window. */
export interface FileDialogs {
  showOpenDialog(options: OpenDialogRequest): Promise<{ canceled: boolean; filePaths: string[] }>
  showSaveDialog(options: SaveDialogRequest): Promise<{ canceled: boolean; filePath?: string }>
}

export interface WritableFileHandle {
  writeFile(data: Uint8Array): Promise<void>
  sync(): Promise<void>
  close(): Promise<void>
}

/** `fs.promises` fits. */
export interface BridgeFileSystem {
  stat(path: string): Promise<{ size: number; isFile(): boolean }>
  readFile(path: string): Promise<Uint8Array>
  open(path: string, flags: string): Promise<WritableFileHandle>
  rename(oldPath: string, newPath: string): Promise<void>
  unlink(path: string): Promise<void>
}

export interface BridgeDependencies {
  app: AppInfoSource
  shell: ExternalOpener
  dialogs: FileDialogs
  files: BridgeFileSystem
  /** Where the save dialog opens (the user's documents folder). */
  defaultSaveDirectory?: string | undefined
  /** The backups folder and its verbs (electron/main/backups.ts); without it they reject. */
  backups?: BackupService | undefined
  /** The presenter and print windows (electron/main/deck-windows.ts); without them they reject. */
  deckWindows?: DeckWindows | undefined
  /** The backup at quit (electron/main/quit-backup.ts); without it its verbs do nothing. */
  quitBackup?: QuitBackup | undefined
}

// ---------------------------------------------------------------------------------------------
// Argument validation. The page is a web page: its arguments are checked, never trusted.

type UnknownRecord = Record<string, unknown>

function isRecord(value: unknown): value is UnknownRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function expectArgumentCount(verb: BridgeVerb, args: readonly unknown[], count: number): void {
  if (args.length !== count) {
    throw new BridgeArgumentError(`${verb} takes ${count} argument(s), got ${args.length}`)
  }
}

function readText(value: unknown, field: string, maxLength = MAX_TEXT_LENGTH): string {
  if (typeof value !== 'string') throw new BridgeArgumentError(`${field} must be a string`)
  if (value.length > maxLength) {
    throw new BridgeArgumentError(`${field} is longer than ${maxLength} characters`)
  }
  return value
}

function readFilters(value: unknown): FileFilter[] {
  if (!Array.isArray(value)) throw new BridgeArgumentError('filters must be an array')
  if (value.length > MAX_FILTERS) throw new BridgeArgumentError('too many filters')
  return value.map((filter: unknown, index) => {
    if (!isRecord(filter)) throw new BridgeArgumentError(`filters[${index}] must be an object`)
    const { extensions } = filter
    if (!Array.isArray(extensions) || extensions.length > MAX_EXTENSIONS_PER_FILTER) {
      throw new BridgeArgumentError(`filters[${index}].extensions must be a short array`)
    }
    return {
      name: readText(filter.name, `filters[${index}].name`),
      extensions: extensions.map((extension: unknown) => {
        // Without the dot, letters and digits only (or `*` for all files).
        if (typeof extension !== 'string' || !/^(?:\*|[A-Za-z0-9]{1,16})$/.test(extension)) {
          throw new BridgeArgumentError(`filters[${index}].extensions holds an invalid extension`)
        }
        return extension
      }),
    }
  })
}

/** A bare file name: the page suggests a name, never a folder. */
function readFileName(value: unknown, field: string): string {
  const name = readText(value, field, MAX_FILE_NAME_LENGTH)
  if (name.trim() === '' || name === '.' || name === '..' || /[/\\\0]/.test(name)) {
    throw new BridgeArgumentError(`${field} must be a plain file name`)
  }
  return name
}

export function readChooseFileOptions(value: unknown): ChooseFileOptions {
  if (!isRecord(value)) throw new BridgeArgumentError('chooseFile options must be an object')
  return { title: readText(value.title, 'title'), filters: readFilters(value.filters) }
}

export function readSaveFileOptions(value: unknown): SaveFileOptions {
  if (!isRecord(value)) throw new BridgeArgumentError('saveFile options must be an object')
  const { bytes } = value
  if (!(bytes instanceof Uint8Array)) throw new BridgeArgumentError('bytes must be a Uint8Array')
  if (bytes.byteLength > MAX_SAVED_FILE_BYTES) {
    throw new BridgeArgumentError(`bytes is larger than ${formatMegabytes(MAX_SAVED_FILE_BYTES)}`)
  }
  return {
    title: readText(value.title, 'title'),
    suggestedName: readFileName(value.suggestedName, 'suggestedName'),
    filters: readFilters(value.filters),
    bytes,
  }
}

export function readWriteBackupRequest(value: unknown): WriteBackupRequest {
  if (!isRecord(value)) throw new BridgeArgumentError('writeBackup request must be an object')
  const { bytes, notebookId } = value
  if (!isNotebookId(notebookId)) throw new BridgeArgumentError('notebookId must be a notebook id')
  if (!(bytes instanceof Uint8Array)) throw new BridgeArgumentError('bytes must be a Uint8Array')
  if (bytes.byteLength > MAX_SAVED_FILE_BYTES) {
    throw new BridgeArgumentError(`bytes is larger than ${formatMegabytes(MAX_SAVED_FILE_BYTES)}`)
  }
  return { notebookId, name: readText(value.name, 'name'), bytes }
}

/** A backup is named by its bare file name, in the backups folder's own naming. */
export function readBackupFileName(value: unknown): string {
  const file = readFileName(value, 'file')
  if (!parseBackupFileName(file)) throw new BridgeArgumentError('file must be a backup file name')
  return file
}

/** A deck, by its record id: 1–64 characters, no slash. */
export function readDeckId(value: unknown): string {
  if (!isRecordId(value)) throw new BridgeArgumentError('deckId must be a record id')
  return value
}

export function readPrintDeckOptions(value: unknown): PrintDeckOptions {
  if (!isRecord(value)) throw new BridgeArgumentError('printDeckToPdf options must be an object')
  return {
    deckId: readDeckId(value.deckId),
    title: readText(value.title, 'title'),
    suggestedName: readFileName(value.suggestedName, 'suggestedName'),
    fileTypeName: readText(value.fileTypeName, 'fileTypeName'),
  }
}

// ---------------------------------------------------------------------------------------------
// The verbs.

export function getAppInfo(app: AppInfoSource, backupsFolder?: string): AppInfo {
  const info: AppInfo = {
    name: app.getName(),
    version: app.getVersion(),
    runtime: 'desktop',
    locales: app.getPreferredSystemLanguages().filter((locale) => typeof locale === 'string'),
  }
  if (backupsFolder !== undefined) info.backupsFolder = backupsFolder
  return info
}

/** False when the URL is not on the allowlist or the system could not open it. */
export async function openExternalUrl(shell: ExternalOpener, url: unknown): Promise<boolean> {
  if (typeof url !== 'string') throw new BridgeArgumentError('url must be a string')
  if (!isAllowedExternalUrl(url)) return false
  try {
    // electronegativity-ignore: OPEN_EXTERNAL_JS_CHECK — only after isAllowedExternalUrl, and
    // only the URL as parsed (ipc.test.ts).
    await shell.openExternal(normalizeUrl(url))
    return true
  } catch {
    return false
  }
}

export async function chooseFile(
  dialogs: FileDialogs,
  files: BridgeFileSystem,
  options: ChooseFileOptions,
  maxBytes = MAX_CHOSEN_FILE_BYTES,
): Promise<(ChosenFile & { bytes: Uint8Array }) | null> {
  const answer = await dialogs.showOpenDialog({
    title: options.title,
    filters: options.filters,
    properties: ['openFile'],
  })
  const filePath = answer.filePaths[0]
  if (answer.canceled || filePath === undefined) return null

  const name = basename(filePath)
  const stats = await files.stat(filePath)
  // A device or a FIFO (`/dev/zero`) would never end; a folder has no bytes.
  if (!stats.isFile()) throw new FileRefusedError(`"${name}" is not a regular file.`)
  if (stats.size > maxBytes) throw new FileRefusedError(tooLargeMessage(name, stats.size, maxBytes))

  const bytes = await files.readFile(filePath)
  // The file may have grown between stat and read.
  if (bytes.byteLength > maxBytes) {
    throw new FileRefusedError(tooLargeMessage(name, bytes.byteLength, maxBytes))
  }
  return { name, bytes: ownBytes(bytes) }
}

/**
 * A plain Uint8Array that owns its whole buffer. IPC clones the entire underlying ArrayBuffer,
 * and a small Node Buffer may be a slice of a shared pool holding unrelated memory.
 */
function ownBytes(bytes: Uint8Array): Uint8Array {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) {
    return new Uint8Array(bytes.buffer, 0, bytes.byteLength)
  }
  const copy = new Uint8Array(bytes.byteLength)
  copy.set(bytes)
  return copy
}

function tooLargeMessage(name: string, size: number, maxBytes: number): string {
  return `"${name}" is ${formatMegabytes(size)}; Carnet opens files up to ${formatMegabytes(maxBytes)}.`
}

function formatMegabytes(bytes: number): string {
  return `${Math.ceil(bytes / (1024 * 1024))} MB`
}

export async function saveFile(
  dialogs: FileDialogs,
  files: BridgeFileSystem,
  options: SaveFileOptions,
  defaultSaveDirectory?: string,
): Promise<SaveFileResult> {
  const answer = await dialogs.showSaveDialog({
    title: options.title,
    defaultPath:
      defaultSaveDirectory === undefined
        ? options.suggestedName
        : join(defaultSaveDirectory, options.suggestedName),
    filters: options.filters,
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  })
  const filePath = answer.filePath
  if (answer.canceled || filePath === undefined || filePath === '') return { status: 'cancelled' }

  const written = await writeFileAtomically(files, filePath, options.bytes)
  return written.status === 'written'
    ? { status: 'saved', name: basename(filePath) }
    : { status: 'failed', reason: written.reason }
}

export type AtomicWriteResult =
  { status: 'written' } | { status: 'failed'; code: string | undefined; reason: string }

/**
 * Writes `bytes` to `targetPath` so that the target holds either its old content or the whole
 * new content, never a torn file: write a temporary file in the same folder (same file system,
 * so the rename is atomic), flush it to the disk, then rename it over the target. On failure the
 * temporary file is removed and the target is untouched.
 */
export async function writeFileAtomically(
  files: BridgeFileSystem,
  targetPath: string,
  bytes: Uint8Array,
): Promise<AtomicWriteResult> {
  const folder = dirname(targetPath)
  const temporaryPath = join(folder, `.${basename(targetPath)}.${randomUUID()}.tmp`)
  let isTemporaryCreated = false
  try {
    // `wx`: never follow or clobber something already at the temporary name.
    const handle = await files.open(temporaryPath, 'wx')
    isTemporaryCreated = true
    try {
      await handle.writeFile(bytes)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await files.rename(temporaryPath, targetPath)
    isTemporaryCreated = false
  } catch (error) {
    if (isTemporaryCreated) await files.unlink(temporaryPath).catch(() => undefined)
    const code = errorCode(error)
    return { status: 'failed', code, reason: describeWriteError(code, error) }
  }
  await syncFolder(files, folder)
  return { status: 'written' }
}

/**
 * Makes the rename itself durable on POSIX systems. Best effort: Windows cannot open a folder,
 * and the file is already complete either way.
 */
async function syncFolder(files: BridgeFileSystem, folder: string): Promise<void> {
  try {
    const handle = await files.open(folder, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    // Nothing to do: see above.
  }
}

const WRITE_ERROR_REASONS: Readonly<Record<string, string>> = {
  ENOSPC: 'The disk is full.',
  EDQUOT: 'The disk quota is exceeded.',
  EACCES: 'Permission denied: Carnet may not write in this folder.',
  EPERM: 'Permission denied: Carnet may not write in this folder.',
  EROFS: 'The disk is read-only.',
  ENOENT: 'The folder no longer exists.',
  ENOTDIR: 'The folder no longer exists.',
  EISDIR: 'A folder already has this name.',
  ENAMETOOLONG: 'The file name is too long.',
  EBUSY: 'The file is in use by another program.',
  EIO: 'The disk reported an input/output error.',
}

/** A sentence for the user, ending with the system's error code so the page can map it. */
export function describeWriteError(code: string | undefined, error: unknown): string {
  const sentence = code === undefined ? undefined : WRITE_ERROR_REASONS[code]
  if (sentence !== undefined) return `${sentence} (${code})`
  const detail = code ?? (error instanceof Error ? error.message : String(error))
  return `The file could not be written (${detail}).`
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined
  return typeof error.code === 'string' ? error.code : undefined
}

// ---------------------------------------------------------------------------------------------
// Wiring.

/** Who called a verb: the web contents of the window it came from (checked by window verbs). */
export interface BridgeCaller {
  webContentsId: number | undefined
}

/** What each verb's handler resolves to, tied to the `DesktopBridge` interface. */
export type BridgeHandlers = {
  [Verb in BridgeVerb]: (
    caller: BridgeCaller,
    ...args: unknown[]
  ) => Promise<Awaited<ReturnType<DesktopBridge[Verb]>>>
}

/** The handlers, after the sender check: each validates its own arguments. */
export function createBridgeHandlers(dependencies: BridgeDependencies): BridgeHandlers {
  const { app, shell, dialogs, files, defaultSaveDirectory, backups, deckWindows, quitBackup } =
    dependencies
  const backupService = (): BackupService => {
    if (!backups) throw new Error('Backups are not available.')
    return backups
  }
  const windows = (): DeckWindows => {
    if (!deckWindows) throw new Error('Presenter and print windows are not available.')
    return deckWindows
  }
  return {
    // Through `then`, so a bad argument rejects like in the other verbs instead of throwing.
    appInfo: (_caller, ...args) =>
      Promise.resolve().then(() => {
        expectArgumentCount('appInfo', args, 0)
        return getAppInfo(app, backups?.folder)
      }),
    openExternal: async (_caller, ...args) => {
      expectArgumentCount('openExternal', args, 1)
      return await openExternalUrl(shell, args[0])
    },
    chooseFile: async (_caller, ...args) => {
      expectArgumentCount('chooseFile', args, 1)
      return await chooseFile(dialogs, files, readChooseFileOptions(args[0]))
    },
    saveFile: async (_caller, ...args) => {
      expectArgumentCount('saveFile', args, 1)
      return await saveFile(dialogs, files, readSaveFileOptions(args[0]), defaultSaveDirectory)
    },
    writeBackup: async (_caller, ...args) => {
      expectArgumentCount('writeBackup', args, 1)
      return await backupService().write(readWriteBackupRequest(args[0]))
    },
    listBackups: async (_caller, ...args) => {
      expectArgumentCount('listBackups', args, 0)
      return await backupService().list()
    },
    readBackup: async (_caller, ...args) => {
      expectArgumentCount('readBackup', args, 1)
      return await backupService().read(readBackupFileName(args[0]))
    },
    openPresenter: async (caller, ...args) => {
      expectArgumentCount('openPresenter', args, 1)
      const deckId = readDeckId(args[0])
      await windows().openPresenter(caller.webContentsId, deckId)
    },
    printDeckToPdf: async (caller, ...args) => {
      expectArgumentCount('printDeckToPdf', args, 1)
      const options = readPrintDeckOptions(args[0])
      return await windows().printDeckToPdf(caller.webContentsId, options)
    },
    printViewReady: async (caller, ...args) => {
      expectArgumentCount('printViewReady', args, 0)
      windows().printViewReady(caller.webContentsId)
    },
    // Only the main window's page counts (quit-backup.ts checks the caller); others are ignored.
    backupsPending: async (caller, ...args) => {
      expectArgumentCount('backupsPending', args, 1)
      const [isPending] = args
      if (typeof isPending !== 'boolean') {
        throw new BridgeArgumentError('isPending must be a boolean')
      }
      quitBackup?.pagePending(caller.webContentsId, isPending)
    },
    backupsFlushed: async (caller, ...args) => {
      expectArgumentCount('backupsFlushed', args, 0)
      quitBackup?.pageFlushed(caller.webContentsId)
    },
  }
}

export interface InvokeEventLike {
  senderFrame: { url: string } | null
  /** The web contents that sent the call (`event.sender`). */
  sender?: { id: number } | undefined
}

/** The part of `ipcMain` used here. */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>,
  ): void
}

/**
 * Registers exactly one handler per verb. The sender check comes first, before any argument is
 * looked at: a frame that is not Carnet's page gets a rejection and nothing else.
 */
export function registerBridgeHandlers(
  ipcMain: IpcMainLike,
  handlers: BridgeHandlers,
  isTrustedSender: (frameUrl: unknown) => boolean,
): void {
  for (const verb of BRIDGE_VERBS) {
    const handler = handlers[verb]
    ipcMain.handle(BRIDGE_CHANNELS[verb], async (event, ...args) => {
      if (!isTrustedSender(event.senderFrame?.url)) {
        throw new UntrustedSenderError(`${verb} refused: the sender is not Carnet's page`)
      }
      return handler({ webContentsId: event.sender?.id }, ...args)
    })
  }
}
