/**
 * One note as the journal and the follow-ups show it: NoteList's look, plus the note's
 * touchpoint, sentiment, follow-up and its actions (edit, delete, close the loop).
 */
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Note } from '../../../src/model/records'
import { isOpenLoop, isOverdue } from '../../../src/notebook/journal-filter'
import { deleteNote, markFollowUpDone } from '../../actions/register'
import type { ActionContext } from '../../actions/types'
import { captureStore } from '../../app/capture-store'
import { Markdown } from '../../components/Markdown'
import './NoteList.css'
import './NoteCard.css'

function startOfToday(): number {
  const now = new Date()
  return new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime()
}

export function NoteCard({
  note,
  names,
  context,
  as: Tag = 'article',
  children,
}: {
  note: Note
  /** Names of the entities notes are about, by id. */
  names: ReadonlyMap<string, string> | undefined
  context: ActionContext
  as?: 'article' | 'li' | 'div'
  children?: ReactNode
}) {
  const { t, i18n } = useTranslation()
  const dateFormat = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: 'medium',
    timeStyle: 'short',
  })
  const dayFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' })
  const about = note.about.map((id) => names?.get(id)).filter(Boolean)
  const open = isOpenLoop(note)
  const overdue = isOverdue(note, startOfToday())
  const due = note.followUp?.due
  const doneAt = note.followUp?.doneAt
  return (
    <Tag
      className={`note-card journal-card${overdue ? ' is-overdue' : ''}`}
      data-kind={note.kind}
      data-testid="journal-note"
    >
      <div className="note-meta">
        <span className={`note-kind note-kind-${note.kind}`}>{t(`noteKind.${note.kind}`)}</span>
        <time dateTime={new Date(note.at).toISOString()}>{dateFormat.format(note.at)}</time>
        <span>{t(`capture.touchpoints.${note.touchpoint}`)}</span>
        {note.sentiment !== 0 && (
          <span
            className={`journal-sentiment ${note.sentiment > 0 ? 'is-positive' : 'is-negative'}`}
            title={t(`capture.sentiments.${String(note.sentiment) as '1'}`)}
          >
            {note.sentiment > 0 ? `+${String(note.sentiment)}` : `−${String(-note.sentiment)}`}
          </span>
        )}
        {note.followUp && (
          <span
            className={`journal-follow-up${overdue ? ' is-overdue' : ''}${open ? '' : ' is-done'}`}
          >
            {doneAt !== undefined
              ? t('followUps.doneOn', { date: dayFormat.format(doneAt) })
              : overdue
                ? `${t('followUps.overdue')} · ${t('followUps.due', { date: dayFormat.format(due ?? 0) })}`
                : due !== undefined
                  ? t('followUps.due', { date: dayFormat.format(due) })
                  : t('followUps.noDue')}
          </span>
        )}
      </div>
      <div className="note-text">
        <Markdown text={note.text} onEntity={(id) => context.navigate('customers', id)} />
      </div>
      {about.length > 0 && (
        <p className="note-about">{t('journal.about', { names: about.join(', ') })}</p>
      )}
      <div className="journal-actions">
        {note.followUp && (
          <button
            type="button"
            className={open ? 'button-primary' : 'button-quiet'}
            aria-label={open ? t('followUps.markDoneLabel') : t('followUps.reopenLabel')}
            onClick={() => void markFollowUpDone(context, note.id, open)}
          >
            {open ? t('followUps.markDone') : t('followUps.reopen')}
          </button>
        )}
        <button
          type="button"
          className="button-quiet"
          aria-label={t('journal.editLabel')}
          onClick={() => captureStore.open({ noteId: note.id })}
        >
          {t('journal.edit')}
        </button>
        <button
          type="button"
          className="button-quiet"
          aria-label={t('journal.deleteLabel')}
          onClick={() => void deleteNote(context, note.id)}
        >
          {t('journal.delete')}
        </button>
        {children}
      </div>
    </Tag>
  )
}
