/**
 * A deck's files: the standalone HTML (maps drawn as SVG from each slide's own graph, see
 * src/decks/deck-export.ts) and the pictures the print view shows.
 */
import { standaloneSlides } from '../../../src/decks/deck-export'
import type { StandaloneSlide } from '../../../src/decks/standalone-html'
import { writeStandaloneHtml } from '../../../src/decks/standalone-html'
import type { Deck } from '../../../src/model/records'
import type { NotebookDb } from '../../../src/db/notebook-db'
import type { TFunction } from 'i18next'
import { getBridge } from '../../platform/bridge'
import { buildMapSvg } from '../Map/map-export'

export async function deckPictures(
  db: NotebookDb,
  deck: Deck,
  t: TFunction,
): Promise<StandaloneSlide[]> {
  const [entities, ties, transactions] = await Promise.all([
    db.entities.toArray(),
    db.ties.toArray(),
    db.transactions.toArray(),
  ])
  const values = new Map<string, number>()
  for (const one of transactions)
    values.set(one.customerId, (values.get(one.customerId) ?? 0) + one.amount)
  return standaloneSlides(
    deck,
    { entities, ties, values },
    (graph, positions, slide) =>
      buildMapSvg(graph, positions, {
        title: slide.title || deck.name,
        kindLabel: (kind) => t(`entityKind.${kind}`),
        familyLabel: (family) => t(`map.family.${family}`),
        legendTitle: t('map.legend'),
      }),
    (slide) => t('deck.mapAlt', { title: slide.title || deck.name }),
  )
}

export function fileBaseName(name: string): string {
  return name.replace(/[\\/:*?"<>|]+/g, '-').slice(0, 80) || 'carnet'
}

export async function exportDeckHtml(db: NotebookDb, deck: Deck, t: TFunction, lang: 'en' | 'fr') {
  const html = writeStandaloneHtml({
    title: deck.name,
    lang,
    slides: await deckPictures(db, deck, t),
    labels: {
      position: t('present.positionTemplate'),
      previous: t('present.previous'),
      next: t('present.next'),
      help: t('present.help'),
      empty: t('present.empty'),
    },
  })
  return getBridge().saveFile({
    title: t('deck.exportHtml'),
    suggestedName: `${fileBaseName(deck.name)}.html`,
    filters: [{ name: t('deck.htmlFileType'), extensions: ['html'] }],
    bytes: new TextEncoder().encode(html),
  })
}

/**
 * A deck as a PDF, one landscape page per slide: on the desktop the shell prints the print view
 * in a hidden window and asks where to save; in a browser the print view opens the print dialog.
 */
export function exportDeckPdf(deck: Deck, t: TFunction) {
  return getBridge().printDeckToPdf({
    deckId: deck.id,
    title: t('deck.exportPdf'),
    suggestedName: `${fileBaseName(deck.name)}.pdf`,
    fileTypeName: t('deck.pdfFileType'),
  })
}
