/**
 * A deck laid out for printing: one slide per page (landscape), the same pictures as the HTML
 * export. Once every picture is decoded it says so through the bridge (`printViewReady`): in a
 * browser that opens the print dialog, where "Save as PDF" makes the file; on the desktop this
 * view runs in a hidden window and the shell prints it to PDF (electron/main/deck-windows.ts).
 */
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { StandaloneSlide } from '../../../src/decks/standalone-html'
import type { ActionContext } from '../../actions/types'
import { Markdown } from '../../components/Markdown'
import { useAppState } from '../../hooks/useApp'
import { useDeck } from '../../hooks/useDecks'
import { getBridge } from '../../platform/bridge'
import { deckPictures } from './deck-files'
import './Decks.css'

interface Printed {
  slide: StandaloneSlide
  url: string | null
}

export function DeckPrint({ context, deckId }: { context: ActionContext; deckId: string }) {
  const { t } = useTranslation()
  const db = useAppState().notebook?.store.db
  const deck = useDeck(deckId)
  const [pages, setPages] = useState<Printed[] | null>(null)

  useEffect(() => {
    if (!db || !deck) return
    let live = true
    const urls: string[] = []
    void deckPictures(db, deck, t).then((slides) => {
      if (!live) return
      setPages(
        slides.map((slide) => {
          if (!slide.picture) return { slide, url: null }
          const url = URL.createObjectURL(new Blob([slide.picture.svg], { type: 'image/svg+xml' }))
          urls.push(url)
          return { slide, url }
        }),
      )
    })
    return () => {
      live = false
      for (const url of urls) URL.revokeObjectURL(url)
    }
  }, [db, deck, t])

  useEffect(() => {
    if (!pages) return
    const images = [...document.querySelectorAll<HTMLImageElement>('.deck-print img')]
    void Promise.all(images.map((image) => image.decode().catch(() => undefined)))
      .then(() => getBridge().printViewReady())
      .catch(() => undefined)
  }, [pages])

  return (
    <div className="deck-print">
      <div className="deck-print-bar">
        <p>{t('deck.printHelp')}</p>
        <button type="button" onClick={() => window.print()}>
          {t('deck.exportPdf')}
        </button>
        <button type="button" onClick={() => context.navigate('decks', deckId)}>
          {t('common.close')}
        </button>
      </div>
      {pages?.map(({ slide, url }, index) => (
        <section key={index} className={`deck-print-page deck-print-${slide.kind}`}>
          {slide.title && <h2>{slide.title}</h2>}
          {url && slide.picture && <img src={url} alt={slide.picture.alt} />}
          {slide.caption.trim() && <Markdown text={slide.caption} />}
        </section>
      ))}
    </div>
  )
}
