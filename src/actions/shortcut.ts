/**
 * Keyboard shortcuts as data: `Mod+K`, `Shift+Mod+Z`, `F5`. `Mod` is Cmd on macOS and Ctrl
 * elsewhere. Parsing, matching and display are pure so menus, the palette and the key handler
 * agree on one definition.
 */
export interface Shortcut {
  key: string
  mod: boolean
  shift: boolean
  alt: boolean
}

export interface KeyPress {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
  altKey: boolean
}

export function parseShortcut(text: string): Shortcut {
  const parts = text.split('+')
  const key = parts.pop() ?? ''
  return {
    key: key.length === 1 ? key.toLowerCase() : key,
    mod: parts.includes('Mod'),
    shift: parts.includes('Shift'),
    alt: parts.includes('Alt'),
  }
}

export function matchesShortcut(shortcut: Shortcut, press: KeyPress, isMac: boolean): boolean {
  const mod = isMac ? press.metaKey : press.ctrlKey
  const otherMod = isMac ? press.ctrlKey : press.metaKey
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key
  return (
    key === shortcut.key &&
    mod === shortcut.mod &&
    !otherMod &&
    press.shiftKey === shortcut.shift &&
    press.altKey === shortcut.alt
  )
}

/** How to show a shortcut: `⌘K` / `⇧⌘Z` on macOS, `Ctrl+K` / `Ctrl+Shift+Z` elsewhere. */
export function formatShortcut(shortcut: Shortcut, isMac: boolean): string {
  const key = shortcut.key.length === 1 ? shortcut.key.toUpperCase() : shortcut.key
  if (isMac) {
    return `${shortcut.alt ? '⌥' : ''}${shortcut.shift ? '⇧' : ''}${shortcut.mod ? '⌘' : ''}${key}`
  }
  return [shortcut.mod && 'Ctrl', shortcut.shift && 'Shift', shortcut.alt && 'Alt', key]
    .filter(Boolean)
    .join('+')
}
