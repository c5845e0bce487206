import { beforeAll, describe, expect, it, vi } from 'vitest'
import {
  BRIDGE_CHANNELS,
  BRIDGE_EVENTS,
  BRIDGE_MEMBERS,
  BRIDGE_VERBS,
} from '../../../src/platform/desktop-bridge'

/** What the preload hands to Electron, captured by a fake `electron` module. */
const electron = vi.hoisted(() => ({
  exposed: [] as Array<{ key: string; api: unknown }>,
  invocations: [] as unknown[][],
  listeners: new Map<string, (event: unknown, ...args: unknown[]) => void>(),
}))

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => {
      electron.exposed.push({ key, api })
    },
  },
  ipcRenderer: {
    invoke: (...args: unknown[]) => {
      electron.invocations.push(args)
      return Promise.resolve(`answer from ${String(args[0])}`)
    },
    send: () => {
      throw new Error('the preload must only invoke')
    },
    on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
      electron.listeners.set(channel, listener)
    },
    removeListener: (channel: string, listener: unknown) => {
      if (electron.listeners.get(channel) === listener) electron.listeners.delete(channel)
    },
  },
}))

function isCallable(value: unknown): value is (...args: unknown[]) => Promise<unknown> {
  return typeof value === 'function'
}

function exposedBridge(): Record<string, unknown> {
  const [only] = electron.exposed
  if (only === undefined || typeof only.api !== 'object' || only.api === null) {
    throw new Error('nothing was exposed')
  }
  return { ...only.api }
}

describe('preload', () => {
  beforeAll(async () => {
    await import('../../../electron/preload/index')
  })

  it('exposes exactly one object, named carnet', () => {
    expect(electron.exposed.map(({ key }) => key)).toEqual(['carnet'])
  })

  it('holds exactly the bridge verbs and events, all functions', () => {
    const bridge = exposedBridge()
    expect(Object.keys(bridge).sort()).toEqual([...BRIDGE_MEMBERS].sort())
    for (const member of BRIDGE_MEMBERS) expect(typeof bridge[member]).toBe('function')
  })

  it('passes on known menu commands only, and stops on unsubscribe', () => {
    const subscribe = exposedBridge().onMenuCommand
    if (typeof subscribe !== 'function') throw new Error('onMenuCommand is not a function')
    const received: unknown[] = []
    const unsubscribe = (subscribe as (listener: (command: unknown) => void) => () => void)(
      (command) => received.push(command),
    )
    const deliver = electron.listeners.get(BRIDGE_EVENTS.onMenuCommand)
    if (!deliver) throw new Error('no listener on the menu channel')
    deliver({ sender: 'ipc event' }, 'edit.undo')
    deliver({ sender: 'ipc event' }, 'rm -rf /')
    deliver({ sender: 'ipc event' }, { name: 'edit.redo' })
    expect(received).toEqual(['edit.undo'])
    unsubscribe()
    expect(electron.listeners.has(BRIDGE_EVENTS.onMenuCommand)).toBe(false)
  })

  it('passes on flush requests without their arguments, and stops on unsubscribe', () => {
    const subscribe = exposedBridge().onFlushBackups
    if (typeof subscribe !== 'function') throw new Error('onFlushBackups is not a function')
    const received: unknown[][] = []
    const unsubscribe = (subscribe as (listener: (...args: unknown[]) => void) => () => void)(
      (...args) => received.push(args),
    )
    const deliver = electron.listeners.get(BRIDGE_EVENTS.onFlushBackups)
    if (!deliver) throw new Error('no listener on the flush channel')
    deliver({ sender: 'ipc event' }, 'anything')
    expect(received).toEqual([[]])
    unsubscribe()
    expect(electron.listeners.has(BRIDGE_EVENTS.onFlushBackups)).toBe(false)
  })

  it('never exposes ipcRenderer or anything that reaches it', () => {
    const bridge = exposedBridge()
    for (const value of Object.values(bridge)) {
      expect(typeof value).toBe('function')
    }
    expect(bridge).not.toHaveProperty('invoke')
    expect(bridge).not.toHaveProperty('ipcRenderer')
    expect(bridge).not.toHaveProperty('send')
    expect(bridge).not.toHaveProperty('on')
  })

  it('forwards each verb to its own channel with its arguments', async () => {
    const bridge = exposedBridge()
    const argumentsOf = {
      appInfo: [],
      openExternal: ['https://example.com/'],
      chooseFile: [{ title: 'Open', filters: [] }],
      saveFile: [
        { title: 'Save', suggestedName: 'a.csv', filters: [], bytes: new Uint8Array([1]) },
      ],
      writeBackup: [{ notebookId: 'nb-1', name: 'Shop', bytes: new Uint8Array([1]) }],
      listBackups: [],
      readBackup: ['2026-11-22T15-21-08-123Z_nb-1_Shop.carnet'],
      openPresenter: ['deck-1'],
      printDeckToPdf: [
        { deckId: 'deck-1', title: 'Export PDF', suggestedName: 'a.pdf', fileTypeName: 'PDF' },
      ],
      printViewReady: [],
      backupsPending: [true],
      backupsFlushed: [],
    } satisfies Record<(typeof BRIDGE_VERBS)[number], unknown[]>

    for (const verb of BRIDGE_VERBS) {
      electron.invocations.length = 0
      const call = bridge[verb]
      if (!isCallable(call)) throw new Error(`${verb} is not a function`)
      const answer = await call(...argumentsOf[verb])
      expect(answer).toBe(`answer from ${BRIDGE_CHANNELS[verb]}`)
      expect(electron.invocations).toEqual([[BRIDGE_CHANNELS[verb], ...argumentsOf[verb]]])
    }
  })
})
