import { describe, expect, it } from 'vitest'
import { formatShortcut, matchesShortcut, parseShortcut } from '../../../src/actions/shortcut'

const press = (key: string, modifiers: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...modifiers,
})

describe('shortcuts', () => {
  it('match Ctrl on Windows and Linux, Cmd on macOS', () => {
    const palette = parseShortcut('Mod+k')
    expect(matchesShortcut(palette, press('k', { ctrlKey: true }), false)).toBe(true)
    expect(matchesShortcut(palette, press('k', { metaKey: true }), false)).toBe(false)
    expect(matchesShortcut(palette, press('k', { metaKey: true }), true)).toBe(true)
    expect(matchesShortcut(palette, press('k'), false)).toBe(false)
  })

  it('tell undo from redo by Shift, whatever the letter case', () => {
    const undo = parseShortcut('Mod+z')
    const redo = parseShortcut('Shift+Mod+z')
    const shifted = press('Z', { ctrlKey: true, shiftKey: true })
    expect(matchesShortcut(undo, shifted, false)).toBe(false)
    expect(matchesShortcut(redo, shifted, false)).toBe(true)
  })

  it('display in each platform’s convention', () => {
    expect(formatShortcut(parseShortcut('Shift+Mod+z'), true)).toBe('⇧⌘Z')
    expect(formatShortcut(parseShortcut('Shift+Mod+z'), false)).toBe('Ctrl+Shift+Z')
    expect(formatShortcut(parseShortcut('F5'), false)).toBe('F5')
  })
})
