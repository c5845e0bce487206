// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { MenuCommand } from '../../src/platform/desktop-bridge'
import type { Action, ActionContext } from '../../renderer/actions/types'
import { useMenuCommands } from '../../renderer/hooks/useMenuCommands'

afterEach(cleanup)

function setup(isAvailable = true) {
  let deliver: (command: MenuCommand) => void = () => undefined
  const unsubscribe = vi.fn()
  const context = {
    app: {
      bridge: {
        onMenuCommand: (listener: (command: MenuCommand) => void) => {
          deliver = listener
          return unsubscribe
        },
      },
    },
  } as unknown as ActionContext
  const undo = vi.fn()
  const actions: Action[] = [
    { name: 'edit.undo', label: () => 'Undo', group: 'actions', isAvailable: () => isAvailable, perform: undo },
  ]
  function Host() {
    useMenuCommands(actions, context)
    return <input aria-label="field" />
  }
  const view = render(<Host />)
  return { deliver: (command: MenuCommand) => deliver(command), undo, unsubscribe, view }
}

describe('menu commands', () => {
  it('run the action of the same name', () => {
    const { deliver, undo } = setup()
    deliver('edit.undo')
    expect(undo).toHaveBeenCalledTimes(1)
  })

  it('undo the typing in a focused text field instead of the last action', () => {
    const { deliver, undo, view } = setup()
    const execCommand = vi.fn(() => true)
    document.execCommand = execCommand
    view.getByLabelText('field').focus()
    deliver('edit.undo')
    expect(execCommand).toHaveBeenCalledWith('undo')
    expect(undo).not.toHaveBeenCalled()
  })

  it('do nothing for an action that is not available, and unsubscribe on unmount', () => {
    const { deliver, undo, unsubscribe, view } = setup(false)
    deliver('edit.undo')
    deliver('capture.new')
    expect(undo).not.toHaveBeenCalled()
    view.unmount()
    expect(unsubscribe).toHaveBeenCalled()
  })
})
