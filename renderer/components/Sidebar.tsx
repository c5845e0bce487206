import { useTranslation } from 'react-i18next'
import { formatShortcut, parseShortcut } from '../../src/actions/shortcut'
import type { ActionContext } from '../actions/types'
import { describeError } from '../actions/errors'
import { useAppState } from '../hooks/useApp'
import { useNotebooks } from '../hooks/useNotebookData'
import { CaptureButton, OpenLoopsBadge } from './SidebarNotes'
import { isMac } from '../platform/keyboard'
import './Sidebar.css'

const SECTIONS = [
  ['home', 'nav.home'],
  ['customers', 'nav.customers'],
  ['journal', 'nav.journal'],
  ['follow-ups', 'followUps.nav'],
  ['segments', 'segments.nav'],
  ['map', 'map.nav'],
  ['decks', 'deck.nav'],
  ['insights', 'insights.nav'],
] as const

const FOOTER = [
  ['trash', 'trash.nav'],
  ['notebooks', 'nav.notebooks'],
  ['settings', 'nav.settings'],
] as const

export function Sidebar({ context }: { context: ActionContext }) {
  const { t } = useTranslation()
  const { notebook } = useAppState()
  const notebooks = useNotebooks()
  const link = ([route, key]: (typeof SECTIONS)[number] | (typeof FOOTER)[number]) => (
    <li key={route}>
      <a href={`#/${route}`} aria-current={context.route === route ? 'page' : undefined}>
        {t(key)}
        {route === 'follow-ups' && <OpenLoopsBadge />}
      </a>
    </li>
  )
  const switchTo = async (id: string) => {
    try {
      const navigate = context.navigateLater()
      await context.app.openNotebook(id)
      navigate('home')
    } catch (error) {
      context.app.toast(describeError(error, t), { tone: 'error' })
    }
  }
  return (
    <nav className="sidebar" aria-label={t('nav.label')}>
      <div className="sidebar-brand">{t('app.name')}</div>
      {notebook && (
        <label className="sidebar-notebook">
          <span className="visually-hidden">{t('notebook.switchTo')}</span>
          {/* The name is shown as wrapping text; the native select over it does the switching. */}
          <span className="sidebar-notebook-name" aria-hidden="true">
            {notebook.entry.name}
          </span>
          <select
            value={notebook.entry.id}
            data-testid="notebook-switcher"
            onChange={(event) => void switchTo(event.target.value)}
          >
            {(notebooks?.active ?? [notebook.entry]).map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {notebook && (
        <button
          type="button"
          className="sidebar-palette sidebar-search"
          aria-label={t('search.open')}
          onClick={context.openPalette}
        >
          <span>{t('search.label')}</span>
        </button>
      )}
      <button type="button" className="sidebar-palette" onClick={context.openPalette}>
        <span>{t('nav.commands')}</span>
        <kbd>{formatShortcut(parseShortcut('Mod+k'), isMac())}</kbd>
      </button>
      {notebook && <CaptureButton context={context} />}
      <ul className="sidebar-sections">{notebook && SECTIONS.map(link)}</ul>
      <ul className="sidebar-sections sidebar-footer">
        {FOOTER.filter(([route]) => notebook || route !== 'trash').map(link)}
      </ul>
    </nav>
  )
}
