import {
  mkdtemp,
  mkdir,
  open,
  readFile,
  readdir,
  rename,
  rm,
  stat,
  unlink,
  writeFile,
} from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type {
  BridgeDependencies,
  BridgeFileSystem,
  FileDialogs,
  InvokeEventLike,
  IpcMainLike,
} from '../../../electron/main/ipc'
import type { DeckWindows } from '../../../electron/main/deck-windows'
import type { QuitBackup } from '../../../electron/main/quit-backup'
import {
  BridgeArgumentError,
  chooseFile,
  createBridgeHandlers,
  FileRefusedError,
  MAX_CHOSEN_FILE_BYTES,
  registerBridgeHandlers,
  UntrustedSenderError,
  writeFileAtomically,
} from '../../../electron/main/ipc'
import { isTrustedSender } from '../../../electron/main/security'
import { BRIDGE_CHANNELS, BRIDGE_VERBS } from '../../../src/platform/desktop-bridge'

const realFiles: BridgeFileSystem = { stat, readFile, open, rename, unlink }

let folder = ''
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'carnet-ipc-'))
})
afterEach(async () => {
  await rm(folder, { recursive: true, force: true })
})

function fakeDialogs(answers: { open?: string | null; save?: string | null } = {}) {
  return {
    showOpenDialog: vi.fn<FileDialogs['showOpenDialog']>(() =>
      Promise.resolve(
        answers.open === undefined || answers.open === null
          ? { canceled: true, filePaths: [] }
          : { canceled: false, filePaths: [answers.open] },
      ),
    ),
    showSaveDialog: vi.fn<FileDialogs['showSaveDialog']>(() =>
      Promise.resolve(
        answers.save === undefined || answers.save === null
          ? { canceled: true, filePath: '' }
          : { canceled: false, filePath: answers.save },
      ),
    ),
  }
}

function dependencies(overrides: Partial<BridgeDependencies> = {}): BridgeDependencies {
  return {
    app: {
      getName: () => 'Carnet',
      getVersion: () => '0.1.0',
      getPreferredSystemLanguages: () => ['fr-FR', 'en-US'],
    },
    shell: { openExternal: vi.fn(() => Promise.resolve()) },
    dialogs: fakeDialogs(),
    files: realFiles,
    ...overrides,
  }
}

type Listener = Parameters<IpcMainLike['handle']>[1]

/** Registers the handlers on a fake ipcMain and returns a way to invoke them from a frame. */
function wire(overrides: Partial<BridgeDependencies> = {}) {
  const listeners = new Map<string, Listener>()
  const ipcMain: IpcMainLike = {
    handle(channel, listener) {
      if (listeners.has(channel)) throw new Error(`second handler for ${channel}`)
      listeners.set(channel, listener)
    },
  }
  const deps = dependencies(overrides)
  registerBridgeHandlers(ipcMain, createBridgeHandlers(deps), (url) => isTrustedSender(url))
  const invokeFrom = (frameUrl: string | null, senderId?: number) => {
    const event: InvokeEventLike = {
      senderFrame: frameUrl === null ? null : { url: frameUrl },
      sender: senderId === undefined ? undefined : { id: senderId },
    }
    return async (channel: string, ...args: unknown[]): Promise<unknown> => {
      const listener = listeners.get(channel)
      if (listener === undefined) throw new Error(`no handler for ${channel}`)
      return listener(event, ...args)
    }
  }
  return { listeners, deps, invoke: invokeFrom('app://carnet/'), invokeFrom }
}

