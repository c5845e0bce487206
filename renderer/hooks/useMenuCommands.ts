import { useEffect, useLayoutEffect, useRef } from 'react'
import type { Action, ActionContext } from '../actions/types'
import { isTypingTarget } from '../platform/keyboard'

/**
 * Runs the action named by a desktop menu command. Undo and Redo chosen while a text field has
 * focus undo the typing in that field, as everywhere else on the system.
 */
export function useMenuCommands(actions: readonly Action[], context: ActionContext): void {
  const latest = useRef(context)
  useLayoutEffect(() => {
    latest.current = context
  })
  const bridge = context.app.bridge
  useEffect(
    () =>
      bridge.onMenuCommand((command) => {
        if (
          (command === 'edit.undo' || command === 'edit.redo') &&
          isTypingTarget(document.activeElement)
        ) {
          // execCommand is deprecated but remains the only way to reach a field's own undo stack.
          document.execCommand(command === 'edit.undo' ? 'undo' : 'redo')
          return
        }
        const action = actions.find((candidate) => candidate.name === command)
        if (action && (action.isAvailable?.(latest.current) ?? true))
          void action.perform(latest.current)
      }),
    [actions, bridge],
  )
}
