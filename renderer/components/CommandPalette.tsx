/**
 * Ctrl/Cmd+K: every available action and every notebook, searchable by typing.
 *
 * cmdk's list inside a native <dialog> (not cmdk's own Radix dialog, which injects <style>
 * elements that the strict Content-Security-Policy refuses).
 */
import { Command } from 'cmdk'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { formatShortcut, parseShortcut } from '../../src/actions/shortcut'
import type { Action, ActionContext } from '../actions/types'
import { ACTIONS } from '../actions/register'
import { useNotebooks } from '../hooks/useNotebookData'
import { focusInitial } from '../platform/focus'
import { isMac } from '../platform/keyboard'
import './CommandPalette.css'

interface Props {
  open: boolean
  onOpenChange: (open: boolean) => void
  context: ActionContext
}

export function CommandPalette({ open, onOpenChange, context }: Props) {
  const { t } = useTranslation()
  const notebooks = useNotebooks()
  const available = ACTIONS.filter(
    (action) => action.name !== 'app.palette' && (action.isAvailable?.(context) ?? true),
  )
  const run = (perform: () => unknown) => {
    onOpenChange(false)
    // Let the palette close and give focus back before the action opens its own dialog.
    window.setTimeout(() => void perform(), 0)
  }
  const item = (action: Action) => (
    <Command.Item
      key={action.name}
      value={action.name}
      keywords={[action.label(context), ...(action.keywords ?? [])]}
      onSelect={() => run(() => action.perform(context))}
    >
      <span>{action.label(context)}</span>
      {action.shortcut && <kbd>{formatShortcut(parseShortcut(action.shortcut), isMac())}</kbd>}
    </Command.Item>
  )
  const currentId = context.app.state.notebook?.entry.id
  const dialogRef = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = dialogRef.current
    if (!dialog) return
    if (open && !dialog.open) {
      dialog.showModal()
      focusInitial(dialog)
    }
    if (!open && dialog.open) dialog.close()
  }, [open])
  return (
    <dialog
      ref={dialogRef}
      className="palette-dialog"
      aria-label={t('palette.title')}
      onClose={() => onOpenChange(false)}
      onClick={(event) => {
        // A click on the backdrop (the dialog element itself, outside the panel) closes it.
        if (event.target === event.currentTarget) onOpenChange(false)
      }}
    >
      {open && (
        <Command label={t('palette.title')} className="palette">
          <Command.Input
            data-autofocus
            placeholder={t('palette.placeholder')}
            aria-label={t('palette.placeholder')}
          />
          <Command.List>
            <Command.Empty>{t('palette.empty')}</Command.Empty>
            <Command.Group heading={t('palette.groupActions')}>
              {available.filter((action) => action.group === 'actions').map(item)}
            </Command.Group>
            <Command.Group heading={t('palette.groupNavigate')}>
              {available.filter((action) => action.group === 'navigate').map(item)}
            </Command.Group>
            <Command.Group heading={t('palette.groupNotebooks')}>
              {(notebooks?.active ?? [])
                .filter((entry) => entry.id !== currentId)
                .map((entry) => (
                  <Command.Item
                    key={entry.id}
                    value={`notebook.open.${entry.id}`}
                    keywords={[entry.name]}
                    onSelect={() =>
                      run(async () => {
                        await context.app.openNotebook(entry.id)
                        context.navigate('home')
                      })
                    }
                  >
                    {t('action.openNotebook', { name: entry.name })}
                  </Command.Item>
                ))}
            </Command.Group>
          </Command.List>
        </Command>
      )}
    </dialog>
  )
}
