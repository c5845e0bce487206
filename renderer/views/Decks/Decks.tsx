/**
 * Decks: the list of a notebook's decks, and one deck's editor — its slides in order (drag, or
 * Alt+↑ / Alt+↓ on a focused slide, to reorder; duplicate; delete; all undoable), the chosen
 * slide's title, caption and speaker notes, a preview, and the deck's exports.
 */
import { useEffect, useState } from 'react'
import type { DragEvent, KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import {
  addSlide,
  deleteSlide,
  duplicateSlide,
  moveSlide,
  renameDeck,
  trashDeck,
  updateSlide,
} from '../../../src/decks/deck-operations'
import type { Deck, Slide } from '../../../src/model/records'
import { newDeckAction } from '../../actions/deck-actions'
import { describeError } from '../../actions/errors'
import type { ActionContext } from '../../actions/types'
import { useAppState } from '../../hooks/useApp'
import { useDeck, useDecks } from '../../hooks/useDecks'
import { useDeckMapData } from '../../hooks/useMapData'
import { SlideBody } from '../Present/SlideBody'
import { exportDeckHtml, exportDeckPdf } from './deck-files'
import { rememberDeck } from './slide-source'
import './Decks.css'

export function Decks({ context, deckId }: { context: ActionContext; deckId: string | undefined }) {
  const { t } = useTranslation()
  const decks = useDecks()
  const deck = useDeck(deckId)
  if (deckId && deck) return <DeckEditor context={context} deck={deck} />
  return (
    <div className="view decks-view">
      <header className="view-header decks-header">
        <h1>{t('deck.title')}</h1>
        <button type="button" onClick={() => void newDeckAction.perform(context)}>
          {t('deck.new')}
        </button>
      </header>
      {deckId && deck === null && <p className="muted">{t('present.notFound')}</p>}
      {decks && decks.length === 0 && (
        <div className="decks-empty">
          <h2>{t('deck.empty')}</h2>
          <p className="muted">{t('deck.emptyBody')}</p>
        </div>
      )}
      {decks && decks.length > 0 && (
        <ul className="decks-list" aria-label={t('deck.list')}>
          {decks.map((one) => (
            <li key={one.id} className="card decks-card" data-testid="deck-card">
              <a href={`#/decks/${encodeURIComponent(one.id)}`} className="decks-card-name">
                {one.name}
              </a>
              <span className="muted">{t('deck.slides', { count: one.slides.length })}</span>
              <button
                type="button"
                disabled={one.slides.length === 0}
                onClick={() => context.navigate('present', one.id)}
              >
                {t('deck.present')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

function DeckEditor({ context, deck }: { context: ActionContext; deck: Deck }) {
  const { t } = useTranslation()
  const { app } = context
  const state = useAppState()
  const data = useDeckMapData(deck.slides)
  const [selectedId, setSelectedId] = useState<string | null>(deck.slides[0]?.id ?? null)
  const [dragging, setDragging] = useState<number | null>(null)
  const selectedIndex = deck.slides.findIndex((slide) => slide.id === selectedId)
  // A slide just added is chosen before the deck shows it: wait for it rather than edit another.
  const selected =
    selectedIndex >= 0
      ? deck.slides[selectedIndex]
      : selectedId === null
        ? deck.slides[0]
        : undefined

  useEffect(() => {
    const notebook = app.state.notebook
    if (notebook) rememberDeck(notebook.entry.id, deck.id)
  }, [app, deck.id])

  const guarded = async (body: () => Promise<void>) => {
    try {
      await body()
    } catch (error) {
      app.toast(describeError(error, t), { tone: 'error' })
    }
  }
  const focusSlide = (index: number) =>
    requestAnimationFrame(() =>
      document.querySelectorAll<HTMLElement>('.deck-slide-item')[index]?.focus(),
    )
  const move = (from: number, to: number) =>
    guarded(async () => {
      if (to < 0 || to >= deck.slides.length || from === to) return
      await app.change(t('deck.history.moveSlide'), (writer) =>
        moveSlide(writer, deck.id, from, to),
      )
      focusSlide(to)
    })
  const duplicate = (slide: Slide) =>
    guarded(async () => {
      const { deck: next, index } = await app.change(t('deck.history.duplicateSlide'), (writer) =>
        duplicateSlide(writer, deck.id, slide.id),
      )
      const copy = next.slides[index]
      if (copy) setSelectedId(copy.id)
    })
  const remove = (slide: Slide) =>
    guarded(async () => {
      const index = deck.slides.findIndex((one) => one.id === slide.id)
      const neighbour = deck.slides[index + 1] ?? deck.slides[index - 1]
      await app.change(t('deck.history.deleteSlide'), (writer) =>
        deleteSlide(writer, deck.id, slide.id),
      )
      setSelectedId(neighbour?.id ?? null)
      app.toast(t('deck.history.deleteSlide'), {
        tone: 'info',
        action: { label: t('common.undo'), run: () => void app.history.undo() },
      })
    })
  const addText = () =>
    guarded(async () => {
      const { slide } = await app.change(
        t('deck.history.addSlide', { name: deck.name }),
        (writer) =>
          addSlide(
            writer,
            deck.id,
            { kind: 'text', title: '', caption: '', speakerNotes: '', view: {} },
            selectedIndex >= 0 ? selectedIndex + 1 : undefined,
          ),
      )
      setSelectedId(slide.id)
    })
  const edit = (slide: Slide, patch: Partial<Pick<Slide, 'title' | 'caption' | 'speakerNotes'>>) =>
    guarded(async () => {
      const changed = Object.entries(patch).some(
        ([key, value]) => slide[key as keyof typeof patch] !== value,
      )
      if (!changed) return
      await app.change(t('deck.history.editSlide'), (writer) =>
        updateSlide(writer, deck.id, slide.id, patch),
      )
    })
  const rename = () =>
    guarded(async () => {
      const name = await context.dialogs.prompt({
        title: t('deck.rename'),
        label: t('deck.nameLabel'),
        initial: deck.name,
        confirmLabel: t('common.rename'),
      })
      if (!name || name === deck.name) return
      await app.change(t('deck.history.rename', { name: deck.name }), (writer) =>
        renameDeck(writer, deck.id, name),
      )
    })
  const removeDeck = () =>
    guarded(async () => {
      const confirmed = await context.dialogs.confirm({
        title: t('deck.deleteTitle', { name: deck.name }),
        body: t('deck.deleteBody'),
        confirmLabel: t('common.delete'),
        danger: true,
      })
      if (!confirmed) return
      const navigate = context.navigateLater()
      await app.change(t('deck.history.delete', { name: deck.name }), (writer) =>
        trashDeck(writer, deck.id),
      )
      navigate('decks')
      app.toast(t('deck.deleted', { name: deck.name }), {
        tone: 'info',
        action: { label: t('common.undo'), run: () => void app.history.undo() },
      })
    })
  const exportHtml = () =>
    guarded(async () => {
      const db = app.state.notebook?.store.db
      if (!db) return
      const result = await exportDeckHtml(db, deck, t, state.language)
      if (result.status === 'saved') app.toast(t('deck.exported', { name: result.name }))
      else if (result.status === 'failed')
        app.toast(t('deck.exportFailed', { reason: result.reason }), { tone: 'error' })
    })

  const exportPdf = () =>
    guarded(async () => {
      app.toast(t('deck.makingPdf'))
      const result = await exportDeckPdf(deck, t)
      if (result.status === 'saved') app.toast(t('deck.exported', { name: result.name }))
      else if (result.status === 'failed')
        app.toast(t('deck.exportFailed', { reason: result.reason }), { tone: 'error' })
    })

  const onItemKeyDown = (event: KeyboardEvent<HTMLLIElement>, index: number) => {
    if (event.target !== event.currentTarget) return
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault()
      void move(index, index + (event.key === 'ArrowUp' ? -1 : 1))
    } else if (!event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault()
      const next = Math.max(
        0,
        Math.min(deck.slides.length - 1, index + (event.key === 'ArrowUp' ? -1 : 1)),
      )
      setSelectedId(deck.slides[next]!.id)
      focusSlide(next)
    } else if (event.key === 'Delete') {
      event.preventDefault()
      void remove(deck.slides[index]!)
    }
  }
  const onDrop = (event: DragEvent<HTMLLIElement>, index: number) => {
    event.preventDefault()
    if (dragging !== null) void move(dragging, index)
    setDragging(null)
  }

  return (
    <div className="view deck-editor">
      <header className="view-header decks-header">
        <h1>{deck.name}</h1>
        <div className="decks-toolbar" role="toolbar" aria-label={deck.name}>
          <button
            type="button"
            className="button-primary"
            disabled={deck.slides.length === 0}
            onClick={() => context.navigate('present', deck.id)}
          >
            {t('deck.present')}
          </button>
          <button type="button" onClick={() => void addText()}>
            {t('deck.addText')}
          </button>
          <button type="button" onClick={() => void exportHtml()}>
            {t('deck.exportHtml')}
          </button>
          <button type="button" onClick={() => void exportPdf()}>
            {t('deck.exportPdf')}
          </button>
          <button type="button" className="button-quiet" onClick={() => void rename()}>
            {t('deck.rename')}
          </button>
          <button type="button" className="button-quiet" onClick={() => void removeDeck()}>
            {t('deck.delete')}
          </button>
        </div>
      </header>
      <div className="deck-body">
        <section className="deck-slides" aria-labelledby="deck-slides-title">
          <h2 id="deck-slides-title" className="section-title">
            {t('deck.slideList')}
          </h2>
          <p id="deck-reorder-help" className="muted deck-small">
            {t('deck.reorderHelp')}
          </p>
          {deck.slides.length === 0 && <p className="muted">{t('deck.noSlides')}</p>}
          <ol className="deck-slide-list" aria-describedby="deck-reorder-help">
            {deck.slides.map((slide, index) => (
              <li
                key={slide.id}
                className={`deck-slide-item${slide.id === selected?.id ? ' is-selected' : ''}${
                  dragging === index ? ' is-dragging' : ''
                }`}
                tabIndex={0}
                draggable
                aria-current={slide.id === selected?.id ? 'true' : undefined}
                data-testid="deck-slide"
                onClick={() => setSelectedId(slide.id)}
                onFocus={(event) => {
                  if (event.target === event.currentTarget) setSelectedId(slide.id)
                }}
                onKeyDown={(event) => onItemKeyDown(event, index)}
                onDragStart={(event) => {
                  event.dataTransfer.effectAllowed = 'move'
                  event.dataTransfer.setData('text/plain', String(index))
                  setDragging(index)
                }}
                onDragOver={(event) => event.preventDefault()}
                onDrop={(event) => onDrop(event, index)}
                onDragEnd={() => setDragging(null)}
              >
                <span className="deck-slide-number">{index + 1}</span>
                <span className="deck-slide-text">
                  <span className="deck-slide-title">
                    {slide.title.trim() || t('deck.untitled')}
                  </span>
                  <span className="muted deck-small">{t(`deck.slideKind.${slide.kind}`)}</span>
                </span>
                <span className="deck-slide-actions">
                  <button
                    type="button"
                    className="button-quiet"
                    aria-label={`${t('deck.moveUp')} (${String(index + 1)})`}
                    title={t('deck.moveUp')}
                    disabled={index === 0}
                    onClick={(event) => {
                      event.stopPropagation()
                      void move(index, index - 1)
                    }}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="button-quiet"
                    aria-label={`${t('deck.moveDown')} (${String(index + 1)})`}
                    title={t('deck.moveDown')}
                    disabled={index === deck.slides.length - 1}
                    onClick={(event) => {
                      event.stopPropagation()
                      void move(index, index + 1)
                    }}
                  >
                    ↓
                  </button>
                </span>
              </li>
            ))}
          </ol>
        </section>
        {selected ? (
          <SlideEditor
            key={selected.id}
            slide={selected}
            onEdit={(patch) => void edit(selected, patch)}
            onDuplicate={() => void duplicate(selected)}
            onDelete={() => void remove(selected)}
            preview={<SlideBody slide={selected} data={data} look="light" scale={1} />}
          />
        ) : (
          <p className="muted deck-editor-empty">{t('deck.selectSlide')}</p>
        )}
      </div>
    </div>
  )
}

function SlideEditor({
  slide,
  onEdit,
  onDuplicate,
  onDelete,
  preview,
}: {
  slide: Slide
  onEdit: (patch: Partial<Pick<Slide, 'title' | 'caption' | 'speakerNotes'>>) => void
  onDuplicate: () => void
  onDelete: () => void
  preview: React.ReactNode
}) {
  const { t } = useTranslation()
  const [title, setTitle] = useState(slide.title)
  const [caption, setCaption] = useState(slide.caption)
  const [notes, setNotes] = useState(slide.speakerNotes)
  return (
    <section className="deck-slide-editor">
      <div className="deck-preview" data-testid="deck-preview">
        {preview}
      </div>
      <div className="deck-fields">
        <label className="deck-field">
          <span>{t('deck.titleLabel')}</span>
          <input
            value={title}
            maxLength={500}
            onChange={(event) => setTitle(event.target.value)}
            onBlur={() => onEdit({ title })}
          />
        </label>
        <label className="deck-field">
          <span>{t('deck.captionLabel')}</span>
          <textarea
            value={caption}
            rows={3}
            onChange={(event) => setCaption(event.target.value)}
            onBlur={() => onEdit({ caption })}
          />
        </label>
        <label className="deck-field">
          <span>{t('deck.notesLabel')}</span>
          <textarea
            value={notes}
            rows={4}
            onChange={(event) => setNotes(event.target.value)}
            onBlur={() => onEdit({ speakerNotes: notes })}
          />
        </label>
        <div className="deck-field-actions">
          <button type="button" onClick={onDuplicate}>
            {t('deck.duplicate')}
          </button>
          <button type="button" className="button-quiet button-quiet-danger" onClick={onDelete}>
            {t('deck.deleteSlide')}
          </button>
        </div>
      </div>
    </section>
  )
}
