import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { Note, Transaction } from '../../../src/model/records'
import { formatMoney } from '../../../src/notebook/customer-summary'
import { noteLabel } from '../../../src/notebook/notes'

type Item =
  { type: 'note'; at: number; note: Note } | { type: 'purchase'; at: number; purchase: Transaction }

/** Which note to bring into view; `nonce` lets the same note be asked for twice. */
export interface TimelineTarget {
  noteId: string
  nonce: number
}

/**
 * Notes and purchases, newest first, in one scrolling list. Virtualised: a regular with years
 * of purchases has thousands of entries, and only those in view are in the page.
 */
export function Timeline({
  notes,
  purchases,
  target,
}: {
  notes: readonly Note[]
  purchases: readonly Transaction[]
  target: TimelineTarget | null
}) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const scroller = useRef<HTMLDivElement>(null)
  const items = useMemo<Item[]>(
    () =>
      [
        ...notes.map((note): Item => ({ type: 'note', at: note.at, note })),
        ...purchases.map((purchase): Item => ({ type: 'purchase', at: purchase.at, purchase })),
      ].sort((a, b) => b.at - a.at),
    [notes, purchases],
  )
  // The virtualiser's functions are read fresh on every render; React Compiler skips this
  // component for it, which is what a virtual list needs.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => (items[index]?.type === 'note' ? 92 : 64),
    overscan: 6,
  })
  const dateFormat = useMemo(
    () => new Intl.DateTimeFormat(language, { dateStyle: 'medium' }),
    [language],
  )

  useEffect(() => {
    if (!target) return
    const index = items.findIndex((item) => item.type === 'note' && item.note.id === target.noteId)
    if (index < 0) return
    scroller.current?.scrollIntoView({ block: 'nearest' })
    virtualizer.scrollToIndex(index, { align: 'start' })
    const frame = requestAnimationFrame(() =>
      scroller.current?.querySelector<HTMLElement>(`[data-index="${index}"]`)?.focus(),
    )
    return () => cancelAnimationFrame(frame)
  }, [target, items, virtualizer])

  if (items.length === 0) return <p className="muted">{t('customer.timelineEmpty')}</p>
  return (
    <div
      className="timeline-scroller"
      ref={scroller}
      tabIndex={0}
      aria-label={t('customer.timeline')}
      role="region"
    >
      <ol className="timeline" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((virtual) => {
          const item = items[virtual.index]
          if (!item) return null
          return (
            <li
              key={virtual.key}
              data-index={virtual.index}
              ref={virtualizer.measureElement}
              tabIndex={-1}
              className={`timeline-item timeline-${item.type}`}
              style={{ transform: `translateY(${virtual.start}px)` }}
            >
              {item.type === 'note' ? (
                <NoteEntry note={item.note} date={dateFormat.format(item.at)} />
              ) : (
                <div className="timeline-body">
                  <div className="timeline-meta">
                    <span className="timeline-kind">{t('customer.purchase')}</span>
                    <time dateTime={new Date(item.at).toISOString()}>
                      {dateFormat.format(item.at)}
                    </time>
                    <strong className="timeline-amount">
                      {formatMoney(item.purchase.amount, item.purchase.currency, language)}
                    </strong>
                  </div>
                  {item.purchase.items.length > 0 && (
                    <p className="timeline-text">
                      {item.purchase.items
                        .map((line) =>
                          line.quantity === 1 ? line.name : `${line.quantity} × ${line.name}`,
                        )
                        .join(', ')}
                    </p>
                  )}
                </div>
              )}
            </li>
          )
        })}
      </ol>
    </div>
  )
}

function NoteEntry({ note, date }: { note: Note; date: string }) {
  const { t } = useTranslation()
  return (
    <div className="timeline-body">
      <div className="timeline-meta">
        <span className={`note-kind note-kind-${note.kind}`}>{t(`noteKind.${note.kind}`)}</span>
        <time dateTime={new Date(note.at).toISOString()}>{date}</time>
        <span className="muted">{t(`capture.touchpoints.${note.touchpoint}`)}</span>
      </div>
      <p className="timeline-text">{noteLabel(note.text, 400)}</p>
    </div>
  )
}
