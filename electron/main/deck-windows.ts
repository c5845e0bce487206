/**
 * The windows of workshop mode, besides the main one: the presenter view of a deck in a second
 * window, and the hidden window a deck is printed to PDF from.
 *
 * Plain logic over injected windows, so tests drive it with fakes: `index.ts` passes a factory
 * that makes real `BrowserWindow`s with the one set of secure options (window-options.ts), and
 * every window loads Carnet's own page at a route (`app://carnet/#/presenter/<id>`), never an
 * address the page chose. Only the main window may ask for these windows.
 *
 * Printing is deterministic: the hidden window loads `#/deck-print/<id>`, and the print view says
 * `printViewReady()` once its pages are laid out and its pictures decoded; only then is
 * `printToPDF` called. A window that fails to load, closes or stays silent past a time limit
 * ends the job as failed.
 */
import { isRecordId } from '../../src/model/ids'
import type { PrintDeckOptions, PrintDeckResult } from '../../src/platform/desktop-bridge'
import type { BridgeFileSystem, FileDialogs } from './ipc'
import { saveFile, UntrustedSenderError } from './ipc'

/** How long the print view may take to lay out a deck before the job is given up. */
export const PRINT_READY_TIMEOUT_MS = 60_000

/** What Electron's `printToPDF` is asked for: one landscape A4 page per slide, with colours. */
export const PDF_OPTIONS = {
  landscape: true,
  printBackground: true,
  pageSize: 'A4',
} as const

/** The part of a `BrowserWindow` used here; the real one fits, tests pass a fake. */
export interface DeckWindow {
  readonly webContents: {
    readonly id: number
    printToPDF(options: typeof PDF_OPTIONS): Promise<Uint8Array>
  }
  loadURL(url: string): Promise<void>
  isDestroyed(): boolean
  isMinimized(): boolean
  restore(): void
  show(): void
  focus(): void
  close(): void
  once(event: 'closed', listener: () => void): unknown
}

/** A presenter window is shown once painted; a print window is never shown. */
export type DeckWindowPurpose = 'presenter' | 'print'

export interface DeckWindowsDependencies {
  /** Makes a window with the secure options of window-options.ts. */
  createWindow: (purpose: DeckWindowPurpose) => DeckWindow
  /** The page's address: `app://carnet/` (or, unpackaged only, the dev server). */
  pageUrl: string
  /** Whether these web contents are the main window's. */
  isMainWindow: (webContentsId: number | undefined) => boolean
  dialogs: FileDialogs
  files: BridgeFileSystem
  defaultSaveDirectory?: string | undefined
  readyTimeoutMs?: number
}

export interface DeckWindows {
  openPresenter(callerId: number | undefined, deckId: string): Promise<void>
  printDeckToPdf(callerId: number | undefined, options: PrintDeckOptions): Promise<PrintDeckResult>
  /** True when the caller was a print window waiting for its page. */
  printViewReady(callerId: number | undefined): boolean
  /** Closes the presenter and print windows (the main window has closed). */
  closeAll(): void
}

/** The page's address at one of its routes: `app://carnet/#/presenter/<id>`. */
export function routeUrl(pageUrl: string, route: 'presenter' | 'deck-print', id: string): string {
  if (!isRecordId(id)) throw new Error('not a record id')
  const url = new URL(pageUrl)
  url.hash = `/${route}/${encodeURIComponent(id)}`
  return url.href
}

function isOpen(window: DeckWindow | null): window is DeckWindow {
  return window !== null && !window.isDestroyed()
}

export function createDeckWindows(dependencies: DeckWindowsDependencies): DeckWindows {
  const { createWindow, pageUrl, isMainWindow, dialogs, files, defaultSaveDirectory } = dependencies
  const readyTimeoutMs = dependencies.readyTimeoutMs ?? PRINT_READY_TIMEOUT_MS
  let presenter: { window: DeckWindow; deckId: string } | null = null
  let printing: { window: DeckWindow; ready: () => void } | null = null

  const requireMainWindow = (callerId: number | undefined, verb: string) => {
    if (!isMainWindow(callerId)) {
      throw new UntrustedSenderError(`${verb} refused: only the main window may ask for it`)
    }
  }

  /** Resolves once the print view is ready; rejects if the window fails, closes or is silent. */
  const loadForPrint = (window: DeckWindow, url: string): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('The deck took too long to lay out for printing.')),
        readyTimeoutMs,
      )
      const settle = (outcome: () => void) => {
        clearTimeout(timer)
        outcome()
      }
      printing = { window, ready: () => settle(resolve) }
      window.once('closed', () =>
        settle(() => reject(new Error('The print window closed before the PDF was made.'))),
      )
      window
        .loadURL(url)
        .catch(() => settle(() => reject(new Error('The print view could not be loaded.'))))
    })

  return {
    async openPresenter(callerId, deckId) {
      // Checked before any window is touched: the page asks only from the main window.
      requireMainWindow(callerId, 'openPresenter')
      const url = routeUrl(pageUrl, 'presenter', deckId)
      if (isOpen(presenter?.window ?? null) && presenter !== null) {
        const { window } = presenter
        if (presenter.deckId !== deckId) {
          presenter.deckId = deckId
          // Only the address's hash changes: the page follows it; nothing to wait for.
          window.loadURL(url).catch(() => undefined)
        }
        if (window.isMinimized()) window.restore()
        window.show()
        window.focus()
        return
      }
      const window = createWindow('presenter')
      const opened = { window, deckId }
      presenter = opened
      window.once('closed', () => {
        if (presenter === opened) presenter = null
      })
      await window.loadURL(url)
    },

    async printDeckToPdf(callerId, options) {
      requireMainWindow(callerId, 'printDeckToPdf')
      const url = routeUrl(pageUrl, 'deck-print', options.deckId)
      if (printing !== null) return { status: 'failed', reason: 'A PDF is already being made.' }
      const window = createWindow('print')
      let pdf: Uint8Array
      try {
        await loadForPrint(window, url)
        pdf = await window.webContents.printToPDF(PDF_OPTIONS)
      } catch (error) {
        return { status: 'failed', reason: error instanceof Error ? error.message : String(error) }
      } finally {
        printing = null
        if (!window.isDestroyed()) window.close()
      }
      return saveFile(
        dialogs,
        files,
        {
          title: options.title,
          suggestedName: options.suggestedName,
          filters: [{ name: options.fileTypeName, extensions: ['pdf'] }],
          bytes: pdf,
        },
        defaultSaveDirectory,
      )
    },

    printViewReady(callerId) {
      if (printing === null || !isOpen(printing.window)) return false
      if (printing.window.webContents.id !== callerId) return false
      printing.ready()
      return true
    },

    closeAll() {
      for (const window of [presenter?.window ?? null, printing?.window ?? null]) {
        if (isOpen(window)) window.close()
      }
    },
  }
}
