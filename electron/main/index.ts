/**
 * The main process: wiring only. Every decision (window options, security policy, protocol,
 * paths, menu, bridge verbs) lives in a plain module next to this one and is tested in Node;
 * this file connects those modules to the real `electron` objects, in the order Electron needs.
 */
import { mkdir, readFile, readdir, open, rename, stat, unlink } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeTheme,
  protocol,
  session,
  shell,
} from 'electron'
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
} from './app-protocol'
import { BACKUPS_FOLDER_NAME, createBackupService } from './backups'
import { createDeckWindows } from './deck-windows'
import type { DeckWindows } from './deck-windows'
import { createBridgeHandlers, registerBridgeHandlers } from './ipc'
import type { FileDialogs } from './ipc'
import { BRIDGE_EVENTS } from '../../src/platform/desktop-bridge'
import { buildMenuTemplate } from './menu'
import { menuLabelsFor } from './menu-labels'
import { pinUserData, USER_DATA_OVERRIDE_VARIABLE } from './paths'
import { createQuitBackup } from './quit-backup'
import {
  CONTENT_SECURITY_POLICY,
  denyPermissionCheck,
  denyPermissionRequest,
  guardWebContents,
  isTrustedSender,
} from './security'
import type { TrustOptions } from './security'
import { createWindowOptions } from './window-options'

const mainDirectory = dirname(fileURLToPath(import.meta.url))
const rendererDirectory = join(mainDirectory, '..', 'renderer')

/**
 * The electron-vite dev server, honoured only when running unpackaged: in an installed app an
 * environment variable must never be able to point the trusted window at another page.
 */
const devServerUrl = app.isPackaged ? undefined : loopbackUrl(process.env.ELECTRON_RENDERER_URL)
const trust: TrustOptions = { devServerUrl }

// --- Before ready -----------------------------------------------------------------------------

// The profile folder first: the single-instance lock lives in it, and Chromium opens it at ready.
pinUserData(app, app.isPackaged ? undefined : process.env[USER_DATA_OVERRIDE_VARIABLE])

if (!app.requestSingleInstanceLock()) {
  // Another Carnet owns the profile; it is told through `second-instance` and comes forward.
  app.quit()
} else {
  start()
}

