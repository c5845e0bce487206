import { useTranslation } from 'react-i18next'
import { EmptyState } from '../../components/EmptyState'
import { useRecentNotes } from '../../hooks/useNotebookData'
import { NoteList } from './NoteList'

const JOURNAL_PAGE = 200

export function Journal() {
  const { t } = useTranslation()
  const notes = useRecentNotes(JOURNAL_PAGE)
  return (
    <div className="view">
      <header className="view-header">
        <h1>{t('journal.title')}</h1>
      </header>
      {notes && notes.length === 0 && (
        <EmptyState title={t('journal.emptyTitle')}>
          <p>{t('journal.emptyBody')}</p>
        </EmptyState>
      )}
      {notes && notes.length > 0 && <NoteList notes={notes} />}
    </div>
  )
}
