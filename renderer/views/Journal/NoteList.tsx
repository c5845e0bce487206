import { useTranslation } from 'react-i18next'
import type { Note } from '../../../src/model/records'
import { useEntityNames } from '../../hooks/useNotebookData'
import './NoteList.css'

/**
 * A short plain-text view of a note: mention links `[@Name](carnet:entity/id)` become `@Name`,
 * markdown emphasis, headings and quotes lose their marks, `#tags` stay.
 */
function plainExcerpt(text: string, length = 280): string {
  const plain = text
    .replace(/\[(@[^\]]+)\]\(carnet:entity\/[^)]+\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+)/gm, '')
    .replace(/(\*\*|__|`)/g, '')
    .replace(/\s+/g, ' ')
    .trim()
  return plain.length > length ? `${plain.slice(0, length)}…` : plain
}

/** Notes, newest first, as plain text: React escapes it, so no markup from a note runs. */
export function NoteList({ notes }: { notes: readonly Note[] }) {
  const { t, i18n } = useTranslation()
  const names = useEntityNames(notes.flatMap((note) => note.about))
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' })
  return (
    <ol className="note-list">
      {notes.map((note) => {
        const about = note.about.map((id) => names?.get(id)).filter(Boolean)
        return (
          <li key={note.id} className="note-card" data-kind={note.kind}>
            <div className="note-meta">
              <span className={`note-kind note-kind-${note.kind}`}>
                {t(`noteKind.${note.kind}`)}
              </span>
              <time dateTime={new Date(note.at).toISOString()}>{dateFormat.format(note.at)}</time>
            </div>
            <p className="note-text">{plainExcerpt(note.text)}</p>
            {about.length > 0 && (
              <p className="note-about">{t('journal.about', { names: about.join(', ') })}</p>
            )}
          </li>
        )
      })}
    </ol>
  )
}
