/**
 * Quick capture: write a note in a few seconds from anywhere. The text is markdown; `@` suggests
 * entities to mention (or creates a customer), `#word` makes a tag. Every keystroke is kept:
 * see `CaptureSession` for how and when it is written.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react'
import type { KeyboardEvent as ReactKeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { formatShortcut, parseShortcut } from '../../src/actions/shortcut'
import { newId } from '../../src/model/ids'
import {
  KNOWLEDGE_FACETS,
  NOTE_KINDS,
  NOTE_SOURCES,
  SENTIMENTS,
  TOUCHPOINTS,
} from '../../src/model/vocabulary'
import type { KnowledgeFacet, NoteKind, NoteSource, Touchpoint } from '../../src/model/vocabulary'
import { matchCandidates, mentionQueryAt } from '../../src/notebook/mention-search'
import type { EntityName, MentionQuery } from '../../src/notebook/mention-search'
import { mentionLink } from '../../src/notebook/note-text'
import { canFollowUp, draftOf } from '../../src/notebook/notes'
import type { NoteDraft } from '../../src/notebook/notes'
import type { ActionContext } from '../actions/types'
import { describeError } from '../actions/errors'
import { captureStore } from '../app/capture-store'
import type { CaptureRequest } from '../app/capture-store'
import { CaptureSession, readLocalDraft } from '../app/capture-session'
import type { SaveStatus } from '../app/capture-session'
import { useAppState } from '../hooks/useApp'
import { useMentionDirectory } from '../hooks/useMentionDirectory'
import { isMac } from '../platform/keyboard'
import './Capture.css'

const pad = (value: number) => String(value).padStart(2, '0')

/** `YYYY-MM-DDTHH:mm` in local time, as `<input type="datetime-local">` wants. */
export function toDateTimeInput(ms: number): string {
  const date = new Date(ms)
  return `${toDateInput(ms)}T${pad(date.getHours())}:${pad(date.getMinutes())}`
}

