/**
 * The presenter and print windows (electron/main/deck-windows.ts), driven with fake windows: who
 * may ask, which address a window loads, one presenter window at a time, and a PDF printed only
 * once its page says it is ready, then saved atomically where the user chose.
 */
import { mkdtemp, open, readFile, readdir, rename, rm, stat, unlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type {
  DeckWindow,
  DeckWindowPurpose,
  DeckWindowsDependencies,
} from '../../../electron/main/deck-windows'
import { createDeckWindows, PDF_OPTIONS, routeUrl } from '../../../electron/main/deck-windows'
import type { FileDialogs } from '../../../electron/main/ipc'
import { UntrustedSenderError } from '../../../electron/main/ipc'
import { isRecordId } from '../../../src/model/ids'
import type { PrintDeckOptions } from '../../../src/platform/desktop-bridge'

const MAIN_WINDOW = 1
const PDF_BYTES = new TextEncoder().encode('%PDF-1.7 fake')

class FakeWindow implements DeckWindow {
  readonly loaded: string[] = []
  readonly calls: string[] = []
  isClosed = false
  private readonly closedListeners: Array<() => void> = []
  readonly webContents: DeckWindow['webContents']

  constructor(
    readonly purpose: DeckWindowPurpose,
    id: number,
    private readonly behaviour: { failLoad?: boolean; printed?: Uint8Array } = {},
  ) {
    this.webContents = {
      id,
      printToPDF: vi.fn((options: typeof PDF_OPTIONS) => {
        this.calls.push(`printToPDF ${JSON.stringify(options)}`)
        return Promise.resolve(this.behaviour.printed ?? PDF_BYTES)
      }),
    }
  }
  loadURL(url: string) {
    this.loaded.push(url)
    return this.behaviour.failLoad ? Promise.reject(new Error('ERR_FAILED')) : Promise.resolve()
  }
  isDestroyed() {
    return this.isClosed
  }
  isMinimized() {
    return false
  }
  restore() {}
  show() {
    this.calls.push('show')
  }
  focus() {
    this.calls.push('focus')
  }
  close() {
    if (this.isClosed) return
    this.isClosed = true
    this.calls.push('close')
    for (const listener of this.closedListeners) listener()
  }
  once(_event: 'closed', listener: () => void) {
    this.closedListeners.push(listener)
  }
}

let folder = ''
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'carnet-deck-windows-'))
})
afterEach(async () => {
  await rm(folder, { recursive: true, force: true })
})

function setup(
  options: {
    save?: string | null
    failLoad?: boolean
    readyTimeoutMs?: number
  } = {},
) {
  const windows: FakeWindow[] = []
  let nextId = 10
  const dialogs = {
    showOpenDialog: vi.fn<FileDialogs['showOpenDialog']>(() =>
      Promise.resolve({ canceled: true, filePaths: [] }),
    ),
    showSaveDialog: vi.fn<FileDialogs['showSaveDialog']>(() =>
      Promise.resolve(
        options.save === undefined || options.save === null
          ? { canceled: true, filePath: '' }
          : { canceled: false, filePath: options.save },
      ),
    ),
  }
  const dependencies: DeckWindowsDependencies = {
    pageUrl: 'app://carnet/',
    isMainWindow: (id) => id === MAIN_WINDOW,
    createWindow: (purpose) => {
      const window = new FakeWindow(purpose, (nextId += 1), { failLoad: options.failLoad })
      windows.push(window)
      return window
    },
    dialogs,
    files: { stat, readFile, open, rename, unlink },
    defaultSaveDirectory: folder,
    readyTimeoutMs: options.readyTimeoutMs ?? 5_000,
  }
  return { deckWindows: createDeckWindows(dependencies), windows, dialogs }
}

const printOptions: PrintDeckOptions = {
  deckId: 'deck-1',
  title: 'Export PDF',
  suggestedName: 'Workshop.pdf',
  fileTypeName: 'PDF document',
}

/** Waits until the fake print window exists and has started loading. */
async function printWindowOf(windows: FakeWindow[]): Promise<FakeWindow> {
  await vi.waitFor(() => {
    if (!windows.some((window) => window.purpose === 'print' && window.loaded.length > 0)) {
      throw new Error('no print window yet')
    }
  })
  const found = windows.find((window) => window.purpose === 'print')
  if (!found) throw new Error('no print window')
  return found
}

describe('record ids and routes', () => {
  it('accepts ids of 1–64 characters without slashes, and builds the page address', () => {
    expect(isRecordId('0b0a1c5e-6d0f-4d62-9f33-6f5b1f7b7a10')).toBe(true)
    expect(isRecordId('a')).toBe(true)
    expect(isRecordId('x'.repeat(64))).toBe(true)
    for (const bad of ['', 'x'.repeat(65), 'a/b', 'a\\b', '../x', 'a#b', 'a?b', 'a b', 'a\nb', 7]) {
      expect(isRecordId(bad), String(bad)).toBe(false)
    }
    expect(routeUrl('app://carnet/', 'presenter', 'deck-1')).toBe('app://carnet/#/presenter/deck-1')
    expect(routeUrl('http://localhost:5173/', 'deck-print', 'é')).toBe(
      'http://localhost:5173/#/deck-print/%C3%A9',
    )
    expect(() => routeUrl('app://carnet/', 'presenter', 'a/b')).toThrow()
  })
})

