/**
 * The one window factory's options. Pure data, so a test can assert the secure defaults without
 * starting Electron; `index.ts` passes the result to `new BrowserWindow`.
 */
import { resolve } from 'node:path'
import type { BrowserWindowConstructorOptions } from 'electron'

/** Painted before the page draws, so opening the window does not flash white in dark mode. */
export const BACKGROUND_COLORS = { dark: '#1b1b1d', light: '#fbfaf8' } as const

export const WINDOW_SIZE = { width: 1280, height: 820, minWidth: 720, minHeight: 480 } as const

export const WINDOW_TITLE = 'Carnet'

/** The preload as electron-vite builds it: `out/preload/index.cjs`, next to `out/main/`. */
export function preloadPathFrom(mainDirectory: string): string {
  return resolve(mainDirectory, '..', 'preload', 'index.cjs')
}

export interface WindowOptionsInput {
  /** Folder of the built main script (`out/main`). */
  mainDirectory: string
  /** `nativeTheme.shouldUseDarkColors` when the window is created. */
  prefersDarkColors: boolean
}

export function createWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: WINDOW_SIZE.width,
    height: WINDOW_SIZE.height,
    minWidth: WINDOW_SIZE.minWidth,
    minHeight: WINDOW_SIZE.minHeight,
    backgroundColor: input.prefersDarkColors ? BACKGROUND_COLORS.dark : BACKGROUND_COLORS.light,
    // Shown on `ready-to-show`, once the first frame is painted.
    show: false,
    webPreferences: {
      preload: preloadPathFrom(input.mainDirectory),
      // The page is a web page: no Node, its own JavaScript world, an OS-sandboxed renderer.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      // Dropping a file on the window must not navigate away from the notebook.
      navigateOnDragDrop: false,
      // A page stuck in a loop of alert() must not lock the user out.
      safeDialogs: true,
      spellcheck: true,
    },
  }
}