function start(): void {
  // Every renderer is OS-sandboxed, whatever options a window is created with.
  app.enableSandbox()
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])

  let mainWindow: BrowserWindow | null = null
  // The presenter and print windows; made once the dialogs exist (at ready).
  let deckWindows: DeckWindows | null = null
  // Quitting (or closing the main window) waits, up to a limit, for the page's last backups.
  const quitBackup = createQuitBackup({
    app,
    mainWindow: () => mainWindow,
    setTimer: (callback, ms) => setTimeout(callback, ms),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    log: (message) => console.warn(message),
  })

  /** The one window factory: every Carnet window gets the same secure options and preload. */
  const createSecureWindow = (): BrowserWindow =>
    // electronegativity-ignore: CONTEXT_ISOLATION_JS_CHECK, SANDBOX_JS_CHECK, AUXCLICK_JS_CHECK —
    // the tool cannot see options built by a function: createWindowOptions sets contextIsolation
    // and sandbox (window-options.test.ts), and a middle-click's new window is always denied by
    // createWindowOpenHandler (security.test.ts).
    new BrowserWindow(
      createWindowOptions({ mainDirectory, prefersDarkColors: nativeTheme.shouldUseDarkColors }),
    )

  const createMainWindow = (): BrowserWindow => {
    const window = createSecureWindow()
    const webContentsId = window.webContents.id
    window.once('ready-to-show', () => window.show())
    window.on('close', (event) => quitBackup.windowClose(window, event))
    window.webContents.on('render-process-gone', () => quitBackup.pageGone(webContentsId))
    window.on('closed', () => {
      quitBackup.pageGone(webContentsId)
      if (mainWindow === window) mainWindow = null
      // The presenter view and a PDF being made belong to the main window.
      deckWindows?.closeAll()
    })
    void window.loadURL(devServerUrl ?? APP_ENTRY_URL)
    mainWindow = window
    return window
  }

  app.on('second-instance', () => {
    // On macOS the app may be running with its window closed: open one.
    if (mainWindow === null) {
      if (app.isReady()) createMainWindow()
      return
    }
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.show()
    mainWindow.focus()
  })

  // Every web contents, ours or not, gets the navigation, window and webview guards.
  app.on('web-contents-created', (_event, contents) => {
    // electronegativity-ignore: OPEN_EXTERNAL_JS_CHECK — guardWebContents calls it only with a
    // URL that passed isAllowedExternalUrl, as parsed (security.test.ts, open-external.test.ts).
    guardWebContents(contents, { ...trust, openExternal: (url) => shell.openExternal(url) })
  })

  app.on('before-quit', (event) => quitBackup.beforeQuit(event))

  app.on('window-all-closed', () => {
    // On macOS an app stays active with no window until the user quits it.
    if (process.platform !== 'darwin') app.quit()
  })

  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) createMainWindow()
  })

  void app.whenReady().then(() => {
    protocol.handle(
      APP_SCHEME,
      createAppProtocolHandler({
        rootDir: rendererDirectory,
        readFile: (filePath) => readFile(filePath),
        contentSecurityPolicy: CONTENT_SECURITY_POLICY,
      }),
    )

    session.defaultSession.setPermissionRequestHandler(denyPermissionRequest)
    session.defaultSession.setPermissionCheckHandler(denyPermissionCheck)

    const dialogs: FileDialogs = {
      showOpenDialog: (options) => {
        const parent = BrowserWindow.getFocusedWindow() ?? mainWindow
        return parent === null
          ? dialog.showOpenDialog(options)
          : dialog.showOpenDialog(parent, options)
      },
      showSaveDialog: (options) => {
        const parent = BrowserWindow.getFocusedWindow() ?? mainWindow
        return parent === null
          ? dialog.showSaveDialog(options)
          : dialog.showSaveDialog(parent, options)
      },
    }
    const files = { stat, readFile, open, rename, unlink }
    const defaultSaveDirectory = documentsDirectory()
    deckWindows = createDeckWindows({
      pageUrl: devServerUrl ?? APP_ENTRY_URL,
      isMainWindow: (webContentsId) =>
        mainWindow !== null &&
        !mainWindow.isDestroyed() &&
        mainWindow.webContents.id === webContentsId,
      createWindow: (purpose) => {
        const window = createSecureWindow()
        // A print window stays hidden: it only lays the deck out for printToPDF.
        if (purpose === 'presenter') window.once('ready-to-show', () => window.show())
        return window
      },
      dialogs,
      files,
      defaultSaveDirectory,
    })
    registerBridgeHandlers(
      ipcMain,
      createBridgeHandlers({
        app,
        shell,
        dialogs,
        files,
        defaultSaveDirectory,
        deckWindows,
        quitBackup,
        backups: createBackupService(
          { stat, readFile, open, rename, unlink, mkdir, readdir },
          join(app.getPath('userData'), BACKUPS_FOLDER_NAME),
        ),
      }),
      (frameUrl) => isTrustedSender(frameUrl, trust),
    )

    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({
          labels: menuLabelsFor(app.getLocale()),
          platform: process.platform,
          appName: app.getName(),
          isDevelopment: !app.isPackaged,
          sendCommand: (command) =>
            BrowserWindow.getFocusedWindow()?.webContents.send(
              BRIDGE_EVENTS.onMenuCommand,
              command,
            ),
        }),
      ),
    )

    createMainWindow()
  })
}

/** The save dialog's starting folder; some Linux desktops have none, and that is fine. */
function documentsDirectory(): string | undefined {
  try {
    return app.getPath('documents')
  } catch {
    return undefined
  }
}

/** Accepts only an http(s) URL on this machine; anything else is ignored. */
function loopbackUrl(candidate: string | undefined): string | undefined {
  if (candidate === undefined || candidate === '') return undefined
  try {
    const url = new URL(candidate)
    const isHttp = url.protocol === 'http:' || url.protocol === 'https:'
    const isLoopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)
    return isHttp && isLoopback ? url.href : undefined
  } catch {
    return undefined
  }
}
