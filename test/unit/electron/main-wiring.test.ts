/**
 * The wiring in electron/main/index.ts, run in Node against a fake `electron` module that records
 * what the main process asks of it, and in which order. The real Electron is tested end to end
 * in test/e2e/electron/ when its binary is installed.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { BRIDGE_CHANNELS, BRIDGE_EVENTS } from '../../../src/platform/desktop-bridge'

type Listener = (...args: unknown[]) => unknown

const fake = vi.hoisted(() => {
  const state = {
    log: [] as string[],
    hasLock: true,
    isReady: false,
    appListeners: new Map<string, Listener>(),
    windows: [] as Array<{
      options: unknown
      loadedUrl: string | undefined
      listeners: Map<string, Listener>
      isClosed: boolean
      webContentsId: number
      sent: string[]
    }>,
    ipcChannels: [] as string[],
    ipcHandlers: new Map<string, Listener>(),
    protocolHandler: undefined as ((request: Request) => Promise<Response>) | undefined,
    permissionRequestHandler: undefined as Listener | undefined,
    permissionCheckHandler: undefined as Listener | undefined,
    menuTemplate: undefined as unknown,
    userData: undefined as string | undefined,
  }
  return state
})

vi.mock('electron', () => {
  class BrowserWindow {
    static getAllWindows = () => fake.windows
    static getFocusedWindow = () => null
    private readonly record: (typeof fake.windows)[number]
    readonly webContents: {
      id: number
      on: (event: string, listener: Listener) => void
      send: (channel: string) => void
    }
    constructor(options: unknown) {
      const record = {
        options,
        loadedUrl: undefined,
        listeners: new Map<string, Listener>(),
        isClosed: false,
        webContentsId: fake.windows.length + 100,
        sent: [] as string[],
      }
      this.record = record
      this.webContents = {
        id: record.webContentsId,
        on: (event, listener) => record.listeners.set(`webContents ${event}`, listener),
        send: (channel) => record.sent.push(channel),
      }
      fake.windows.push(this.record)
      fake.log.push('new BrowserWindow')
    }
    once(event: string, listener: Listener) {
      this.record.listeners.set(event, listener)
    }
    on(event: string, listener: Listener) {
      this.record.listeners.set(event, listener)
    }
    isDestroyed() {
      return this.record.isClosed
    }
    isMinimized() {
      return false
    }
    restore() {}
    show() {}
    focus() {
      fake.log.push(`focus ${this.record.webContentsId}`)
    }
    close() {
      this.record.isClosed = true
      this.record.listeners.get('closed')?.()
    }
    loadURL(url: string) {
      this.record.loadedUrl = url
      fake.log.push(`loadURL ${url}`)
      return Promise.resolve()
    }
  }
  return {
    app: {
      isPackaged: true,
      getPath: (name: string) => `/home/someone/.config/${name === 'appData' ? '' : name}`,
      setPath: (name: string, path: string) => {
        fake.log.push(`setPath ${name}`)
        fake.userData = path
      },
      isReady: () => fake.isReady,
      requestSingleInstanceLock: () => {
        fake.log.push('requestSingleInstanceLock')
        return fake.hasLock
      },
      quit: () => fake.log.push('quit'),
      enableSandbox: () => fake.log.push('enableSandbox'),
      on: (event: string, listener: Listener) => {
        fake.appListeners.set(event, listener)
      },
      whenReady: () => {
        fake.isReady = true
        fake.log.push('ready')
        return Promise.resolve()
      },
      getName: () => 'Carnet',
      getVersion: () => '0.1.0',
      getLocale: () => 'fr-FR',
      getPreferredSystemLanguages: () => ['fr-FR'],
    },
    BrowserWindow,
    dialog: {},
    ipcMain: {
      handle: (channel: string, listener: Listener) => {
        fake.ipcChannels.push(channel)
        fake.ipcHandlers.set(channel, listener)
        fake.log.push(`ipc ${channel}`)
      },
    },
    Menu: {
      buildFromTemplate: (template: unknown) => {
        fake.menuTemplate = template
        return template
      },
      setApplicationMenu: () => fake.log.push('setApplicationMenu'),
    },
    nativeTheme: { shouldUseDarkColors: true },
    protocol: {
      registerSchemesAsPrivileged: (schemes: Array<{ scheme: string }>) =>
        fake.log.push(`registerSchemesAsPrivileged ${schemes.map(({ scheme }) => scheme).join()}`),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
        fake.protocolHandler = handler
        fake.log.push(`protocol.handle ${scheme}`)
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Listener) => {
          fake.permissionRequestHandler = handler
        },
        setPermissionCheckHandler: (handler: Listener) => {
          fake.permissionCheckHandler = handler
        },
      },
    },
    shell: { openExternal: () => Promise.resolve() },
  }
})

async function startMain(): Promise<void> {
  await import('../../../electron/main/index')
  // Let `whenReady().then(…)` run.
  await new Promise((resolve) => setTimeout(resolve, 0))
}

afterEach(() => {
  vi.resetModules()
  Object.assign(fake, {
    log: [],
    hasLock: true,
    isReady: false,
    appListeners: new Map(),
    windows: [],
    ipcChannels: [],
    ipcHandlers: new Map(),
    protocolHandler: undefined,
    permissionRequestHandler: undefined,
    permissionCheckHandler: undefined,
    menuTemplate: undefined,
    userData: undefined,
  })
})

describe('electron/main/index.ts', () => {
  it('does everything in the order Electron needs', async () => {
    await startMain()
    const position = (entry: string) => {
      const index = fake.log.indexOf(entry)
      expect(index, entry).toBeGreaterThanOrEqual(0)
      return index
    }
    expect(position('setPath userData')).toBeLessThan(position('requestSingleInstanceLock'))
    expect(position('enableSandbox')).toBeLessThan(position('ready'))
    expect(position('registerSchemesAsPrivileged app')).toBeLessThan(position('ready'))
    expect(position('ready')).toBeLessThan(position('protocol.handle app'))
    expect(position('protocol.handle app')).toBeLessThan(position('new BrowserWindow'))
    expect(position(`ipc ${BRIDGE_CHANNELS.saveFile}`)).toBeLessThan(position('new BrowserWindow'))
  })

  it('pins userData to the Carnet folder', async () => {
    await startMain()
    expect(fake.userData).toMatch(/[/\\]Carnet$/)
  })

  it('loads app://carnet/ in one secure window, even with a dev server variable, when packaged', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173/')
    await startMain()
    vi.unstubAllEnvs()
    expect(fake.windows.map(({ loadedUrl }) => loadedUrl)).toEqual(['app://carnet/'])
    expect(fake.windows[0]?.options).toMatchObject({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false },
    })
  })

  it('serves the renderer with the Content-Security-Policy', async () => {
    await startMain()
    const response = await fake.protocolHandler?.(new Request('app://carnet/%2e%2e%2fx.js'))
    expect(response?.status).toBe(403)
    expect(response?.headers.get('content-security-policy')).toContain("script-src 'self'")
  })

  it('registers every bridge channel once, denies permissions, sets a French menu', async () => {
    await startMain()
    expect([...fake.ipcChannels].sort()).toEqual(Object.values(BRIDGE_CHANNELS).sort())
    const callback = vi.fn()
    fake.permissionRequestHandler?.({}, 'media', callback)
    expect(callback).toHaveBeenCalledWith(false)
    expect(fake.permissionCheckHandler?.(null, 'notifications')).toBe(false)
    expect(JSON.stringify(fake.menuTemplate)).toContain('Fichier')
    expect(fake.log).toContain('setApplicationMenu')
  })

  it('guards every web contents and quits when the last window closes, except on macOS', async () => {
    await startMain()
    expect([...fake.appListeners.keys()]).toEqual(
      expect.arrayContaining(['second-instance', 'web-contents-created', 'window-all-closed']),
    )
    const on = vi.fn<(event: string, listener: Listener) => void>()
    const setWindowOpenHandler = vi.fn()
    fake.appListeners.get('web-contents-created')?.({}, { on, setWindowOpenHandler })
    expect(on.mock.calls.map(([event]) => event)).toEqual(
      expect.arrayContaining(['will-navigate', 'will-attach-webview']),
    )
    expect(setWindowOpenHandler).toHaveBeenCalledOnce()

    fake.appListeners.get('window-all-closed')?.()
    expect(fake.log.includes('quit')).toBe(process.platform !== 'darwin')
  })

  it('opens the presenter view in a second window of the same secure kind, for the main window only', async () => {
    await startMain()
    const [main] = fake.windows
    if (!main) throw new Error('no main window')
    const openPresenter = fake.ipcHandlers.get(BRIDGE_CHANNELS.openPresenter)
    const from = (id: number) => ({ senderFrame: { url: 'app://carnet/' }, sender: { id } })
    await openPresenter?.(from(main.webContentsId), 'deck-1')
    await openPresenter?.(from(main.webContentsId), 'deck-1')
    expect(fake.log).toContain(`focus ${fake.windows[1]?.webContentsId ?? 0}`)
    expect(fake.windows.map(({ loadedUrl }) => loadedUrl)).toEqual([
      'app://carnet/',
      'app://carnet/#/presenter/deck-1',
    ])
    const presenter = fake.windows[1]
    expect(presenter?.options).toEqual(main.options)
    await expect(openPresenter?.(from(presenter?.webContentsId ?? 0), 'deck-2')).rejects.toThrow(
      /only the main window/,
    )

    // The presenter view closes with the main window.
    main.listeners.get('closed')?.()
    expect(presenter?.isClosed).toBe(true)
  })

  it('holds a quit until the main window’s page has flushed its backups', async () => {
    await startMain()
    const [main] = fake.windows
    if (!main) throw new Error('no main window')
    const fromMain = { senderFrame: { url: 'app://carnet/' }, sender: { id: main.webContentsId } }
    await fake.ipcHandlers.get(BRIDGE_CHANNELS.backupsPending)?.(fromMain, true)

    const preventDefault = vi.fn()
    fake.appListeners.get('before-quit')?.({ preventDefault })
    expect(preventDefault).toHaveBeenCalledOnce()
    expect(main.sent).toEqual([BRIDGE_EVENTS.onFlushBackups])
    expect(fake.log).not.toContain('quit')

    await fake.ipcHandlers.get(BRIDGE_CHANNELS.backupsFlushed)?.(fromMain)
    expect(fake.log).toContain('quit')
    const closing = vi.fn()
    main.listeners.get('close')?.({ preventDefault: closing })
    expect(closing).not.toHaveBeenCalled()
  })

  it('quits at once, touching nothing else, when another instance holds the lock', async () => {
    fake.hasLock = false
    await startMain()
    expect(fake.log).toEqual(['setPath userData', 'requestSingleInstanceLock', 'quit'])
    expect(fake.windows).toEqual([])
  })
})
