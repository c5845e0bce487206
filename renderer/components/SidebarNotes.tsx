/** The sidebar's note pieces: the always-visible capture button and the open-loop count. */
import { useTranslation } from 'react-i18next'
import { useOpenLoops } from '../hooks/useValueModel'
import { formatShortcut, parseShortcut } from '../../src/actions/shortcut'
import { captureAction } from '../actions/register'
import type { ActionContext } from '../actions/types'
import { isMac } from '../platform/keyboard'
import './SidebarNotes.css'

export function CaptureButton({ context }: { context: ActionContext }) {
  const { t } = useTranslation()
  // A plain browser keeps Ctrl+N for a new window, so the browser build shows Alt+N.
  const shortcut = context.app.info.runtime === 'web' ? 'Alt+n' : 'Mod+n'
  return (
    <button
      type="button"
      className="button-primary sidebar-capture"
      data-testid="capture-button"
      onClick={() => void captureAction.perform(context)}
    >
      <span>{t('capture.open')}</span>
      <kbd>{formatShortcut(parseShortcut(shortcut), isMac())}</kbd>
    </button>
  )
}

export function OpenLoopsBadge() {
  const { t } = useTranslation()
  // Counted by the value model's worker: reading every follow-up note on the page after each
  // save would hold the page (and the next save) at ten years' size.
  const count = useOpenLoops()
  if (!count) return null
  return (
    <span className="sidebar-count" data-testid="open-loops">
      <span aria-hidden="true">{count}</span>
      <span className="visually-hidden">{t('followUps.openCount', { count })}</span>
    </span>
  )
}
