/** Ctrl/Cmd+K: every available action and every notebook, searchable by typing. */
import { Command } from 'cmdk'
import { useTranslation } from 'react-i18next'
import { formatShortcut, parseShortcut } from '../../src/actions/shortcut'
import type { Action, ActionContext } from '../actions/types'
import { ACTIONS } from '../actions/register'
import { useNotebooks } from '../hooks/useNotebookData'
import { isMac } from '../platform/keyboard'
import './CommandPalette.css'

interface Props {
  open: boolean
  onOpenChange(open: boolean): void
  context: ActionContext
}

export function CommandPalette({ open, onOpenChange, context }: Props) {
  const { t } = useTranslation()
  const notebooks = useNotebooks()
  const available = ACTIONS.filter((action) => action.name !== 'app.palette' && (action.isAvailable?.(context) ?? true))
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
  return (
    <Command.Dialog
      open={open}
      onOpenChange={onOpenChange}
      label={t('palette.title')}
      className="palette"
      overlayClassName="palette-overlay"
      contentClassName="palette-content"
    >
      <Command.Input placeholder={t('palette.placeholder')} aria-label={t('palette.placeholder')} />
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
    </Command.Dialog>
  )
}
