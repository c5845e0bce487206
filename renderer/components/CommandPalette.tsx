/**
 * Ctrl/Cmd+K: every available action and every notebook, searchable by typing; from two
 * characters on, also the notebook's customers, entities and notes, searched by the search
 * worker and listed first, in its order.
 *
 * cmdk's list inside a native <dialog> (not cmdk's own Radix dialog, which injects <style>
 * elements that the strict Content-Security-Policy refuses). While searching, cmdk's own
 * filtering is off (it would re-sort the worker's ranking); the actions are then filtered here
 * with cmdk's scoring.
 */
import { Command, defaultFilter } from 'cmdk'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatShortcut, parseShortcut } from '../../src/actions/shortcut'
import { ENTITY_KINDS } from '../../src/model/vocabulary'
import type { EntityKind } from '../../src/model/vocabulary'
import type { SearchResultItem } from '../../src/search/search-engine'
import type { Action, ActionContext } from '../actions/types'
import { ACTIONS } from '../actions/register'
import { useNotebooks } from '../hooks/useNotebookData'
import { useSearch } from '../hooks/useSearch'
import { Highlighted } from './Highlighted'
import { focusInitial } from '../platform/focus'
import { isMac } from '../platform/keyboard'
import './CommandPalette.css'

interface Props {
  open: boolean
  onOpenChange: (open: boolean) => void
  context: ActionContext
}

const MIN_SEARCH = 2

function isEntityKind(kind: string): kind is EntityKind {
  return (ENTITY_KINDS as readonly string[]).includes(kind)
}

function resultValue(hit: SearchResultItem): string {
  return `search.${hit.type}.${hit.id}`
}

