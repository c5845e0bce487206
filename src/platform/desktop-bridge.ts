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
  bytes: Uint8Array
}

export interface SaveFileOptions {
  title: string
  suggestedName: string
  filters: FileFilter[]
  bytes: Uint8Array
}

export type SaveFileResult =
  | { status: 'saved'; name: string }
  | { status: 'cancelled' }
  | { status: 'failed'; reason: string }

export interface DesktopBridge {
  appInfo(): Promise<AppInfo>
  /** Opens an https/http/mailto/tel link in the system's own app; false if refused. */
  openExternal(url: string): Promise<boolean>
  /** Asks the user for one file and returns its bytes, or null if they cancelled. */
  chooseFile(options: ChooseFileOptions): Promise<ChosenFile | null>
  /** Asks the user where to save and writes the bytes there. */
  saveFile(options: SaveFileOptions): Promise<SaveFileResult>
}

/** The verbs, as names; the preload must expose exactly these. */
export const BRIDGE_VERBS = ['appInfo', 'openExternal', 'chooseFile', 'saveFile'] as const satisfies readonly (keyof DesktopBridge)[]

/** IPC channel of each verb: one map, used by the preload and the main process alike. */
export const BRIDGE_CHANNELS = {
  appInfo: 'carnet:app-info',
  openExternal: 'carnet:open-external',
  chooseFile: 'carnet:choose-file',
  saveFile: 'carnet:save-file',
} as const satisfies Record<(typeof BRIDGE_VERBS)[number], string>
