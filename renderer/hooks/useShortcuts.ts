import { useEffect, useLayoutEffect, useRef } from 'react'
import { matchesShortcut, parseShortcut } from '../../src/actions/shortcut'
import type { Action, ActionContext } from '../actions/types'
import { isMac, isTypingTarget } from '../platform/keyboard'

/** Runs the action whose shortcut matches a key press, anywhere in the window. */
export function useShortcuts(actions: readonly Action[], context: ActionContext): void {
  const latest = useRef(context)
  useLayoutEffect(() => {
    latest.current = context
  })
  useEffect(() => {
    const mac = isMac()
    const bindings = actions.flatMap((action) =>
      action.shortcut ? [{ action, shortcut: parseShortcut(action.shortcut) }] : [],
    )
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return
      // A modal dialog owns the keyboard while it is open.
      if (document.querySelector('dialog[open]')) return
      const typing = isTypingTarget(event.target)
      for (const { action, shortcut } of bindings) {
        if (!matchesShortcut(shortcut, event, mac)) continue
        if (typing && !action.worksWhileTyping) return
        if (!(action.isAvailable?.(latest.current) ?? true)) return
        event.preventDefault()
        void action.perform(latest.current)
        return
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [actions])
}
