/**
 * The presentation: one slide at a time, full screen, large type, optionally in high contrast
 * for projectors. Arrow keys, Space and a clicker's Page Up / Page Down move; a number then Enter
 * jumps; Escape leaves. A soft spot follows the pointer so the room sees what is pointed at.
 *
 * Live edits on a map slide (move an entry, add one, tie two) go through `app.change()` like any
 * edit: saved to the notebook, undoable with Ctrl+Z, and kept by the slide (its positions).
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { updateMapSlideView } from '../../../src/decks/deck-operations'
import { readMapSlideView } from '../../../src/decks/slide-view'
import { createEntity } from '../../../src/notebook/entities'
import { createTie } from '../../../src/notebook/ties'
import type { EntityKind, TieType } from '../../../src/model/vocabulary'
import { describeError } from '../../actions/errors'
import type { ActionContext } from '../../actions/types'
import { useAppState } from '../../hooks/useApp'
import { useDeck } from '../../hooks/useDecks'
import { useDeckMapData } from '../../hooks/useMapData'
import type { MapData } from '../../hooks/useMapData'
import { isTypingTarget } from '../../platform/keyboard'
import { AddEntityDialog, TieDialog } from '../Map/MapDialogs'
import { rememberDeck } from '../Decks/slide-source'
import { SlideBody } from './SlideBody'
import type { Look } from './SlideBody'
import type { FrameMemory } from './SlideMap'
import { openPresentationChannel, presentationScale } from './presentation-channel'
import type { PresentationMessage } from './presentation-channel'
import './Present.css'

const LOOK_KEY = 'carnet.presentationLook'

function useWindowHeight(): number {
  const [height, setHeight] = useState(() => window.innerHeight)
  useEffect(() => {
    const onResize = () => setHeight(window.innerHeight)
    window.addEventListener('resize', onResize)
    return () => window.removeEventListener('resize', onResize)
  }, [])
  return height
}

function initialLook(theme: 'system' | 'light' | 'dark'): Look {
  const stored = window.localStorage.getItem(LOOK_KEY)
  if (stored === 'contrast') return 'contrast'
  if (theme === 'dark') return 'dark'
  if (theme === 'light') return 'light'
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'
}

type Pending = { kind: 'add' } | { kind: 'tie'; from: string } | null

export function Present({ context, deckId }: { context: ActionContext; deckId: string }) {
  const { t } = useTranslation()
  const { app } = context
  const state = useAppState()
  const deck = useDeck(deckId)
  const data = useDeckMapData(deck?.slides)
  const [index, setIndex] = useState(0)
  const [typed, setTyped] = useState('')
  const [look, setLook] = useState<Look>(() => initialLook(state.theme))
  const [selected, setSelected] = useState<string | null>(null)
  const [pending, setPending] = useState<Pending>(null)
  const [startedAt] = useState(() => Date.now())
  const [memory] = useState<FrameMemory>(() => new Map())
  const pointer = useRef<HTMLDivElement>(null)
  const root = useRef<HTMLDivElement>(null)
  const height = useWindowHeight()
  const count = deck?.slides.length ?? 0
  const current = Math.min(index, Math.max(0, count - 1))
  const slide = deck?.slides[current]

  const go = useCallback(
    (next: number) => {
      setSelected(null)
      setIndex(Math.max(0, Math.min(count - 1, next)))
    },
    [count],
  )
  const leave = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined)
    context.navigate('decks', deckId)
  }, [context, deckId])

  useEffect(() => {
    const notebook = app.state.notebook
    if (notebook) rememberDeck(notebook.entry.id, deckId)
    // Full screen needs the gesture that opened the presentation; without it, the window stays.
    document.documentElement.requestFullscreen?.().catch(() => undefined)
    return () => {
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined)
    }
  }, [app, deckId])

  // The keys work from anywhere, but the focus belongs on the slides: left where it was (the
  // palette, or the button that presented), it would be on something no longer shown. The root is
  // rendered once the deck is read, so this waits for that rather than running on mount.
  const loaded = deck !== undefined
  useEffect(() => {
    if (loaded) root.current?.focus()
  }, [loaded])

  // The presenter view in the other window follows this one.
  const channel = useRef<ReturnType<typeof openPresentationChannel> | null>(null)
  const announce = useRef(() => {})
  const goRef = useRef(go)
  useEffect(() => {
    goRef.current = go
  })
  useEffect(() => {
    const opened = openPresentationChannel(deckId, (message: PresentationMessage) => {
      if (message.type === 'go') goRef.current(message.index)
      if (message.type === 'hello') announce.current()
    })
    channel.current = opened
    return () => {
      opened.post({ type: 'ended' })
      opened.close()
    }
  }, [deckId])
  useEffect(() => {
    announce.current = () =>
      channel.current?.post({ type: 'state', index: current, startedAt, count })
    announce.current()
  }, [current, startedAt, count])

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return
      if (document.querySelector('dialog[open]') || isTypingTarget(event.target)) return
      const key = event.key
      if (['ArrowRight', 'ArrowDown', 'PageDown', ' '].includes(key)) {
        event.preventDefault()
        setTyped('')
        go(current + 1)
      } else if (['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace'].includes(key)) {
        event.preventDefault()
        setTyped('')
        go(current - 1)
      } else if (key === 'Home') {
        event.preventDefault()
        go(0)
      } else if (key === 'End') {
        event.preventDefault()
        go(count - 1)
      } else if (/^[0-9]$/.test(key)) {
        event.preventDefault()
        setTyped((value) => (value + key).slice(-4))
      } else if (key === 'Enter' && typed) {
        event.preventDefault()
        go(Number(typed) - 1)
        setTyped('')
      } else if (key === 'Escape') {
        event.preventDefault()
        if (typed) setTyped('')
        else leave()
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [go, current, count, typed, leave])

  const guarded = async (body: () => Promise<void>) => {
    try {
      await body()
    } catch (error) {
      app.toast(describeError(error, t), { tone: 'error' })
    }
  }
  const nameOf = (id: string) => data?.entities.find((entity) => entity.id === id)?.name ?? ''

  const moveEntity = (id: string, point: { x: number; y: number }) =>
    guarded(async () => {
      if (!slide) return
      await app.change(t('deck.history.moveEntity', { name: nameOf(id) }), (writer) =>
        updateMapSlideView(writer, deckId, slide.id, (view) => ({
          ...view,
          positions: { ...view.positions, [id]: { ...point, pinned: true } },
        })),
      )
    })
  const addEntity = (input: { kind: EntityKind; name: string }) =>
    guarded(async () => {
      setPending(null)
      if (!slide) return
      const view = readMapSlideView(slide.view)
      // The new entry appears at the middle of what the room sees.
      const at = { x: -view.camera.x / view.camera.k, y: -view.camera.y / view.camera.k }
      const entity = await app.change(
        t('deck.history.addEntity', { name: input.name }),
        async (writer) => {
          const created = await createEntity(writer, input)
          await updateMapSlideView(writer, deckId, slide.id, (old) => ({
            ...old,
            positions: { ...old.positions, [created.id]: { ...at, pinned: true } },
          }))
          return created
        },
      )
      setSelected(entity.id)
      root.current?.focus()
    })
  const addTie = (from: string, input: { to: string; type: TieType; strength: number }) =>
    guarded(async () => {
      setPending(null)
      await app.change(
        t('deck.history.addTie', { from: nameOf(from), to: nameOf(input.to) }),
        (writer) => createTie(writer, { from, ...input, evidence: [] }),
      )
      root.current?.focus()
    })

  // A second desktop window, or a popup in a browser (the bridge decides).
  const openPresenter = () => guarded(() => app.bridge.openPresenter(deckId))
  const toggleContrast = () => {
    const next: Look =
      look === 'contrast' ? (state.theme === 'dark' ? 'dark' : 'light') : 'contrast'
    window.localStorage.setItem(LOOK_KEY, next === 'contrast' ? 'contrast' : 'normal')
    setLook(next)
  }

  if (deck === undefined) return null
  const scale = presentationScale(height)
  return (
    <div
      ref={root}
      className={`present present-${look}`}
      role="region"
      aria-roledescription={t('deck.slideList')}
      aria-label={deck ? t('present.label', { name: deck.name }) : t('present.notFound')}
      tabIndex={-1}
      data-testid="presentation"
      data-slide-index={current}
      onPointerMove={(event) => {
        const spot = pointer.current
        if (!spot) return
        spot.style.transform = `translate(${String(event.clientX)}px, ${String(event.clientY)}px)`
        spot.hidden = false
      }}
      onPointerLeave={() => {
        if (pointer.current) pointer.current.hidden = true
      }}
    >
      <div className="present-stage">
        {!deck ? (
          <p className="present-message">{t('present.notFound')}</p>
        ) : !slide ? (
          <p className="present-message">{t('present.empty')}</p>
        ) : (
          <SlideBody
            key={slide.kind === 'map' ? 'map' : slide.id}
            slide={slide}
            data={data}
            look={look}
            scale={scale}
            interactive
            entrance
            selected={selected}
            memory={memory}
            onSelect={setSelected}
            onMove={(id, point) => void moveEntity(id, point)}
          />
        )}
      </div>
      <div className="present-bar">
        <span className="present-position" role="status" data-testid="present-position">
          {count > 0 ? t('present.position', { n: current + 1, total: count }) : ''}
          {typed && <span className="present-typed"> → {typed}</span>}
        </span>
        <span className="present-spacer" />
        {slide?.kind === 'map' && (
          <>
            <button type="button" onClick={() => setPending({ kind: 'add' })}>
              {t('present.addEntity')}
            </button>
            <button
              type="button"
              disabled={!selected}
              onClick={() => selected && setPending({ kind: 'tie', from: selected })}
            >
              {t('present.addTie')}
            </button>
          </>
        )}
        <button type="button" aria-pressed={look === 'contrast'} onClick={toggleContrast}>
          {t('present.contrast')}
        </button>
        <button type="button" onClick={() => void openPresenter()}>
          {t('present.presenter')}
        </button>
        <button type="button" aria-label={t('present.previous')} onClick={() => go(current - 1)}>
          ←
        </button>
        <button type="button" aria-label={t('present.next')} onClick={() => go(current + 1)}>
          →
        </button>
        <button type="button" onClick={leave}>
          {t('present.exit')}
        </button>
      </div>
      <p className="visually-hidden">{t('present.help')}</p>
      <div ref={pointer} className="present-pointer" aria-hidden="true" hidden />
      {pending?.kind === 'add' && (
        <AddEntityDialog
          onCreate={(input) => void addEntity(input)}
          onCancel={() => setPending(null)}
        />
      )}
      {pending?.kind === 'tie' && data && (
        <TieDialogFor
          from={pending.from}
          data={data}
          onCreate={(input) => void addTie(pending.from, input)}
          onCancel={() => setPending(null)}
        />
      )}
    </div>
  )
}

function TieDialogFor({
  from,
  data,
  onCreate,
  onCancel,
}: {
  from: string
  data: MapData
  onCreate: (input: { to: string; type: TieType; strength: number }) => void
  onCancel: () => void
}) {
  const entity = data.entities.find((one) => one.id === from)
  if (!entity) return null
  return (
    <TieDialog
      from={entity}
      to={null}
      entities={data.entities}
      onCreate={onCreate}
      onCancel={onCancel}
    />
  )
}