describe('openPresenter', () => {
  it('opens one presenter window at app://carnet/#/presenter/<id>, for the main window only', async () => {
    const { deckWindows, windows } = setup()
    await expect(deckWindows.openPresenter(2, 'deck-1')).rejects.toBeInstanceOf(
      UntrustedSenderError,
    )
    await expect(deckWindows.openPresenter(undefined, 'deck-1')).rejects.toBeInstanceOf(
      UntrustedSenderError,
    )
    expect(windows).toEqual([])

    await deckWindows.openPresenter(MAIN_WINDOW, 'deck-1')
    expect(windows.map((window) => [window.purpose, window.loaded])).toEqual([
      ['presenter', ['app://carnet/#/presenter/deck-1']],
    ])
  })

  it('reuses and focuses the open window, loading another deck only when asked for one', async () => {
    const { deckWindows, windows } = setup()
    await deckWindows.openPresenter(MAIN_WINDOW, 'deck-1')
    await deckWindows.openPresenter(MAIN_WINDOW, 'deck-1')
    await deckWindows.openPresenter(MAIN_WINDOW, 'deck-2')
    expect(windows).toHaveLength(1)
    expect(windows[0]?.loaded).toEqual([
      'app://carnet/#/presenter/deck-1',
      'app://carnet/#/presenter/deck-2',
    ])
    expect(windows[0]?.calls.filter((call) => call === 'focus')).toHaveLength(2)
  })

  it('opens a new window once the old one is closed, and closes it with the main window', async () => {
    const { deckWindows, windows } = setup()
    await deckWindows.openPresenter(MAIN_WINDOW, 'deck-1')
    windows[0]?.close()
    await deckWindows.openPresenter(MAIN_WINDOW, 'deck-1')
    expect(windows).toHaveLength(2)
    deckWindows.closeAll()
    expect(windows[1]?.isClosed).toBe(true)
  })
})

describe('printDeckToPdf', () => {
  it('prints the print view only once it is ready, then saves the PDF atomically', async () => {
    const target = join(folder, 'Workshop.pdf')
    const { deckWindows, windows, dialogs } = setup({ save: target })
    const result = deckWindows.printDeckToPdf(MAIN_WINDOW, printOptions)

    const printWindow = await printWindowOf(windows)
    expect(printWindow.loaded).toEqual(['app://carnet/#/deck-print/deck-1'])
    // Not shown, and not printed before the page says it is ready.
    expect(printWindow.calls).toEqual([])
    expect(deckWindows.printViewReady(MAIN_WINDOW)).toBe(false)
    expect(deckWindows.printViewReady(999)).toBe(false)
    expect(printWindow.webContents.printToPDF).not.toHaveBeenCalled()

    expect(deckWindows.printViewReady(printWindow.webContents.id)).toBe(true)
    await expect(result).resolves.toEqual({ status: 'saved', name: 'Workshop.pdf' })
    expect(printWindow.calls).toEqual([`printToPDF ${JSON.stringify(PDF_OPTIONS)}`, 'close'])
    expect(PDF_OPTIONS).toMatchObject({ landscape: true, printBackground: true })
    expect(dialogs.showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({
        title: 'Export PDF',
        defaultPath: target,
        filters: [{ name: 'PDF document', extensions: ['pdf'] }],
      }),
    )
    expect(new Uint8Array(await readFile(target))).toEqual(PDF_BYTES)
    expect(await readdir(folder)).toEqual(['Workshop.pdf'])
  })

  it('refuses any window but the main one, before making a window', async () => {
    const { deckWindows, windows } = setup()
    await expect(deckWindows.printDeckToPdf(7, printOptions)).rejects.toBeInstanceOf(
      UntrustedSenderError,
    )
    expect(windows).toEqual([])
  })

  it('reports cancelled when the user cancels the save dialog, and writes nothing', async () => {
    const { deckWindows, windows } = setup({ save: null })
    const result = deckWindows.printDeckToPdf(MAIN_WINDOW, printOptions)
    const printWindow = await printWindowOf(windows)
    deckWindows.printViewReady(printWindow.webContents.id)
    await expect(result).resolves.toEqual({ status: 'cancelled' })
    expect(printWindow.isClosed).toBe(true)
    expect(await readdir(folder)).toEqual([])
  })

  it('fails clearly when the page never says it is ready, and closes the hidden window', async () => {
    const { deckWindows, windows, dialogs } = setup({ readyTimeoutMs: 20 })
    const result = await deckWindows.printDeckToPdf(MAIN_WINDOW, printOptions)
    expect(result).toEqual({
      status: 'failed',
      reason: 'The deck took too long to lay out for printing.',
    })
    expect(windows[0]?.isClosed).toBe(true)
    expect(dialogs.showSaveDialog).not.toHaveBeenCalled()
  })

  it('fails when the page cannot load or the window closes, and then accepts a new job', async () => {
    const failing = setup({ failLoad: true })
    await expect(failing.deckWindows.printDeckToPdf(MAIN_WINDOW, printOptions)).resolves.toEqual({
      status: 'failed',
      reason: 'The print view could not be loaded.',
    })

    const { deckWindows, windows } = setup({ save: join(folder, 'b.pdf') })
    const first = deckWindows.printDeckToPdf(MAIN_WINDOW, printOptions)
    // One PDF at a time.
    await expect(deckWindows.printDeckToPdf(MAIN_WINDOW, printOptions)).resolves.toEqual({
      status: 'failed',
      reason: 'A PDF is already being made.',
    })
    const printWindow = await printWindowOf(windows)
    deckWindows.closeAll()
    await expect(first).resolves.toEqual({
      status: 'failed',
      reason: 'The print window closed before the PDF was made.',
    })
    expect(printWindow.webContents.printToPDF).not.toHaveBeenCalled()

    const second = deckWindows.printDeckToPdf(MAIN_WINDOW, printOptions)
    await vi.waitFor(() => expect(windows).toHaveLength(2))
    const next = windows[1]
    if (!next) throw new Error('no second print window')
    deckWindows.printViewReady(next.webContents.id)
    await expect(second).resolves.toEqual({ status: 'saved', name: 'b.pdf' })
  })
})
