/**
 * The one narrow set of verbs the page may ask of the platform it runs on.
 *
 * The Electron preload exposes an object that `satisfies` this interface as `window.carnet`;
 * the browser build implements it with downloads and file inputs; tests implement it in memory.
 * Nothing else crosses from the page to the desktop shell.
 */

export interface AppInfo {
  name: string
  version: string
  /** Where the page runs: the desktop app or a plain browser. */
  runtime: 'desktop' | 'web'
  /** The system's preferred languages, most preferred first (BCP 47). */
  locales: string[]
  /** Desktop only: the folder where notebook backups are written (`userData/Backups`). */
  backupsFolder?: string
}

export interface FileFilter {
  /** Shown in the dialog, already translated. */
  name: string
  /** Without the dot: `carnet`, `csv`, `vcf`. */
  extensions: string[]
}

export interface ChooseFileOptions {
  title: string
  filters: FileFilter[]
}

export interface ChosenFile {
  name: string
  /**
   * The file's contents: its bytes, or, in a browser, the file itself, read where it is used. A
   * worker given the file reads it there, and the page never holds a large file's bytes: reading
   * 30 MB of purchases on the page cost it a 58–131 ms task.
   */
  bytes: Uint8Array | Blob
}

export interface SaveFileOptions {
  title: string
  suggestedName: string
  filters: FileFilter[]
  bytes: Uint8Array
}

export type SaveFileResult =
  { status: 'saved'; name: string } | { status: 'cancelled' } | { status: 'failed'; reason: string }

/** What `printDeckToPdf` needs: the deck, and the save dialog's words in the page's language. */
export interface PrintDeckOptions {
  /** The deck's record id (1–64 characters, no slash). */
  deckId: string
  /** The save dialog's title. */
  title: string
  /** A bare file name, such as `Workshop.pdf`. */
  suggestedName: string
  /** The name of the PDF file type in the dialog's filter. */
  fileTypeName: string
}

export type PrintDeckResult =
  | SaveFileResult
  /** In a browser: the print view is open, and the browser's print dialog makes the file. */
  | { status: 'print-dialog' }

/** A snapshot of one notebook, produced by the page (which owns IndexedDB). */
export interface WriteBackupRequest {
  notebookId: string
  /** The notebook's name, shown in the list of backups. */
  name: string
  /** A plain (not encrypted) `.carnet` file. */
  bytes: Uint8Array
}

export interface BackupEntry {
  /** The bare file name in the backups folder. */
  file: string
  notebookId: string
  name: string
  createdAt: number
  size: number
}

export type WriteBackupResult =
  | { status: 'written'; backup: BackupEntry }
  /** The newest backup of this notebook already holds exactly these bytes. */
  | { status: 'unchanged'; backup: BackupEntry }
  | { status: 'failed'; reason: string }

/**
 * Commands the desktop menu sends to the page; each is the name of an action in the page's
 * registry, so a menu item and its shortcut do the same thing.
 */
export const MENU_COMMANDS = [
  'edit.undo',
  'edit.redo',
  'app.palette',
  'capture.new',
  'customer.new',
  'deck.present',
] as const
export type MenuCommand = (typeof MENU_COMMANDS)[number]

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value)
}

export interface DesktopBridge {
  appInfo(): Promise<AppInfo>
  /** Opens an https/http/mailto/tel link in the system's own app; false if refused. */
  openExternal(url: string): Promise<boolean>
  /** Asks the user for one file and returns its bytes, or null if they cancelled. */
  chooseFile(options: ChooseFileOptions): Promise<ChosenFile | null>
  /** Asks the user where to save and writes the bytes there. */
  saveFile(options: SaveFileOptions): Promise<SaveFileResult>
  /**
   * Desktop only: writes a verified snapshot to the backups folder (atomic write, read back and
   * checked), then deletes the backups the retention rules no longer keep.
   */
  writeBackup(request: WriteBackupRequest): Promise<WriteBackupResult>
  /** Desktop only: the backups in the backups folder, newest first (empty in a browser). */
  listBackups(): Promise<BackupEntry[]>
  /** Desktop only: the bytes of one backup, by its bare file name, for a restore preview. */
  readBackup(file: string): Promise<Uint8Array>
  /**
   * Shows the presenter view of a deck (`#/presenter/<id>`) in a second window: a second desktop
   * window (only one; it is reused), a popup in a browser.
   */
  openPresenter(deckId: string): Promise<void>
  /**
   * Makes a PDF of a deck (`#/deck-print/<id>`, one landscape page per slide): on the desktop in
   * a hidden window, saved where the user chooses; in a browser through the print dialog.
   */
  printDeckToPdf(options: PrintDeckOptions): Promise<PrintDeckResult>
  /**
   * Said by the print view once every page is laid out and every picture decoded. In a browser
   * it opens the print dialog; on the desktop it tells the shell that the hidden window it opened
   * for `printDeckToPdf` may be printed now (from any other window it does nothing).
   */
  printViewReady(): Promise<void>
  /**
   * Desktop only: tells the shell whether some notebook has changed since its last backup, so
   * that quitting (or closing the main window) waits for a backup only when there is something
   * to back up. Until the page has said so, the shell assumes there is.
   */
  backupsPending(isPending: boolean): Promise<void>
  /**
   * Desktop only: the answer to `onFlushBackups`: every changed notebook has been backed up (or
   * tried to be), and the shell may now quit or close the window.
   */
  backupsFlushed(): Promise<void>
  /** Calls `listener` for each command chosen in the desktop menu; returns an unsubscribe. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
  /**
   * Desktop only: calls `listener` when the shell is about to quit or close the main window and
   * waits for a backup of every changed notebook; the page answers with `backupsFlushed()`.
   * Returns an unsubscribe.
   */
  onFlushBackups(listener: () => void): () => void
}

/** The verbs the page calls (request and answer), as names. */
export const BRIDGE_VERBS = [
  'appInfo',
  'openExternal',
  'chooseFile',
  'saveFile',
  'writeBackup',
  'listBackups',
  'readBackup',
  'openPresenter',
  'printDeckToPdf',
  'printViewReady',
  'backupsPending',
  'backupsFlushed',
] as const satisfies readonly (keyof DesktopBridge)[]

/** Events the main process sends to the page; the page only listens to them. */
export const BRIDGE_EVENTS = {
  onMenuCommand: 'carnet:menu-command',
  onFlushBackups: 'carnet:flush-backups',
} as const satisfies Partial<Record<keyof DesktopBridge, string>>

/** Everything the preload exposes: the verbs and the event subscriptions. */
export const BRIDGE_MEMBERS = [
  ...BRIDGE_VERBS,
  ...(Object.keys(BRIDGE_EVENTS) as (keyof typeof BRIDGE_EVENTS)[]),
]

/** IPC channel of each verb: one map, used by the preload and the main process alike. */
export const BRIDGE_CHANNELS = {
  appInfo: 'carnet:app-info',
  openExternal: 'carnet:open-external',
  chooseFile: 'carnet:choose-file',
  saveFile: 'carnet:save-file',
  writeBackup: 'carnet:write-backup',
  listBackups: 'carnet:list-backups',
  readBackup: 'carnet:read-backup',
  openPresenter: 'carnet:open-presenter',
  printDeckToPdf: 'carnet:print-deck-to-pdf',
  printViewReady: 'carnet:print-view-ready',
  backupsPending: 'carnet:backups-pending',
  backupsFlushed: 'carnet:backups-flushed',
} as const satisfies Record<(typeof BRIDGE_VERBS)[number], string>