describe('registerBridgeHandlers', () => {
  it('knows exactly these verbs', () => {
    expect([...BRIDGE_VERBS].sort()).toEqual(
      [
        'appInfo',
        'backupsFlushed',
        'backupsPending',
        'chooseFile',
        'listBackups',
        'openExternal',
        'openPresenter',
        'printDeckToPdf',
        'printViewReady',
        'readBackup',
        'saveFile',
        'writeBackup',
      ].sort(),
    )
  })

  it('registers exactly one handler per verb, on its channel', () => {
    const { listeners } = wire()
    expect([...listeners.keys()].sort()).toEqual(
      BRIDGE_VERBS.map((verb) => BRIDGE_CHANNELS[verb]).sort(),
    )
  })

  it('rejects every verb from an untrusted sender before doing anything', async () => {
    const shell = { openExternal: vi.fn(() => Promise.resolve()) }
    const dialogs = fakeDialogs({ open: join(folder, 'x'), save: join(folder, 'y') })
    const { invokeFrom } = wire({ shell, dialogs })
    for (const frameUrl of [
      null,
      'https://evil.example/',
      'file:///tmp/page.html',
      'app://evil/',
      'http://localhost:5173/',
      'about:blank',
    ]) {
      const invoke = invokeFrom(frameUrl)
      // Every verb, including any added later: the sender is checked before the arguments.
      for (const verb of BRIDGE_VERBS) {
        await expect(invoke(BRIDGE_CHANNELS[verb]), verb).rejects.toBeInstanceOf(
          UntrustedSenderError,
        )
      }
      await expect(invoke(BRIDGE_CHANNELS.appInfo)).rejects.toBeInstanceOf(UntrustedSenderError)
      await expect(invoke(BRIDGE_CHANNELS.openExternal, 'https://example.com/')).rejects.toThrow(
        /not Carnet's page/,
      )
      await expect(
        invoke(BRIDGE_CHANNELS.chooseFile, { title: 'Open', filters: [] }),
      ).rejects.toBeInstanceOf(UntrustedSenderError)
      await expect(
        invoke(BRIDGE_CHANNELS.saveFile, {
          title: 'Save',
          suggestedName: 'a.csv',
          filters: [],
          bytes: new Uint8Array([1]),
        }),
      ).rejects.toBeInstanceOf(UntrustedSenderError)
    }
    expect(shell.openExternal).not.toHaveBeenCalled()
    expect(dialogs.showOpenDialog).not.toHaveBeenCalled()
    expect(dialogs.showSaveDialog).not.toHaveBeenCalled()
  })
})

describe('appInfo', () => {
  it('tells the page it runs on the desktop, with the system languages', async () => {
    const { invoke } = wire()
    expect(await invoke(BRIDGE_CHANNELS.appInfo)).toEqual({
      name: 'Carnet',
      version: '0.1.0',
      runtime: 'desktop',
      locales: ['fr-FR', 'en-US'],
    })
  })

  it('takes no arguments', async () => {
    const { invoke } = wire()
    await expect(invoke(BRIDGE_CHANNELS.appInfo, 'extra')).rejects.toBeInstanceOf(
      BridgeArgumentError,
    )
  })
})

describe('openExternal', () => {
  it('opens allowed links with the system, as parsed', async () => {
    const shell = { openExternal: vi.fn(() => Promise.resolve()) }
    const { invoke } = wire({ shell })
    expect(await invoke(BRIDGE_CHANNELS.openExternal, 'https://example.com/a')).toBe(true)
    expect(await invoke(BRIDGE_CHANNELS.openExternal, 'mailto:someone@example.com')).toBe(true)
    expect(shell.openExternal.mock.calls).toEqual([
      ['https://example.com/a'],
      ['mailto:someone@example.com'],
    ])
  })

  it('answers false for links off the allowlist, without calling the system', async () => {
    const shell = { openExternal: vi.fn(() => Promise.resolve()) }
    const { invoke } = wire({ shell })
    for (const url of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,x',
      'file:///etc/passwd',
      'vbscript:x',
      'https://user@evil.example/',
      'app://carnet/',
      '',
    ]) {
      expect(await invoke(BRIDGE_CHANNELS.openExternal, url), url).toBe(false)
    }
    expect(shell.openExternal).not.toHaveBeenCalled()
  })

  it('answers false when the system cannot open the link', async () => {
    const shell = { openExternal: vi.fn(() => Promise.reject(new Error('no browser'))) }
    const { invoke } = wire({ shell })
    expect(await invoke(BRIDGE_CHANNELS.openExternal, 'https://example.com/')).toBe(false)
  })

  it('rejects wrong types and wrong arity', async () => {
    const { invoke } = wire()
    for (const args of [
      [42],
      [null],
      [{ href: 'https://example.com' }],
      [],
      ['https://a.example', 1],
    ]) {
      await expect(invoke(BRIDGE_CHANNELS.openExternal, ...args)).rejects.toBeInstanceOf(
        BridgeArgumentError,
      )
    }
  })
})

