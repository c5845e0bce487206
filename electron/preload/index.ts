/**
 * The preload: the only code that sees both the page and Electron.
 *
 * It exposes exactly one object, `window.carnet`, holding the verbs of `DesktopBridge` and
 * nothing else. Each verb forwards its arguments to its own channel; the main process checks the
 * sender and the arguments. `ipcRenderer` itself never reaches the page: with it, the page could
 * send on any channel.
 *
 * The window is sandboxed, so this file is bundled to CommonJS and may import only `electron`
 * (plus what the bundler inlines, like the channel map).
 */
import { contextBridge, ipcRenderer } from 'electron'
import type { DesktopBridge } from '../../src/platform/desktop-bridge'
import { BRIDGE_CHANNELS, BRIDGE_EVENTS, isMenuCommand } from '../../src/platform/desktop-bridge'

type BridgeVerb = keyof typeof BRIDGE_CHANNELS

function invoke<Verb extends BridgeVerb>(
  verb: Verb,
  ...args: Parameters<DesktopBridge[Verb]>
): Promise<Awaited<ReturnType<DesktopBridge[Verb]>>> {
  return ipcRenderer.invoke(BRIDGE_CHANNELS[verb], ...args)
}

const carnet = {
  appInfo: () => invoke('appInfo'),
  openExternal: (url) => invoke('openExternal', url),
  chooseFile: (options) => invoke('chooseFile', options),
  saveFile: (options) => invoke('saveFile', options),
  writeBackup: (request) => invoke('writeBackup', request),
  listBackups: () => invoke('listBackups'),
  readBackup: (file) => invoke('readBackup', file),
  openPresenter: (deckId) => invoke('openPresenter', deckId),
  printDeckToPdf: (options) => invoke('printDeckToPdf', options),
  printViewReady: () => invoke('printViewReady'),
  backupsPending: (isPending) => invoke('backupsPending', isPending),
  backupsFlushed: () => invoke('backupsFlushed'),
  onMenuCommand: (listener) => {
    // Only known command names pass; the page never sees the IPC event object.
    const forward = (_event: unknown, command: unknown) => {
      if (isMenuCommand(command)) listener(command)
    }
    ipcRenderer.on(BRIDGE_EVENTS.onMenuCommand, forward)
    return () => void ipcRenderer.removeListener(BRIDGE_EVENTS.onMenuCommand, forward)
  },
  onFlushBackups: (listener) => {
    // The event carries nothing; whatever the main process sent along stays here.
    const forward = () => listener()
    ipcRenderer.on(BRIDGE_EVENTS.onFlushBackups, forward)
    return () => void ipcRenderer.removeListener(BRIDGE_EVENTS.onFlushBackups, forward)
  },
} satisfies DesktopBridge

contextBridge.exposeInMainWorld('carnet', carnet)
