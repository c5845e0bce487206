/**
 * The desktop bridge in a plain browser: downloads instead of save dialogs, a file input instead
 * of an open dialog, a new tab instead of the system browser, a popup for the presenter view and
 * the print dialog for a deck's PDF.
 */
import { isAllowedExternalUrl } from '../../src/platform/external-links'
import type { ChosenFile, DesktopBridge } from '../../src/platform/desktop-bridge'
import { hashOf } from '../app/routes'

export const browserBridge: DesktopBridge = {
  async appInfo() {
    return {
      name: 'Carnet',
      version: import.meta.env.CARNET_VERSION ?? '0.0.0',
      runtime: 'web',
      locales: [...navigator.languages],
    }
  },

  async openExternal(url) {
    if (!isAllowedExternalUrl(url)) return false
    window.open(url, '_blank', 'noopener,noreferrer')
    return true
  },

  chooseFile(options) {
    return new Promise<ChosenFile | null>((resolve) => {
      const input = document.createElement('input')
      input.type = 'file'
      input.accept = options.filters
        .flatMap((filter) => filter.extensions.map((extension) => `.${extension}`))
        .join(',')
      input.addEventListener('change', () => {
        const file = input.files?.[0]
        resolve(file ? { name: file.name, bytes: file } : null)
      })
      input.addEventListener('cancel', () => resolve(null))
      input.click()
    })
  },

  // A browser has no disk of its own: the user exports notebooks by hand (Settings reminds them).
  async writeBackup() {
    return { status: 'failed', reason: 'Backups to disk exist only in the desktop app.' }
  },

  async listBackups() {
    return []
  },

  readBackup() {
    return Promise.reject(new Error('Backups to disk exist only in the desktop app.'))
  },

  async openPresenter(deckId) {
    const { origin, pathname } = window.location
    const address = `${origin}${pathname}${hashOf('presenter', deckId)}`
    // Named after the deck, so asking again brings the same popup back instead of another one.
    window.open(address, `carnet-presenter-${deckId}`, 'popup')
  },

  // The print view opens the print dialog itself (`printViewReady`), where "Save as PDF" makes it.
  async printDeckToPdf(options) {
    window.location.hash = hashOf('deck-print', options.deckId)
    return { status: 'print-dialog' }
  },

  async printViewReady() {
    window.print()
  },

  // No disk backups, so nothing to wait for at quit: the shell never asks for a flush.
  async backupsPending() {},

  async backupsFlushed() {},

  // A browser has no application menu: shortcuts and the palette do the same things.
  onMenuCommand() {
    return () => undefined
  },

  onFlushBackups() {
    return () => undefined
  },

  async saveFile(options) {
    const blob = new Blob([options.bytes.slice().buffer])
    const link = document.createElement('a')
    link.href = URL.createObjectURL(blob)
    link.download = options.suggestedName
    link.click()
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000)
    return { status: 'saved', name: options.suggestedName }
  },
}