describe('chooseFile', () => {
  it('returns the chosen file name and bytes', async () => {
    const filePath = join(folder, 'clients.csv')
    await writeFile(filePath, 'name\nAda\n')
    const dialogs = fakeDialogs({ open: filePath })
    const { invoke } = wire({ dialogs })
    const chosen = await invoke(BRIDGE_CHANNELS.chooseFile, {
      title: 'Import',
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    })
    expect(chosen).toEqual({ name: 'clients.csv', bytes: new TextEncoder().encode('name\nAda\n') })
    expect(dialogs.showOpenDialog).toHaveBeenCalledWith({
      title: 'Import',
      filters: [{ name: 'CSV', extensions: ['csv'] }],
      properties: ['openFile'],
    })
  })

  it('returns bytes that own their buffer, never a slice of shared memory', async () => {
    const shared = new Uint8Array([9, 9, 1, 2, 3, 9, 9])
    const files: BridgeFileSystem = {
      ...realFiles,
      stat: () => Promise.resolve({ size: 3, isFile: () => true }),
      readFile: () => Promise.resolve(shared.subarray(2, 5)),
    }
    const chosen = await chooseFile(fakeDialogs({ open: join(folder, 'a.csv') }), files, {
      title: 'Open',
      filters: [],
    })
    expect(chosen?.bytes).toEqual(new Uint8Array([1, 2, 3]))
    expect(chosen?.bytes.buffer.byteLength).toBe(3)
  })

  it('returns null when the user cancels', async () => {
    const { invoke } = wire({ dialogs: fakeDialogs({ open: null }) })
    expect(await invoke(BRIDGE_CHANNELS.chooseFile, { title: 'Import', filters: [] })).toBeNull()
  })

  it('refuses a file over the size limit, clearly, without reading it', async () => {
    const files: BridgeFileSystem = {
      ...realFiles,
      stat: () => Promise.resolve({ size: MAX_CHOSEN_FILE_BYTES + 1, isFile: () => true }),
      readFile: vi.fn(() => Promise.resolve(new Uint8Array())),
    }
    const { invoke } = wire({ files, dialogs: fakeDialogs({ open: join(folder, 'huge.carnet') }) })
    const choosing = invoke(BRIDGE_CHANNELS.chooseFile, { title: 'Open', filters: [] })
    await expect(choosing).rejects.toBeInstanceOf(FileRefusedError)
    await expect(choosing).rejects.toThrow(
      '"huge.carnet" is 201 MB; Carnet opens files up to 200 MB.',
    )
    expect(files.readFile).not.toHaveBeenCalled()
  })

  it('refuses a file that grew past the limit between stat and read', async () => {
    const filePath = join(folder, 'growing.csv')
    await writeFile(filePath, '12345')
    await expect(
      chooseFile(fakeDialogs({ open: filePath }), realFiles, { title: '', filters: [] }, 4),
    ).rejects.toThrow(/Carnet opens files up to/)
  })

  it('refuses a folder', async () => {
    const inner = join(folder, 'inner')
    await mkdir(inner)
    const { invoke } = wire({ dialogs: fakeDialogs({ open: inner }) })
    await expect(
      invoke(BRIDGE_CHANNELS.chooseFile, { title: 'Open', filters: [] }),
    ).rejects.toThrow(/not a regular file/)
  })

  it('rejects bad options before showing any dialog', async () => {
    const dialogs = fakeDialogs({ open: join(folder, 'x') })
    const { invoke } = wire({ dialogs })
    for (const options of [
      null,
      'Open',
      [],
      { title: 1, filters: [] },
      { title: 'Open' },
      { title: 'Open', filters: 'csv' },
      { title: 'Open', filters: [null] },
      { title: 'Open', filters: [{ name: 'CSV', extensions: ['.csv'] }] },
      { title: 'Open', filters: [{ name: 'CSV', extensions: ['../../x'] }] },
      { title: 'Open', filters: [{ name: 'CSV', extensions: 'csv' }] },
      { title: 'Open', filters: [{ name: 7, extensions: ['csv'] }] },
      { title: 'x'.repeat(10_000), filters: [] },
    ]) {
      await expect(invoke(BRIDGE_CHANNELS.chooseFile, options)).rejects.toBeInstanceOf(
        BridgeArgumentError,
      )
    }
    expect(dialogs.showOpenDialog).not.toHaveBeenCalled()
  })
})