export function toDateInput(ms: number): string {
  const date = new Date(ms)
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** A `YYYY-MM-DD` input as the start of that day in local time. */
export function fromDateInput(value: string): number | undefined {
  const [year, month, day] = value.split('-').map(Number)
  if (!year || !month || !day) return undefined
  return new Date(year, month - 1, day).getTime()
}

function newDraft(aboutId: string | undefined): NoteDraft {
  return {
    text: '',
    kind: 'conversation',
    touchpoint: 'shop',
    at: Date.now(),
    facets: [],
    source: 'observed',
    sentiment: 0,
    pinned: aboutId ? [aboutId] : [],
  }
}

interface Opened {
  session: CaptureSession
  draft: NoteDraft
  isNew: boolean
}

/** Opens the capture left unfinished when the app was closed, then shows whatever is asked. */
export function Capture({ context }: { context: ActionContext }) {
  const request = useSyncExternalStore(captureStore.subscribe, captureStore.get)
  const notebookId = useAppState().notebook?.entry.id
  useEffect(() => {
    if (!notebookId || captureStore.get()) return
    const draft = readLocalDraft(notebookId)
    if (draft) captureStore.open({ noteId: draft.noteId, restored: true })
  }, [notebookId])
  if (!request || !notebookId) return null
  return (
    <CaptureLoader
      key={`${notebookId}:${request.noteId ?? 'new'}`}
      request={request}
      notebookId={notebookId}
      context={context}
    />
  )
}

function CaptureLoader({
  request,
  notebookId,
  context,
}: {
  request: CaptureRequest
  notebookId: string
  context: ActionContext
}) {
  const [opened, setOpened] = useState<Opened | null>(null)
  const [status, setStatus] = useState<SaveStatus>('idle')
  // The context changes with every app state change; the capture loads once per request.
  const contextRef = useRef(context)
  useLayoutEffect(() => {
    contextRef.current = context
  })
  useEffect(() => {
    let cancelled = false
    const { app, t } = contextRef.current
    const onStatus = (next: SaveStatus, error?: unknown) => {
      setStatus(next)
      if (next === 'failed') app.toast(describeError(error, t), { tone: 'error' })
    }
    void (async () => {
      const store = app.state.notebook?.store
      if (!store) return
      const local = request.restored ? readLocalDraft(notebookId) : null
      const noteId = local?.noteId ?? request.noteId ?? newId()
      const stored = await store.db.notes.get(noteId)
      if (cancelled) return
      if (request.noteId && !stored && !local) {
        captureStore.close()
        return
      }
      const isNew = local ? local.isNew : !stored
      const draft = local?.draft ?? (stored ? draftOf(stored) : newDraft(request.aboutId))
      const session = new CaptureSession(app, notebookId, noteId, stored, isNew, onStatus)
      if (local) {
        // What local storage kept may be newer than the database: save it now.
        session.update(draft)
        app.toast(t('capture.draftRestored'))
      }
      setOpened({ session, draft, isNew })
    })()
    return () => {
      cancelled = true
    }
  }, [notebookId, request])
  if (!opened) return null
  return <CaptureDialog opened={opened} status={status} context={context} />
}

function CaptureDialog({
  opened,
  status,
  context,
}: {
  opened: Opened
  status: SaveStatus
  context: ActionContext
}) {
  const { t } = useTranslation()
  const { session, isNew } = opened
  const ids = useId()
  const dialogRef = useRef<HTMLDialogElement>(null)
  const textRef = useRef<HTMLTextAreaElement>(null)
  const [draft, setDraft] = useState(opened.draft)
  const [caret, setCaret] = useState(opened.draft.text.length)
  // Where to put the caret once a mention is inserted, applied after React renders the text.
  const pendingCaret = useRef<number | null>(null)
  const [dismissedAt, setDismissedAt] = useState<number | null>(null)
  const [active, setActive] = useState(0)
  const [finishing, setFinishing] = useState(false)
  const directory = useMentionDirectory()

  useEffect(() => {
    // The dialog is unmounted rather than closed, so the browser does not give the focus back:
    // return it to where it was, or to the page's main region, never to <body>.
    const previous = document.activeElement
    const dialog = dialogRef.current
    if (dialog && !dialog.open) dialog.showModal()
    const text = textRef.current
    text?.focus()
    text?.setSelectionRange(text.value.length, text.value.length)
    return () => {
      const back =
        previous instanceof HTMLElement && previous !== document.body && previous.isConnected
          ? previous
          : document.getElementById('main')
      back?.focus()
    }
  }, [])

  // Saves at once when the window is hidden or closed, so nothing waits on the debounce.
  useEffect(() => {
    const flushNow = () => void session.flush()
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flushNow()
    }
    document.addEventListener('visibilitychange', onVisibility)
    window.addEventListener('pagehide', flushNow)
    return () => {
      document.removeEventListener('visibilitychange', onVisibility)
      window.removeEventListener('pagehide', flushNow)
    }
  }, [session])

  useLayoutEffect(() => {
    if (pendingCaret.current === null) return
    textRef.current?.setSelectionRange(pendingCaret.current, pendingCaret.current)
    pendingCaret.current = null
  })

  const change = (patch: Partial<NoteDraft>) => {
    const next = { ...draft, ...patch }
    setDraft(next)
    session.update(next)
  }

  // Mention suggestions for the `@` at the caret.
  const query: MentionQuery | null = mentionQueryAt(draft.text, caret)
  const mention = query && query.start !== dismissedAt ? query : null
  const matches: EntityName[] =
    mention && directory ? matchCandidates(directory, mention.query) : []
  // Until the names are read, a name typed is not offered as new: it may well exist.
  const creatable = mention && directory && matches.length === 0 ? mention.query.trim() : ''
  const optionCount = matches.length + (creatable ? 1 : 0)
  const listOpen = mention !== null && optionCount > 0
  const activeIndex = Math.min(active, Math.max(optionCount - 1, 0))
  const optionId = (index: number) => `${ids}-option-${String(index)}`

  const insertMention = (entity: { id: string; name: string }) => {
    if (!mention) return
    const link = `${mentionLink(entity.id, entity.name)} `
    const end = mention.start + 1 + mention.query.length
    const text = draft.text.slice(0, mention.start) + link + draft.text.slice(end)
    change({ text })
    const nextCaret = mention.start + link.length
    setCaret(nextCaret)
    pendingCaret.current = nextCaret
    setActive(0)
  }

  const choose = async (index: number) => {
    const entity = matches[index]
    if (entity) {
      insertMention(entity)
      return
    }
    if (!creatable) return
    try {
      const customer = await session.createCustomer(creatable)
      insertMention(customer)
      context.app.toast(t('capture.customerCreated', { name: customer.name }))
    } catch (error) {
      context.app.toast(describeError(error, t), { tone: 'error' })
    }
  }

  const finish = async () => {
    if (finishing) return
    setFinishing(true)
    try {
      await session.finish(isNew ? t('capture.historyLabel') : t('capture.editHistoryLabel'), draft)
      dialogRef.current?.close()
      captureStore.close()
    } catch (error) {
      context.app.toast(describeError(error, t), { tone: 'error' })
      setFinishing(false)
    }
  }

  const onTextKeyDown = (event: ReactKeyboardEvent<HTMLTextAreaElement>) => {
    if (listOpen) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault()
        const step = event.key === 'ArrowDown' ? 1 : -1
        setActive((activeIndex + step + optionCount) % optionCount)
        return
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault()
        void choose(activeIndex)
        return
      }
      if (event.key === 'Escape') {
        event.preventDefault()
        event.stopPropagation()
        setDismissedAt(mention.start)
        return
      }
    }
  }

  const onDialogKeyDown = (event: ReactKeyboardEvent<HTMLDialogElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      void finish()
    }
  }

  const syncCaret = () => setCaret(textRef.current?.selectionStart ?? draft.text.length)
  const followUpKind = canFollowUp(draft.kind)
  const doneShortcut = formatShortcut(parseShortcut('Mod+Enter'), isMac())

  return (
    <dialog
      ref={dialogRef}
      className="capture"
      aria-labelledby={`${ids}-title`}
      data-testid="capture"
      onKeyDown={onDialogKeyDown}
      onCancel={(event) => {
        // Escape finishes the capture through the same path as the Done button.
        event.preventDefault()
        void finish()
      }}
    >
      <form
        className="capture-form"
        onSubmit={(event) => {
          event.preventDefault()
          void finish()
        }}
      >
        <header className="capture-header">
          <h2 id={`${ids}-title`}>{isNew ? t('capture.title') : t('capture.editTitle')}</h2>
          <span className="capture-status" role="status" data-status={status}>
            {status === 'saving' || status === 'pending'
              ? t('capture.saving')
              : status === 'saved'
                ? t('capture.saved')
                : status === 'failed'
                  ? t('capture.notSaved')
                  : ''}
          </span>
        </header>

        <div className="capture-editor">
          <textarea
            ref={textRef}
            className="capture-text"
            role="combobox"
            aria-label={t('capture.textLabel')}
            aria-autocomplete="list"
            aria-expanded={listOpen}
            aria-controls={`${ids}-listbox`}
            aria-activedescendant={listOpen ? optionId(activeIndex) : undefined}
            placeholder={t('capture.placeholder')}
            rows={7}
            value={draft.text}
            spellCheck
            onChange={(event) => {
              change({ text: event.target.value })
              setCaret(event.target.selectionStart)
              setActive(0)
            }}
            onSelect={syncCaret}
            onKeyDown={onTextKeyDown}
            onBlur={() => void session.flush()}
          />
          {listOpen && (
            <ul
              id={`${ids}-listbox`}
              role="listbox"
              className="capture-suggestions"
              aria-label={t('capture.suggestions')}
            >
              {matches.map((entity, index) => (
                <li
                  key={entity.id}
                  id={optionId(index)}
                  role="option"
                  aria-selected={index === activeIndex}
                  onMouseDown={(event) => {
                    event.preventDefault()
                    void choose(index)
                  }}
                >
                  <span>{entity.name}</span>
                  <span className="capture-suggestion-kind">
                    {t(`capture.entityKinds.${entity.kind}`)}
                  </span>
                </li>
              ))}
              {creatable && (
                <li
                  id={optionId(matches.length)}
                  role="option"
                  className="capture-suggestion-create"
                  aria-selected={activeIndex === matches.length}
                  onMouseDown={(event) => {
                    event.preventDefault()
                    void choose(matches.length)
                  }}
                >
                  {t('capture.createCustomer', { name: creatable })}
                </li>
              )}
            </ul>
          )}
        </div>

        <div className="capture-fields">
          <label className="capture-field">
            <span>{t('capture.kind')}</span>
            <select
              value={draft.kind}
              onChange={(event) => {
                const kind = event.target.value as NoteKind
                change({
                  kind,
                  hasFollowUp: canFollowUp(kind) ? (draft.hasFollowUp ?? true) : false,
                })
              }}
            >
              {NOTE_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`noteKind.${kind}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="capture-field">
            <span>{t('capture.touchpoint')}</span>
            <select
              value={draft.touchpoint}
              onChange={(event) => change({ touchpoint: event.target.value as Touchpoint })}
            >
              {TOUCHPOINTS.map((touchpoint) => (
                <option key={touchpoint} value={touchpoint}>
                  {t(`capture.touchpoints.${touchpoint}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="capture-field">
            <span>{t('capture.at')}</span>
            <input
              type="datetime-local"
              value={toDateTimeInput(draft.at)}
              onChange={(event) => {
                const at = new Date(event.target.value).getTime()
                if (Number.isFinite(at) && at >= 0) change({ at })
              }}
            />
          </label>
          <label className="capture-field">
            <span>{t('capture.source')}</span>
            <select
              value={draft.source}
              onChange={(event) => change({ source: event.target.value as NoteSource })}
            >
              {NOTE_SOURCES.map((source) => (
                <option key={source} value={source}>
                  {t(`capture.sources.${source}`)}
                </option>
              ))}
            </select>
          </label>
        </div>

        <fieldset className="capture-sentiment">
          <legend>{t('capture.sentiment')}</legend>
          {SENTIMENTS.map((value) => (
            <label key={value} title={t(`capture.sentiments.${value}`)}>
              <input
                type="radio"
                name={`${ids}-sentiment`}
                value={value}
                checked={draft.sentiment === value}
                onChange={() => change({ sentiment: value })}
              />
              <span aria-hidden="true">
                {value > 0 ? `+${String(value)}` : value < 0 ? `−${String(-value)}` : '0'}
              </span>
              <span className="visually-hidden">{t(`capture.sentiments.${value}`)}</span>
            </label>
          ))}
        </fieldset>

        <fieldset className="capture-facets">
          <legend>{t('capture.facets')}</legend>
          {KNOWLEDGE_FACETS.map((facet: KnowledgeFacet) => (
            <label key={facet} className="capture-chip">
              <input
                type="checkbox"
                checked={draft.facets.includes(facet)}
                onChange={(event) =>
                  change({
                    facets: event.target.checked
                      ? [...draft.facets, facet]
                      : draft.facets.filter((item) => item !== facet),
                  })
                }
              />
              <span>{t(`capture.facetNames.${facet}`)}</span>
            </label>
          ))}
        </fieldset>

        {followUpKind && (
          <div className="capture-follow-up">
            <label className="capture-check">
              <input
                type="checkbox"
                checked={draft.hasFollowUp ?? true}
                onChange={(event) => change({ hasFollowUp: event.target.checked })}
              />
              <span>{t('capture.followUp')}</span>
            </label>
            <input
              type="date"
              aria-label={t('capture.followUp')}
              value={draft.followUpDue !== undefined ? toDateInput(draft.followUpDue) : ''}
              disabled={draft.hasFollowUp === false}
              onChange={(event) => {
                const due = fromDateInput(event.target.value)
                const { followUpDue: _previous, ...rest } = draft
                const next: NoteDraft = due === undefined ? rest : { ...rest, followUpDue: due }
                setDraft({ ...next, hasFollowUp: true })
                session.update({ ...next, hasFollowUp: true })
              }}
            />
            <span className="capture-hint">{t('capture.followUpHint')}</span>
          </div>
        )}

        <footer className="capture-footer">
          <span className="capture-hint">{t('capture.closeHint', { shortcut: doneShortcut })}</span>
          <button type="submit" className="button-primary" disabled={finishing}>
            {t('capture.done')}
          </button>
        </footer>
      </form>
    </dialog>
  )
}
