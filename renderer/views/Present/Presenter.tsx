/**
 * The presenter view, in a second window: the slide the room sees, the next one, the speaker
 * notes and a timer. It follows the presentation over a BroadcastChannel and can move it.
 */
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Markdown } from '../../components/Markdown'
import { useDeck } from '../../hooks/useDecks'
import { useDeckMapData } from '../../hooks/useMapData'
import { SlideBody } from './SlideBody'
import { formatElapsed, openPresentationChannel } from './presentation-channel'
import type { PresentationMessage } from './presentation-channel'
import './Present.css'

export function Presenter({ deckId }: { deckId: string }) {
  const { t } = useTranslation()
  const deck = useDeck(deckId)
  const data = useDeckMapData(deck?.slides)
  const [index, setIndex] = useState<number | null>(null)
  const [startedAt, setStartedAt] = useState(() => Date.now())
  const [now, setNow] = useState(() => Date.now())
  const channel = useRef<ReturnType<typeof openPresentationChannel> | null>(null)

  useEffect(() => {
    const opened = openPresentationChannel(deckId, (message: PresentationMessage) => {
      if (message.type === 'state') {
        setIndex(message.index)
        setStartedAt((previous) => Math.min(previous, message.startedAt))
      }
      if (message.type === 'ended') setIndex(null)
    })
    channel.current = opened
    opened.post({ type: 'hello' })
    return () => opened.close()
  }, [deckId])
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000)
    return () => window.clearInterval(timer)
  }, [])
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (index === null) return
      if (['ArrowRight', 'PageDown', ' '].includes(event.key)) {
        event.preventDefault()
        channel.current?.post({ type: 'go', index: index + 1 })
      } else if (['ArrowLeft', 'PageUp'].includes(event.key)) {
        event.preventDefault()
        channel.current?.post({ type: 'go', index: index - 1 })
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [index])

  const slide = index === null ? undefined : deck?.slides[index]
  const next = index === null ? undefined : deck?.slides[index + 1]
  return (
    <div className="presenter" data-testid="presenter">
      <header className="presenter-header">
        <h1>{t('present.presenter')}</h1>
        <span className="presenter-position" role="status">
          {index !== null && deck
            ? t('present.position', { n: index + 1, total: deck.slides.length })
            : t('present.waiting')}
        </span>
        <span className="present-spacer" />
        <span className="presenter-timer" aria-label={t('present.timer')}>
          {formatElapsed(now - startedAt)}
        </span>
        <button type="button" onClick={() => setStartedAt(Date.now())}>
          {t('present.resetTimer')}
        </button>
        <button
          type="button"
          disabled={index === null}
          onClick={() => index !== null && channel.current?.post({ type: 'go', index: index - 1 })}
        >
          {t('present.previous')}
        </button>
        <button
          type="button"
          disabled={index === null}
          onClick={() => index !== null && channel.current?.post({ type: 'go', index: index + 1 })}
        >
          {t('present.next')}
        </button>
      </header>
      <div className="presenter-body">
        <section className="presenter-current" aria-label={t('present.current')}>
          <h2 className="presenter-label">{t('present.current')}</h2>
          <div className="presenter-frame">
            {slide && <SlideBody slide={slide} data={data} look="light" scale={1} />}
          </div>
        </section>
        <section className="presenter-side">
          <h2 className="presenter-label">{t('present.nextSlide')}</h2>
          <div className="presenter-frame presenter-frame-small">
            {next ? (
              <SlideBody slide={next} data={data} look="light" scale={1} showCaption={false} />
            ) : (
              <p className="muted">{t('present.end')}</p>
            )}
          </div>
          <h2 className="presenter-label">{t('present.notes')}</h2>
          <div className="presenter-notes" data-testid="speaker-notes">
            {slide?.speakerNotes.trim() ? (
              <Markdown text={slide.speakerNotes} />
            ) : (
              <p className="muted">{t('present.noNotes')}</p>
            )}
          </div>
        </section>
      </div>
    </div>
  )
}
