/**
 * The application menu, as a template (plain data). Standard Electron roles do the platform's
 * work (clipboard, zoom, full screen, window management). Carnet's own commands — undo and redo
 * of whole actions, new note, new customer, the palette, presenting a deck — are sent to the page by name and run
 * there by the same action objects as its shortcuts.
 *
 * Their accelerators are shown but not registered on Windows and Linux (`registerAccelerator:
 * false`): the key press goes to the page, which handles it once, and text fields keep their
 * own undo. macOS always registers menu key equivalents; a command that arrives there runs the
 * same action, and the page sends Undo to a focused text field instead.
 */
import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '../../src/platform/desktop-bridge'
import type { MenuLabels } from './menu-labels'

export interface MenuTemplateInput {
  labels: MenuLabels
  /** `process.platform`: macOS has an app menu and a different Window menu. */
  platform: NodeJS.Platform
  appName: string
  /** Reload and developer tools are for development only. */
  isDevelopment: boolean
  /** Sends a command to the focused window's page. */
  sendCommand: (command: MenuCommand) => void
}

const separator = { type: 'separator' } as const satisfies MenuItemConstructorOptions

export function buildMenuTemplate(input: MenuTemplateInput): MenuItemConstructorOptions[] {
  const { labels, appName, isDevelopment } = input
  const isMac = input.platform === 'darwin'
  const named = (label: string): string => label.replaceAll('{app}', appName)
  const command = (
    label: string,
    name: MenuCommand,
    accelerator: string,
  ): MenuItemConstructorOptions => ({
    label,
    accelerator,
    registerAccelerator: false,
    click: () => input.sendCommand(name),
  })

  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      { role: 'about', label: named(labels.about) },
      separator,
      { role: 'services', label: labels.services },
      separator,
      { role: 'hide', label: named(labels.hide) },
      { role: 'hideOthers', label: labels.hideOthers },
      { role: 'unhide', label: labels.showAll },
      separator,
      { role: 'quit', label: named(labels.quit) },
    ],
  }

  const fileMenu: MenuItemConstructorOptions = {
    label: labels.file,
    submenu: [
      command(labels.newNote, 'capture.new', 'CmdOrCtrl+N'),
      command(labels.newCustomer, 'customer.new', 'Alt+CmdOrCtrl+N'),
      separator,
      command(labels.commandPalette, 'app.palette', 'CmdOrCtrl+K'),
      separator,
      isMac
        ? { role: 'close', label: labels.closeWindow }
        : { role: 'quit', label: named(labels.quit) },
    ],
  }

  const editMenu: MenuItemConstructorOptions = {
    label: labels.edit,
    submenu: [
      command(labels.undo, 'edit.undo', 'CmdOrCtrl+Z'),
      command(labels.redo, 'edit.redo', 'Shift+CmdOrCtrl+Z'),
      separator,
      { role: 'cut', label: labels.cut },
      { role: 'copy', label: labels.copy },
      { role: 'paste', label: labels.paste },
      ...(isMac ? [{ role: 'pasteAndMatchStyle', label: labels.pasteAndMatchStyle } as const] : []),
      { role: 'delete', label: labels.delete },
      separator,
      { role: 'selectAll', label: labels.selectAll },
    ],
  }

  const developmentItems: MenuItemConstructorOptions[] = isDevelopment
    ? [
        { role: 'reload', label: labels.reload },
        { role: 'forceReload', label: labels.forceReload },
        { role: 'toggleDevTools', label: labels.toggleDeveloperTools },
        separator,
      ]
    : []

  const viewMenu: MenuItemConstructorOptions = {
    label: labels.view,
    submenu: [
      ...developmentItems,
      { role: 'resetZoom', label: labels.actualSize },
      { role: 'zoomIn', label: labels.zoomIn },
      { role: 'zoomOut', label: labels.zoomOut },
      separator,
      command(labels.present, 'deck.present', 'F5'),
      { role: 'togglefullscreen', label: labels.toggleFullScreen },
    ],
  }

  const windowMenu: MenuItemConstructorOptions = {
    label: labels.window,
    // On macOS this role makes it the system's Window menu, listing the open windows.
    ...(isMac ? { role: 'windowMenu' as const } : {}),
    submenu: isMac
      ? [
          { role: 'minimize', label: labels.minimize },
          { role: 'zoom', label: labels.zoom },
          separator,
          { role: 'front', label: labels.bringAllToFront },
        ]
      : [
          { role: 'minimize', label: labels.minimize },
          { role: 'close', label: labels.closeWindow },
        ],
  }

  const helpMenu: MenuItemConstructorOptions = {
    label: labels.help,
    // On macOS this role adds the system's search field to the Help menu.
    ...(isMac ? { role: 'help' as const } : {}),
    submenu: isMac ? [] : [{ role: 'about', label: named(labels.about) }],
  }

  return [...(isMac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu, helpMenu]
}