export function CommandPalette({ open, onOpenChange, context }: Props) {
  const { t, i18n } = useTranslation()
  const notebooks = useNotebooks()
  const [query, setQuery] = useState('')
  const searching = query.trim().length >= MIN_SEARCH
  const search = useSearch(query, { minLength: MIN_SEARCH })
  const hits = searching ? (search.result?.hits ?? []) : []
  // One formatter for every result: creating one costs more than formatting with it.
  const noteDate = useMemo(
    () => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }),
    [i18n.language],
  )
  // What the user selected, and for which results: new results select their best one, so
  // Enter opens it.
  const [selection, setSelection] = useState({ value: '', result: search.result })
  /** While searching, cmdk does not filter: only what matches the query is listed. */
  const matches = (value: string, keywords: string[]) =>
    !searching || defaultFilter(value, query, keywords) > 0
  const spelled = (action: Action) => searching && spellsOut(query, action.label(context))
  const available = ACTIONS.filter(
    (action) =>
      action.name !== 'app.palette' &&
      (action.isAvailable?.(context) ?? true) &&
      matches(action.name, [action.label(context), ...(action.keywords ?? [])]),
  )
    // Commands the query spells out come first in their group (a stable sort keeps the rest).
    .sort((a, b) => Number(spelled(b)) - Number(spelled(a)))
  // A query that spells out a command ("new cust") puts that command first, above the search
  // results; any other query opens the best search result on Enter.
  const namedCommand = available.find(spelled)
  const firstHit = namedCommand?.name ?? (hits[0] ? resultValue(hits[0]) : '')
  const selected =
    selection.result === search.result || firstHit === '' ? selection.value : firstHit
  const [wasOpen, setWasOpen] = useState(open)
  if (wasOpen !== open) {
    setWasOpen(open)
    if (open) setQuery('')
  }
  const results = hits.length > 0 && (
    <Command.Group
      heading={t('search.groupResults')}
      data-testid="search-results"
      data-source={search.result?.source}
      data-index-state={search.index.state}
      data-index-source={search.index.source ?? ''}
      data-elapsed-ms={search.result?.elapsedMs.toFixed(1)}
      data-query={search.query}
    >
      {hits.map((hit) => (
        <Command.Item
          key={resultValue(hit)}
          value={resultValue(hit)}
          className="palette-result"
          onSelect={() =>
            run(() =>
              hit.type === 'entity'
                ? context.navigate('customers', hit.id)
                : context.navigate('journal', hit.id),
            )
          }
        >
          <span className="palette-result-text">
            <Highlighted text={hit.type === 'note' ? hit.snippet : hit.title} terms={hit.terms} />
          </span>
          <span className="palette-result-meta">
            {hit.type === 'entity'
              ? isEntityKind(hit.kind) && t(`search.entityKinds.${hit.kind}`)
              : t('search.noteMeta', {
                  date: noteDate.format(hit.at),
                })}
          </span>
        </Command.Item>
      ))}
    </Command.Group>
  )
  const run = (perform: () => unknown) => {
    onOpenChange(false)
    // Let the palette close and give focus back before the action opens its own dialog.
    window.setTimeout(() => void perform(), 0)
  }
  const item = (action: Action) => (
    <Command.Item
      key={action.name}
      value={action.name}
      keywords={[action.label(context), ...(action.keywords ?? [])]}
      onSelect={() => run(() => action.perform(context))}
    >
      <span>{action.label(context)}</span>
      {action.shortcut && <kbd>{formatShortcut(parseShortcut(action.shortcut), isMac())}</kbd>}
    </Command.Item>
  )
  const currentId = context.app.state.notebook?.entry.id
  const dialogRef = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = dialogRef.current
    if (!dialog) return
    if (open && !dialog.open) {
      dialog.showModal()
      focusInitial(dialog)
    }
    if (!open && dialog.open) dialog.close()
  }, [open])
  return (
    <dialog
      ref={dialogRef}
      className="palette-dialog"
      aria-label={t('palette.title')}
      onClose={() => onOpenChange(false)}
      onClick={(event) => {
        // A click on the backdrop (the dialog element itself, outside the panel) closes it.
        if (event.target === event.currentTarget) onOpenChange(false)
      }}
    >
      {open && (
        <Command
          label={t('palette.title')}
          className="palette"
          shouldFilter={!searching}
          value={selected}
          onValueChange={(value) => setSelection({ value, result: search.result })}
        >
          <Command.Input
            data-autofocus
            value={query}
            onValueChange={setQuery}
            placeholder={t('search.placeholder')}
            aria-label={t('search.placeholder')}
          />
          <Command.List>
            <Command.Empty>{t('palette.empty')}</Command.Empty>
            {searching && (
              <SearchStatusLine
                source={search.result?.source}
                done={search.index.done}
                total={search.index.total}
                error={
                  search.error ??
                  (search.index.state === 'error' ? (search.index.error ?? '') : null)
                }
              />
            )}
            {!namedCommand && results}
            <Command.Group heading={t('palette.groupActions')}>
              {available.filter((action) => action.group === 'actions').map(item)}
            </Command.Group>
            {namedCommand && results}
            <Command.Group heading={t('palette.groupNavigate')}>
              {available.filter((action) => action.group === 'navigate').map(item)}
            </Command.Group>
            <Command.Group heading={t('palette.groupNotebooks')}>
              {(notebooks?.active ?? [])
                .filter((entry) => entry.id !== currentId)
                .filter((entry) => matches(`notebook.open.${entry.id}`, [entry.name]))
                .map((entry) => (
                  <Command.Item
                    key={entry.id}
                    value={`notebook.open.${entry.id}`}
                    keywords={[entry.name]}
                    onSelect={() =>
                      run(async () => {
                        await context.app.openNotebook(entry.id)
                        context.navigate('home')
                      })
                    }
                  >
                    {t('action.openNotebook', { name: entry.name })}
                  </Command.Item>
                ))}
            </Command.Group>
          </Command.List>
        </Command>
      )}
    </dialog>
  )
}

function SearchStatusLine({
  source,
  done,
  total,
  error,
}: {
  source: 'index' | 'names' | undefined
  done: number
  total: number
  error: string | null
}) {
  const { t } = useTranslation()
  if (error !== null) {
    return (
      <div className="palette-status" role="status">
        {t('search.failed', { message: error })}
      </div>
    )
  }
  if (source !== 'names') return null
  const percent = total > 0 ? Math.floor((done / total) * 100) : 0
  return (
    <div className="palette-status" role="status">
      {t('search.namesOnly', { percent })}
    </div>
  )
}

/** Whether every word of the query starts a word of the label, accents and case aside. */
function spellsOut(query: string, label: string): boolean {
  const words = (text: string) =>
    text
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLocaleLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean)
  const labelWords = words(label)
  const queryWords = words(query)
  return (
    queryWords.length > 0 &&
    queryWords.every((word) => labelWords.some((candidate) => candidate.startsWith(word)))
  )
}
