// @vitest-environment jsdom
/**
 * Every command the desktop menu can send names an action of the page's registry, so a menu item
 * (electron/main/menu.ts) always does what the palette and the shortcut of the same name do.
 */
import { describe, expect, it } from 'vitest'
import { ACTIONS } from '../../renderer/actions/register'
import { MENU_COMMANDS } from '../../src/platform/desktop-bridge'

describe('menu commands', () => {
  it('each name a registered action', () => {
    const names = new Set(ACTIONS.map((action) => action.name))
    for (const command of MENU_COMMANDS) expect(names.has(command), command).toBe(true)
  })

  it('present with F5, like the palette’s Present action', () => {
    const present = ACTIONS.find((action) => action.name === 'deck.present')
    expect(present?.shortcut).toBe('F5')
  })
})
