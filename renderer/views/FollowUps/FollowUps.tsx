/**
 * The feedback loop: every complaint, question and idea with a follow-up, the open ones first
 * (oldest due first, overdue ones marked), the closed ones folded away below.
 */
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { splitFollowUps } from '../../../src/notebook/journal-filter'
import { captureAction } from '../../actions/register'
import type { ActionContext } from '../../actions/types'
import { EmptyState } from '../../components/EmptyState'
import { useEntityDirectory, useFollowUpNotes } from '../../hooks/useJournal'
import { NoteCard } from '../Journal/NoteCard'
import './FollowUps.css'

export function FollowUps({ context }: { context: ActionContext }) {
  const { t } = useTranslation()
  const notes = useFollowUpNotes()
  const directory = useEntityDirectory()
  const names = useMemo(
    () => new Map((directory ?? []).map((entity) => [entity.id, entity.name] as const)),
    [directory],
  )
  const { open, closed } = useMemo(() => splitFollowUps(notes ?? []), [notes])
  if (!notes) return null
  return (
    <div className="view follow-ups">
      <header className="view-header">
        <h1>{t('followUps.title')}</h1>
        {open.length > 0 && (
          <p className="view-subtitle">{t('followUps.openCount', { count: open.length })}</p>
        )}
        <div className="view-actions">
          <button
            type="button"
            className="button-primary"
            onClick={() => void captureAction.perform(context)}
          >
            {t('capture.open')}
          </button>
        </div>
      </header>
      <p className="prose follow-ups-intro">{t('followUps.intro')}</p>
      {open.length === 0 ? (
        <EmptyState title={t('followUps.emptyTitle')}>
          <p>{t('followUps.emptyBody')}</p>
        </EmptyState>
      ) : (
        <ol className="note-list" data-testid="open-follow-ups">
          {open.map((note) => (
            <NoteCard key={note.id} as="li" note={note} names={names} context={context} />
          ))}
        </ol>
      )}
      {closed.length > 0 && (
        <details className="follow-ups-closed">
          <summary>{t('followUps.closed', { count: closed.length })}</summary>
          <ol className="note-list" data-testid="closed-follow-ups">
            {closed.map((note) => (
              <NoteCard key={note.id} as="li" note={note} names={names} context={context} />
            ))}
          </ol>
        </details>
      )}
    </div>
  )
}
