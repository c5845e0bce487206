import { useId, useLayoutEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Note } from '../../../src/model/records'
import { Markdown } from '../../components/Markdown'
import { exceedsRenderLimit, NOTE_PREVIEW_LIMIT } from '../../../src/notes/markdown'
import { useEntityNames } from '../../hooks/useNotebookData'
import './NoteList.css'

/**
 * A note's formatted text, folded to a few lines when it is long, with a button to unfold it.
 * Whether it needs folding is measured (the same note is short on a wide window and long on a
 * narrow one), so the button shows only when there is more to see.
 */
function NoteBody({ text, onEntity }: { text: string; onEntity?: (id: string) => void }) {
  const { t } = useTranslation()
  const bodyId = useId()
  const box = useRef<HTMLDivElement>(null)
  const [isExpanded, setExpanded] = useState(false)
  const [isOverflowing, setOverflowing] = useState(false)

  useLayoutEffect(() => {
    const element = box.current
    // Measured only while folded: unfolded, nothing overflows and the button must stay.
    if (!element || isExpanded || typeof ResizeObserver === 'undefined') return
    // The observer reports once on observe, then on every change of the content's size (new
    // text, a narrower window); the box itself stays at its folded height.
    const observer = new ResizeObserver(() => {
      setOverflowing(element.scrollHeight > element.clientHeight + 1)
    })
    if (element.firstElementChild) observer.observe(element.firstElementChild)
    return () => observer.disconnect()
  }, [isExpanded])

  // A note longer than the preview is cut before the fold could even be measured.
  const isLong = isOverflowing || exceedsRenderLimit(text, NOTE_PREVIEW_LIMIT)
  const isFolded = !isExpanded && isLong
  return (
    <>
      <div
        ref={box}
        id={bodyId}
        className={`note-text${isExpanded ? '' : ' is-collapsed'}${isFolded ? ' is-folded' : ''}`}
      >
        <Markdown text={text} onEntity={onEntity} preview={!isExpanded} />
      </div>
      {(isLong || isExpanded) && (
        <button
          type="button"
          className="note-more"
          aria-expanded={isExpanded}
          aria-controls={bodyId}
          onClick={() => setExpanded(!isExpanded)}
        >
          {isExpanded ? t('markdown.showLess') : t('markdown.showMore')}
        </button>
      )}
    </>
  )
}

/**
 * Notes, newest first, their markdown formatted (through `Markdown`, which sanitises it and
 * keeps every link from navigating the page). `onEntity` receives the id of a clicked mention.
 */
export function NoteList({
  notes,
  onEntity,
}: {
  notes: readonly Note[]
  onEntity?: (id: string) => void
}) {
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
            <NoteBody text={note.text} onEntity={onEntity} />
            {about.length > 0 && (
              <p className="note-about">{t('journal.about', { names: about.join(', ') })}</p>
            )}
          </li>
        )
      })}
    </ol>
  )
}
