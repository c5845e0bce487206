/**
 * Every note, newest first, with filters. The list reads a page of the `at` index at a time and
 * renders only the notes on screen, so a notebook of 200,000 notes scrolls as one of twenty.
 */
import { useWindowVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Note } from '../../../src/model/records'
import { NOTE_KINDS, SENTIMENTS, TOUCHPOINTS } from '../../../src/model/vocabulary'
import type { NoteKind, Touchpoint } from '../../../src/model/vocabulary'
import { isFilterEmpty } from '../../../src/notebook/journal-filter'
import type { JournalFilter } from '../../../src/notebook/journal-filter'
import { captureAction } from '../../actions/register'
import type { ActionContext } from '../../actions/types'
import { EmptyState } from '../../components/EmptyState'
import { fromDateInput, toDateInput } from '../../components/Capture'
import { useEntityDirectory, useJournalNotes, useNoteTags } from '../../hooks/useJournal'
import { NoteCard } from './NoteCard'
import './Journal.css'

const PAGE = 200
const DAY_MS = 24 * 60 * 60 * 1000

export function Journal({ context }: { context: ActionContext }) {
  const { t } = useTranslation()
  const [filter, setFilter] = useState<JournalFilter>({})
  const [limit, setLimit] = useState(PAGE)
  const page = useJournalNotes(filter, limit)
  const tags = useNoteTags()
  const directory = useEntityDirectory()
  const names = useMemo(
    () => new Map((directory ?? []).map((entity) => [entity.id, entity.name] as const)),
    [directory],
  )
  const filtered = !isFilterEmpty(filter)
  const setField = <K extends keyof JournalFilter>(key: K, value: JournalFilter[K] | undefined) => {
    const next = { ...filter }
    if (value === undefined) delete next[key]
    else next[key] = value
    setFilter(next)
    setLimit(PAGE)
  }

  const notes = page?.notes ?? []
  const isEmpty = page !== undefined && notes.length === 0
  return (
    <div className="view journal">
      <header className="view-header">
        <h1>{t('journal.title')}</h1>
        {page && !page.hasMore && notes.length > 0 && (
          <p className="view-subtitle">{t('journal.count', { count: notes.length })}</p>
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

      {isEmpty && !filtered ? (
        <EmptyState title={t('journal.emptyTitle')}>
          <p>{t('journal.emptyBody')}</p>
        </EmptyState>
      ) : (
        <>
          <div className="journal-filters" role="group" aria-label={t('journal.filters')}>
            <label>
              <span>{t('journal.filterKind')}</span>
              <select
                value={filter.kind ?? ''}
                onChange={(event) =>
                  setField('kind', (event.target.value || undefined) as NoteKind | undefined)
                }
              >
                <option value="">{t('journal.filterAny')}</option>
                {NOTE_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`noteKind.${kind}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <span>{t('journal.filterTouchpoint')}</span>
              <select
                value={filter.touchpoint ?? ''}
                onChange={(event) =>
                  setField(
                    'touchpoint',
                    (event.target.value || undefined) as Touchpoint | undefined,
                  )
                }
              >
                <option value="">{t('journal.filterAny')}</option>
                {TOUCHPOINTS.map((touchpoint) => (
                  <option key={touchpoint} value={touchpoint}>
                    {t(`capture.touchpoints.${touchpoint}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <span>{t('journal.filterTag')}</span>
              <select
                value={filter.tag ?? ''}
                onChange={(event) => setField('tag', event.target.value || undefined)}
              >
                <option value="">{t('journal.filterAny')}</option>
                {(tags ?? []).map((tag) => (
                  <option key={tag} value={tag}>
                    #{tag}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <span>{t('journal.filterSentiment')}</span>
              <select
                value={filter.sentiment ?? ''}
                onChange={(event) =>
                  setField(
                    'sentiment',
                    event.target.value === '' ? undefined : Number(event.target.value),
                  )
                }
              >
                <option value="">{t('journal.filterAny')}</option>
                {SENTIMENTS.map((value) => (
                  <option key={value} value={value}>
                    {t(`capture.sentiments.${value}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <span>{t('journal.filterEntity')}</span>
              <select
                value={filter.entityId ?? ''}
                onChange={(event) => setField('entityId', event.target.value || undefined)}
              >
                <option value="">{t('journal.filterAny')}</option>
                {(directory ?? []).map((entity) => (
                  <option key={entity.id} value={entity.id}>
                    {entity.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <span>{t('journal.filterFrom')}</span>
              <input
                type="date"
                value={filter.from !== undefined ? toDateInput(filter.from) : ''}
                onChange={(event) => setField('from', fromDateInput(event.target.value))}
              />
            </label>
            <label>
              <span>{t('journal.filterTo')}</span>
              <input
                type="date"
                value={filter.to !== undefined ? toDateInput(filter.to) : ''}
                onChange={(event) => {
                  const day = fromDateInput(event.target.value)
                  setField('to', day === undefined ? undefined : day + DAY_MS - 1)
                }}
              />
            </label>
            {filtered && (
              <button
                type="button"
                className="button-quiet journal-clear"
                onClick={() => {
                  setFilter({})
                  setLimit(PAGE)
                }}
              >
                {t('journal.clearFilters')}
              </button>
            )}
          </div>
          {isEmpty ? (
            <p className="journal-nomatch">{t('journal.noMatch')}</p>
          ) : (
            <VirtualNotes
              notes={notes}
              names={names}
              context={context}
              hasMore={page?.hasMore ?? false}
              onNeedMore={() => setLimit((current) => current + PAGE)}
            />
          )}
        </>
      )}
    </div>
  )
}

function VirtualNotes({
  notes,
  names,
  context,
  hasMore,
  onNeedMore,
}: {
  notes: readonly Note[]
  names: ReadonlyMap<string, string>
  context: ActionContext
  hasMore: boolean
  onNeedMore: () => void
}) {
  const { t } = useTranslation()
  const listRef = useRef<HTMLDivElement>(null)
  const [scrollMargin, setScrollMargin] = useState(0)
  useLayoutEffect(() => {
    setScrollMargin(listRef.current?.offsetTop ?? 0)
  }, [])
  const virtualizer = useWindowVirtualizer({
    count: notes.length,
    estimateSize: () => 180,
    overscan: 6,
    gap: 10,
    scrollMargin,
    getItemKey: (index) => notes[index]?.id ?? index,
  })
  const items = virtualizer.getVirtualItems()
  const lastIndex = items.at(-1)?.index ?? 0
  useEffect(() => {
    if (hasMore && lastIndex >= notes.length - 20) onNeedMore()
  }, [hasMore, lastIndex, notes.length, onNeedMore])

  return (
    <div
      ref={listRef}
      className="journal-list"
      // A feed must hold articles: until the virtualiser has placed the first rows, it is not one.
      role={items.length > 0 ? 'feed' : undefined}
      aria-busy={items.length > 0 ? hasMore : undefined}
      // A label needs a role to belong to: none until the feed is one.
      aria-label={items.length > 0 ? t('journal.title') : undefined}
      style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
    >
      {items.map((item) => {
        const note = notes[item.index]
        if (!note) return null
        return (
          <div
            key={item.key}
            data-index={item.index}
            ref={virtualizer.measureElement}
            className="journal-row"
            style={{
              transform: `translateY(${String(item.start - virtualizer.options.scrollMargin)}px)`,
            }}
          >
            <NoteCard note={note} names={names} context={context} />
          </div>
        )
      })}
    </div>
  )
}
