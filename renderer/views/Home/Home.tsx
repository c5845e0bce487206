import { useTranslation } from 'react-i18next'
import { formatShortcut, parseShortcut } from '../../../src/actions/shortcut'
import type { ActionContext } from '../../actions/types'
import { EmptyState } from '../../components/EmptyState'
import { NoteList } from '../Journal/NoteList'
import { useAppState } from '../../hooks/useApp'
import { useNotebookCounts, useRecentNotes } from '../../hooks/useNotebookData'
import { isMac } from '../../platform/keyboard'
import { InsightsDashboard } from './InsightsDashboard'
import './Home.css'

export function Home({ context }: { context: ActionContext }) {
  const { t } = useTranslation()
  const notebook = useAppState().notebook
  const counts = useNotebookCounts()
  const notes = useRecentNotes(5)
  if (!notebook || !counts) return null
  const isEmpty = counts.customers + counts.entities + counts.notes === 0
  return (
    <div className="view">
      <header className="view-header">
        <h1>{notebook.entry.name}</h1>
      </header>
      {isEmpty ? (
        <EmptyState title={t('home.emptyTitle')}>
          <p>
            {t('home.emptyBody', { shortcut: formatShortcut(parseShortcut('Mod+k'), isMac()) })}
          </p>
        </EmptyState>
      ) : (
        <>
          <section aria-labelledby="home-overview">
            <h2 id="home-overview" className="section-title">
              {t('home.overview')}
            </h2>
            <ul className="home-counts" data-testid="home-counts">
              <li data-count="customers">{t('home.customers', { count: counts.customers })}</li>
              <li data-count="entities">{t('home.entities', { count: counts.entities })}</li>
              <li data-count="ties">{t('home.ties', { count: counts.ties })}</li>
              <li data-count="notes">{t('home.notes', { count: counts.notes })}</li>
              <li data-count="transactions">
                {t('home.transactions', { count: counts.transactions })}
              </li>
            </ul>
          </section>
          <section aria-labelledby="home-insights">
            <h2 id="home-insights" className="section-title">
              {t('insights.dashboard.title')}
            </h2>
            <InsightsDashboard />
          </section>
          {notes && notes.length > 0 && (
            <section aria-labelledby="home-recent">
              <h2 id="home-recent" className="section-title">
                {t('home.recentNotes')}
              </h2>
              <NoteList notes={notes} onEntity={(id) => context.navigate('customers', id)} />
            </section>
          )}
        </>
      )}
    </div>
  )
}
