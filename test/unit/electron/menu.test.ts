import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { buildMenuTemplate } from '../../../electron/main/menu'
import type { MenuLabels } from '../../../electron/main/menu-labels'
import { MENU_LABELS, menuLabelsFor, pickMenuLocale } from '../../../electron/main/menu-labels'
import { MENU_COMMANDS } from '../../../src/platform/desktop-bridge'

function flatten(items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? flatten(item.submenu) : []),
  ])
}

function template(
  platform: NodeJS.Platform,
  labels: MenuLabels = MENU_LABELS.en,
  isDevelopment = false,
) {
  return buildMenuTemplate({
    labels,
    platform,
    appName: 'Carnet',
    isDevelopment,
    sendCommand: (command) => sent.push(command),
  })
}

const sent: string[] = []

describe('menu labels', () => {
  it('picks French for any French locale and English otherwise', () => {
    expect(pickMenuLocale('fr')).toBe('fr')
    expect(pickMenuLocale('fr-FR')).toBe('fr')
    expect(pickMenuLocale('fr_CA')).toBe('fr')
    expect(pickMenuLocale('FR-be')).toBe('fr')
    expect(pickMenuLocale('en-GB')).toBe('en')
    expect(pickMenuLocale('de')).toBe('en')
    expect(pickMenuLocale('')).toBe('en')
    expect(menuLabelsFor('fr-FR').file).toBe('Fichier')
  })

  it('has every label, non-empty, in every language', () => {
    const keys = Object.keys(MENU_LABELS.en).sort()
    for (const labels of Object.values(MENU_LABELS)) {
      expect(Object.keys(labels).sort()).toEqual(keys)
      for (const label of Object.values(labels)) expect(label.trim()).not.toBe('')
    }
  })
})

describe('buildMenuTemplate', () => {
  it('has File, Edit, View, Window and Help on Windows and Linux', () => {
    for (const platform of ['win32', 'linux'] as const) {
      expect(template(platform).map((item) => item.label)).toEqual([
        'File',
        'Edit',
        'View',
        'Window',
        'Help',
      ])
    }
  })

  it('adds the app menu first on macOS', () => {
    const labels = template('darwin').map((item) => item.label)
    expect(labels).toEqual(['Carnet', 'File', 'Edit', 'View', 'Window', 'Help'])
    const roles = flatten(template('darwin')).map((item) => item.role)
    expect(roles).toEqual(expect.arrayContaining(['about', 'hide', 'quit', 'windowMenu', 'front']))
  })

  it('sends Carnet’s own commands to the page, leaving the keys to it on Windows and Linux', () => {
    const items = flatten(template('linux'))
    const byLabel = new Map(items.map((item) => [item.label, item]))
    const expected = [
      ['Undo', 'edit.undo', 'CmdOrCtrl+Z'],
      ['Redo', 'edit.redo', 'Shift+CmdOrCtrl+Z'],
      ['New Note', 'capture.new', 'CmdOrCtrl+N'],
      ['New Customer', 'customer.new', 'Alt+CmdOrCtrl+N'],
      ['Command Palette…', 'app.palette', 'CmdOrCtrl+K'],
      ['Present', 'deck.present', 'F5'],
    ] as const
    for (const [label, command, accelerator] of expected) {
      const item = byLabel.get(label)
      expect(item?.accelerator).toBe(accelerator)
      expect(item?.registerAccelerator).toBe(false)
      expect(item?.role).toBeUndefined()
      sent.length = 0
      ;(item?.click as () => void)()
      expect(sent).toEqual([command])
    }
  })

  it('sends every menu command somewhere, and offers Present (F5) in the View menu', () => {
    for (const platform of ['darwin', 'linux', 'win32'] as const) {
      sent.length = 0
      for (const item of flatten(template(platform))) {
        if (item.role === undefined && typeof item.click === 'function') {
          ;(item.click as () => void)()
        }
      }
      expect([...sent].sort()).toEqual([...MENU_COMMANDS].sort())
    }
    const view = template('linux').find((item) => item.label === 'View')
    const viewItems = Array.isArray(view?.submenu) ? view.submenu : []
    expect(viewItems.map((item) => item.label)).toContain('Present')
    const french = flatten(template('linux', MENU_LABELS.fr))
    expect(french.find((item) => item.accelerator === 'F5')?.label).toBe('Présenter')
  })

  it('uses standard roles for clipboard, zoom and full screen', () => {
    const roles = flatten(template('linux')).map((item) => item.role)
    expect(roles).toEqual(
      expect.arrayContaining([
        'cut',
        'copy',
        'paste',
        'selectAll',
        'resetZoom',
        'zoomIn',
        'zoomOut',
        'togglefullscreen',
        'minimize',
        'quit',
      ]),
    )
  })

  it('offers reload and developer tools in development only', () => {
    const production = flatten(template('linux')).map((item) => item.role)
    expect(production).not.toContain('toggleDevTools')
    expect(production).not.toContain('reload')
    const development = flatten(template('linux', MENU_LABELS.en, true)).map((item) => item.role)
    expect(development).toContain('toggleDevTools')
  })

  it('labels every item from the table, in French too', () => {
    const items = flatten(template('darwin', MENU_LABELS.fr))
    expect(items.map((item) => item.label)).toEqual(
      expect.arrayContaining(['Fichier', 'Édition', 'Quitter Carnet', 'À propos de Carnet']),
    )
    for (const item of items) {
      if (item.type !== 'separator') expect(item.label).toBeTruthy()
    }
    expect(items.some((item) => item.label?.includes('{app}'))).toBe(false)
  })
})