describe('saveFile', () => {
  const options = (overrides: Record<string, unknown> = {}) => ({
    title: 'Export',
    suggestedName: 'clients.csv',
    filters: [{ name: 'CSV', extensions: ['csv'] }],
    bytes: new TextEncoder().encode('name\nAda\n'),
    ...overrides,
  })

  it('writes the bytes where the user chose and reports the name', async () => {
    const target = join(folder, 'export.csv')
    const dialogs = fakeDialogs({ save: target })
    const { invoke } = wire({ dialogs, defaultSaveDirectory: folder })
    expect(await invoke(BRIDGE_CHANNELS.saveFile, options())).toEqual({
      status: 'saved',
      name: 'export.csv',
    })
    expect(await readFile(target, 'utf8')).toBe('name\nAda\n')
    expect(await readdir(folder)).toEqual(['export.csv'])
    expect(dialogs.showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({ defaultPath: join(folder, 'clients.csv') }),
    )
  })

  it('reports cancelled when the user cancels, and writes nothing', async () => {
    const { invoke } = wire({ dialogs: fakeDialogs({ save: null }) })
    expect(await invoke(BRIDGE_CHANNELS.saveFile, options())).toEqual({ status: 'cancelled' })
    expect(await readdir(folder)).toEqual([])
  })

  it('writes atomically: a temporary file in the same folder, flushed, then renamed', async () => {
    const target = join(folder, 'notebook.carnet')
    await writeFile(target, 'old content')
    const steps: string[] = []
    const files: BridgeFileSystem = {
      ...realFiles,
      open: async (path, flags) => {
        const handle = await open(path, flags)
        steps.push(`open ${path === folder ? 'folder' : 'temporary'} ${flags}`)
        return {
          writeFile: async (data) => {
            // Until the rename, the target still holds its old content.
            expect(await readFile(target, 'utf8')).toBe('old content')
            steps.push('write')
            await handle.writeFile(data)
          },
          sync: async () => {
            steps.push('sync')
            await handle.sync()
          },
          close: async () => {
            steps.push('close')
            await handle.close()
          },
        }
      },
      rename: async (from, to) => {
        expect(from.startsWith(join(folder, '.notebook.carnet.'))).toBe(true)
        expect(to).toBe(target)
        steps.push('rename')
        await rename(from, to)
      },
    }
    const result = await writeFileAtomically(files, target, new TextEncoder().encode('new content'))
    expect(result).toEqual({ status: 'written' })
    expect(steps.slice(0, 5)).toEqual(['open temporary wx', 'write', 'sync', 'close', 'rename'])
    expect(await readFile(target, 'utf8')).toBe('new content')
    expect(await readdir(folder)).toEqual(['notebook.carnet'])
  })

  it('reports a full disk as failed with a reason, and leaves the old file and no debris', async () => {
    const target = join(folder, 'notebook.carnet')
    await writeFile(target, 'old content')
    const diskFull = Object.assign(new Error('ENOSPC: no space left on device, write'), {
      code: 'ENOSPC',
    })
    const files: BridgeFileSystem = {
      ...realFiles,
      open: async (path, flags) => {
        const handle = await open(path, flags)
        return {
          writeFile: async (data) => {
            await handle.writeFile(data.subarray(0, 3))
            throw diskFull
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        }
      },
    }
    const { invoke } = wire({ files, dialogs: fakeDialogs({ save: target }) })
    const result = await invoke(BRIDGE_CHANNELS.saveFile, options())
    expect(result).toEqual({ status: 'failed', reason: 'The disk is full. (ENOSPC)' })
    expect(await readFile(target, 'utf8')).toBe('old content')
    expect(await readdir(folder)).toEqual(['notebook.carnet'])
  })

  it('reports a failed rename and a missing folder with their reasons', async () => {
    const renameDenied: BridgeFileSystem = {
      ...realFiles,
      rename: () => Promise.reject(Object.assign(new Error('denied'), { code: 'EACCES' })),
    }
    const target = join(folder, 'a.csv')
    const renamed = await writeFileAtomically(renameDenied, target, new Uint8Array([1]))
    expect(renamed).toMatchObject({
      status: 'failed',
      code: 'EACCES',
    })
    expect(renamed.status === 'failed' ? renamed.reason : '').toMatch(/Permission denied/)
    expect(await readdir(folder)).toEqual([])

    const gone = await writeFileAtomically(
      realFiles,
      join(folder, 'gone', 'a.csv'),
      new Uint8Array([1]),
    )
    expect(gone).toMatchObject({ status: 'failed', code: 'ENOENT' })

    const unknown: BridgeFileSystem = {
      ...realFiles,
      open: () => Promise.reject(new Error('strange')),
    }
    expect(await writeFileAtomically(unknown, target, new Uint8Array([1]))).toMatchObject({
      status: 'failed',
      reason: 'The file could not be written (strange).',
    })
  })

  it('rejects bad options before showing any dialog', async () => {
    const dialogs = fakeDialogs({ save: join(folder, 'x.csv') })
    const { invoke } = wire({ dialogs })
    for (const bad of [
      null,
      options({ bytes: [1, 2, 3] }),
      options({ bytes: 'text' }),
      options({ bytes: new ArrayBuffer(3) }),
      options({ suggestedName: '../../.bashrc' }),
      options({ suggestedName: '/etc/passwd' }),
      options({ suggestedName: 'C:\\Windows\\x.csv' }),
      options({ suggestedName: '' }),
      options({ suggestedName: '..' }),
      options({ suggestedName: 42 }),
      options({ title: null }),
      options({ filters: [{ name: 'All', extensions: ['*', 'c v'] }] }),
    ]) {
      await expect(invoke(BRIDGE_CHANNELS.saveFile, bad)).rejects.toBeInstanceOf(
        BridgeArgumentError,
      )
    }
    await expect(invoke(BRIDGE_CHANNELS.saveFile)).rejects.toBeInstanceOf(BridgeArgumentError)
    expect(dialogs.showSaveDialog).not.toHaveBeenCalled()
  })
})

describe('backup verbs', () => {
  const notebook = new TextEncoder().encode(
    JSON.stringify({ format: 'carnet-notebook', tables: {} }),
  )

  async function backupsWire() {
    const { createBackupService } = await import('../../../electron/main/backups')
    const backups = createBackupService(
      { ...realFiles, mkdir, readdir },
      join(folder, 'Backups'),
      () => Date.UTC(2026, 10, 22, 12),
    )
    return wire({ backups })
  }

  it('tells the page where the backups folder is', async () => {
    const { invoke } = await backupsWire()
    expect(await invoke(BRIDGE_CHANNELS.appInfo)).toMatchObject({
      backupsFolder: join(folder, 'Backups'),
    })
  })

  it('writes, lists and reads a backup', async () => {
    const { invoke } = await backupsWire()
    const written = (await invoke(BRIDGE_CHANNELS.writeBackup, {
      notebookId: 'nb-1',
      name: 'Shop',
      bytes: notebook,
    })) as { status: string; backup: { file: string } }
    expect(written.status).toBe('written')
    expect(await invoke(BRIDGE_CHANNELS.listBackups)).toMatchObject([
      { notebookId: 'nb-1', name: 'Shop', size: notebook.byteLength },
    ])
    expect(await invoke(BRIDGE_CHANNELS.readBackup, written.backup.file)).toEqual(notebook)
  })

  it('checks the shape of every argument', async () => {
    const { invoke } = await backupsWire()
    for (const request of [
      undefined,
      'text',
      { notebookId: '../x', name: 'Shop', bytes: notebook },
      { notebookId: 'nb-1', name: 42, bytes: notebook },
      { notebookId: 'nb-1', name: 'Shop', bytes: [1, 2] },
      { notebookId: 'nb-1', name: 'x'.repeat(501), bytes: notebook },
    ]) {
      await expect(invoke(BRIDGE_CHANNELS.writeBackup, request)).rejects.toBeInstanceOf(
        BridgeArgumentError,
      )
    }
    for (const file of [
      undefined,
      '../secret',
      '/etc/passwd',
      'notes.txt',
      '2026-11-22T15-21-08-123Z_nb_x/../../y.carnet',
    ]) {
      await expect(invoke(BRIDGE_CHANNELS.readBackup, file)).rejects.toBeInstanceOf(
        BridgeArgumentError,
      )
    }
    await expect(invoke(BRIDGE_CHANNELS.listBackups, 'extra')).rejects.toBeInstanceOf(
      BridgeArgumentError,
    )
  })

  it('reject clearly when no backups folder was given', async () => {
    const { invoke } = wire()
    await expect(invoke(BRIDGE_CHANNELS.listBackups)).rejects.toThrow(/not available/)
  })
})

describe('presenter and print window verbs', () => {
  function windowsWire() {
    const deckWindows = {
      openPresenter: vi.fn<DeckWindows['openPresenter']>(() => Promise.resolve()),
      printDeckToPdf: vi.fn<DeckWindows['printDeckToPdf']>(() =>
        Promise.resolve({ status: 'cancelled' as const }),
      ),
      printViewReady: vi.fn<DeckWindows['printViewReady']>(() => true),
      closeAll: vi.fn(),
    }
    const wired = wire({ deckWindows })
    return { ...wired, deckWindows, invoke: wired.invokeFrom('app://carnet/#/present/deck-1', 4) }
  }
  const options = {
    deckId: 'deck-1',
    title: 'Export PDF',
    suggestedName: 'Workshop.pdf',
    fileTypeName: 'PDF document',
  }

  it('pass the verified arguments and the calling window on', async () => {
    const { invoke, deckWindows } = windowsWire()
    await invoke(BRIDGE_CHANNELS.openPresenter, 'deck-1')
    expect(deckWindows.openPresenter).toHaveBeenCalledWith(4, 'deck-1')
    expect(await invoke(BRIDGE_CHANNELS.printDeckToPdf, options)).toEqual({ status: 'cancelled' })
    expect(deckWindows.printDeckToPdf).toHaveBeenCalledWith(4, options)
    await invoke(BRIDGE_CHANNELS.printViewReady)
    expect(deckWindows.printViewReady).toHaveBeenCalledWith(4)
  })

  it('check the deck id and the options before touching any window', async () => {
    const { invoke, deckWindows } = windowsWire()
    for (const deckId of [undefined, '', 'a/b', '../x', 'x'.repeat(65), 42, { id: 'x' }]) {
      await expect(invoke(BRIDGE_CHANNELS.openPresenter, deckId)).rejects.toBeInstanceOf(
        BridgeArgumentError,
      )
      await expect(
        invoke(BRIDGE_CHANNELS.printDeckToPdf, { ...options, deckId }),
      ).rejects.toBeInstanceOf(BridgeArgumentError)
    }
    for (const bad of [
      undefined,
      'deck-1',
      { ...options, suggestedName: '../Workshop.pdf' },
      { ...options, title: 7 },
      { ...options, fileTypeName: undefined },
    ]) {
      await expect(invoke(BRIDGE_CHANNELS.printDeckToPdf, bad)).rejects.toBeInstanceOf(
        BridgeArgumentError,
      )
    }
    await expect(invoke(BRIDGE_CHANNELS.openPresenter, 'a', 'b')).rejects.toBeInstanceOf(
      BridgeArgumentError,
    )
    await expect(invoke(BRIDGE_CHANNELS.printViewReady, 'x')).rejects.toBeInstanceOf(
      BridgeArgumentError,
    )
    expect(deckWindows.openPresenter).not.toHaveBeenCalled()
    expect(deckWindows.printDeckToPdf).not.toHaveBeenCalled()
    expect(deckWindows.printViewReady).not.toHaveBeenCalled()
  })

  it('reject clearly when no deck windows were given', async () => {
    const { invoke } = wire()
    await expect(invoke(BRIDGE_CHANNELS.openPresenter, 'deck-1')).rejects.toThrow(/not available/)
  })
})

describe('backup at quit verbs', () => {
  function quitWire() {
    const quitBackup = {
      beforeQuit: vi.fn<QuitBackup['beforeQuit']>(),
      windowClose: vi.fn<QuitBackup['windowClose']>(),
      pagePending: vi.fn<QuitBackup['pagePending']>(),
      pageFlushed: vi.fn<QuitBackup['pageFlushed']>(),
      pageGone: vi.fn<QuitBackup['pageGone']>(),
    }
    const wired = wire({ quitBackup })
    return { ...wired, quitBackup, invoke: wired.invokeFrom('app://carnet/', 3) }
  }

  it('pass what the page says on, with the calling window', async () => {
    const { invoke, quitBackup } = quitWire()
    await invoke(BRIDGE_CHANNELS.backupsPending, true)
    await invoke(BRIDGE_CHANNELS.backupsPending, false)
    await invoke(BRIDGE_CHANNELS.backupsFlushed)
    expect(quitBackup.pagePending.mock.calls).toEqual([
      [3, true],
      [3, false],
    ])
    expect(quitBackup.pageFlushed).toHaveBeenCalledWith(3)
  })

  it('check their arguments first', async () => {
    const { invoke, quitBackup } = quitWire()
    for (const bad of [[], ['yes'], [1], [true, true]]) {
      await expect(invoke(BRIDGE_CHANNELS.backupsPending, ...bad)).rejects.toBeInstanceOf(
        BridgeArgumentError,
      )
    }
    await expect(invoke(BRIDGE_CHANNELS.backupsFlushed, 'x')).rejects.toBeInstanceOf(
      BridgeArgumentError,
    )
    expect(quitBackup.pagePending).not.toHaveBeenCalled()
    expect(quitBackup.pageFlushed).not.toHaveBeenCalled()
  })

  it('refuse an untrusted sender', async () => {
    const { invokeFrom, quitBackup } = quitWire()
    const invoke = invokeFrom('https://evil.example/', 3)
    await expect(invoke(BRIDGE_CHANNELS.backupsFlushed)).rejects.toBeInstanceOf(
      UntrustedSenderError,
    )
    expect(quitBackup.pageFlushed).not.toHaveBeenCalled()
  })

  it('do nothing when there is no backup at quit', async () => {
    const { invoke } = wire()
    await expect(invoke(BRIDGE_CHANNELS.backupsFlushed)).resolves.toBeUndefined()
  })
})
