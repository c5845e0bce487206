/**
 * The backup at quit: before Carnet quits (or its main window closes, which on macOS leaves the
 * app running), the page is asked to back up every notebook changed since its last backup, and
 * the quit waits for its answer.
 *
 * The page owns IndexedDB, so only it can take the snapshots (renderer/app/backup-scheduler.ts);
 * on `pagehide` alone it may be torn down before its write reaches the main process. So:
 *
 * 1. the page says whether it has something to back up (`backupsPending`); a page that said
 *    nothing, or said nothing is pending, is not waited for;
 * 2. on `before-quit` or the main window's `close`, if it has, the event is cancelled and the
 *    page is sent `onFlushBackups`;
 * 3. when the page answers (`backupsFlushed`), or after a time limit, or if the page goes away,
 *    the quit (or the close) is done again, for real, and this time let through.
 *
 * Once per page: a second quit or close request during the flush waits for the same answer (a
 * quit during a close's flush turns it into a quit), and after the flush nothing is held again.
 * A new main window (macOS, after its window was closed) is a new page and starts afresh.
 *
 * Plain logic over injected app, window and timers, so tests drive it with fakes (index.ts
 * passes the real ones).
 */
import { BRIDGE_EVENTS } from '../../src/platform/desktop-bridge'

/** How long a quit waits for the page's backups; a hung page never blocks quitting. */
export const QUIT_BACKUP_TIMEOUT_MS = 10_000

/** The part of a `BrowserWindow` used here; the real one fits. */
export interface QuitBackupWindow {
  readonly webContents: { readonly id: number; send(channel: string): void }
  isDestroyed(): boolean
  close(): void
}

/** The part of Electron's `before-quit` and `close` events used here. */
export interface PreventableEvent {
  preventDefault(): void
}

export interface QuitBackupDependencies {
  app: { quit(): void }
  /** The main window (the one whose page runs the backups), or null when it is closed. */
  mainWindow: () => QuitBackupWindow | null
  setTimer: (callback: () => void, ms: number) => unknown
  clearTimer: (handle: unknown) => void
  /** Says why a quit went ahead without the page's answer. */
  log: (message: string) => void
  timeoutMs?: number
}

export interface QuitBackup {
  /** `app.on('before-quit')`. */
  beforeQuit(event: PreventableEvent): void
  /** The main window's `close` event. */
  windowClose(window: QuitBackupWindow, event: PreventableEvent): void
  /** The `backupsPending` verb: whether the caller's page has changes not yet backed up. */
  pagePending(webContentsId: number | undefined, isPending: boolean): void
  /** The `backupsFlushed` verb: the caller's page has backed up what it had. */
  pageFlushed(webContentsId: number | undefined): void
  /** The page is gone (its window closed, its renderer crashed): nothing left to wait for. */
  pageGone(webContentsId: number | undefined): void
}

/** What happens once the flush is over: quit the app, or close the main window only. */
type Next = 'quit' | 'close'

interface PageState {
  webContentsId: number
  isPending: boolean
  phase: 'idle' | 'flushing' | 'flushed'
  next: Next
  timer?: unknown
}

export function createQuitBackup(dependencies: QuitBackupDependencies): QuitBackup {
  const { app, mainWindow, setTimer, clearTimer, log } = dependencies
  const timeoutMs = dependencies.timeoutMs ?? QUIT_BACKUP_TIMEOUT_MS
  let page: PageState | undefined

  const openMainWindow = (): QuitBackupWindow | null => {
    const window = mainWindow()
    return window !== null && !window.isDestroyed() ? window : null
  }

  /** The state of this window's page; a page not seen before has said nothing yet. */
  const pageOf = (window: QuitBackupWindow): PageState => {
    const webContentsId = window.webContents.id
    if (page?.webContentsId !== webContentsId) {
      page = { webContentsId, isPending: false, phase: 'idle', next: 'close' }
    }
    return page
  }

  const finish = (state: PageState, why: 'answered' | 'timeout' | 'gone' | 'unreachable') => {
    if (state.phase !== 'flushing') return
    state.phase = 'flushed'
    clearTimer(state.timer)
    if (why === 'timeout') {
      log(
        `Backup at quit: the page did not answer within ${timeoutMs} ms; ` +
          `going ahead without waiting (changes since the last backup may be missing from it).`,
      )
    } else if (why !== 'answered') {
      log(`Backup at quit: the page is ${why}; going ahead without its backups.`)
    }
    if (state.next === 'quit') {
      app.quit()
      return
    }
    const window = openMainWindow()
    if (window !== null && window.webContents.id === state.webContentsId) window.close()
  }

  /** Holds the quit or the close while the page backs up; lets it through when nothing is due. */
  const hold = (window: QuitBackupWindow | null, event: PreventableEvent, next: Next): void => {
    if (window === null || window.isDestroyed()) return
    const state = pageOf(window)
    if (state.phase === 'flushed') return
    if (state.phase === 'flushing') {
      // Already asked: wait for the same answer. Quitting also closes the window, so it wins.
      event.preventDefault()
      if (next === 'quit') state.next = 'quit'
      return
    }
    if (!state.isPending) return
    event.preventDefault()
    state.phase = 'flushing'
    state.next = next
    state.timer = setTimer(() => finish(state, 'timeout'), timeoutMs)
    try {
      window.webContents.send(BRIDGE_EVENTS.onFlushBackups)
    } catch {
      finish(state, 'unreachable')
    }
  }

  /** The caller's page state, when the caller is the main window's page. */
  const callerPage = (webContentsId: number | undefined): PageState | undefined => {
    const window = openMainWindow()
    if (window === null || webContentsId === undefined) return undefined
    return window.webContents.id === webContentsId ? pageOf(window) : undefined
  }

  return {
    beforeQuit: (event) => hold(openMainWindow(), event, 'quit'),
    windowClose: (window, event) => hold(window, event, 'close'),
    pagePending: (webContentsId, isPending) => {
      const state = callerPage(webContentsId)
      if (state) state.isPending = isPending
    },
    pageFlushed: (webContentsId) => {
      const state = callerPage(webContentsId)
      if (state) finish(state, 'answered')
    },
    pageGone: (webContentsId) => {
      if (page !== undefined && page.webContentsId === webContentsId) finish(page, 'gone')
    },
  }
}
