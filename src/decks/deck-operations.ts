/**
 * Operations on decks, each taking the `Writer` of one write so that the controller records it
 * for undo. The pure list moves (`moveItem`) are kept apart so they can be tested on their own.
 */
import { newId } from '../model/ids'
import type { Deck, Slide, TrashItem } from '../model/records'
import type { Writer } from '../db/notebook-store'
import { mapViewJson, readMapSlideView } from './slide-view'
import type { MapSlideView } from './slide-view'

export type SlideDraft = Omit<Slide, 'id'>

/** The list with the item at `from` moved to `to` (both clamped); the same list if nothing moves. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const result = [...list]
  if (from < 0 || from >= list.length) return result
  const target = Math.max(0, Math.min(list.length - 1, to))
  if (target === from) return result
  const [item] = result.splice(from, 1)
  result.splice(target, 0, item!)
  return result
}

async function deckOrThrow(writer: Writer, deckId: string): Promise<Deck> {
  const deck = await writer.get('decks', deckId)
  if (!deck) throw new Error(`No deck ${deckId}`)
  return deck
}

export async function createDeck(writer: Writer, name: string, slides: SlideDraft[] = []) {
  return writer.put('decks', {
    id: newId(),
    name: name.trim(),
    slides: slides.map((slide) => ({ ...slide, id: newId() })),
  })
}

export async function renameDeck(writer: Writer, deckId: string, name: string) {
  return writer.update('decks', deckId, { name: name.trim() })
}

/** Adds a slide at `index` (at the end by default); returns the deck and the new slide. */
export async function addSlide(
  writer: Writer,
  deckId: string,
  draft: SlideDraft,
  index?: number,
): Promise<{ deck: Deck; slide: Slide }> {
  const deck = await deckOrThrow(writer, deckId)
  const slide: Slide = { ...draft, id: newId() }
  const slides = [...deck.slides]
  slides.splice(index ?? slides.length, 0, slide)
  return { deck: await writer.put('decks', { ...deck, slides }), slide }
}

export async function updateSlide(
  writer: Writer,
  deckId: string,
  slideId: string,
  patch: Partial<Omit<Slide, 'id'>>,
): Promise<Deck> {
  const deck = await deckOrThrow(writer, deckId)
  const slides = deck.slides.map((slide) => (slide.id === slideId ? { ...slide, ...patch } : slide))
  return writer.put('decks', { ...deck, slides })
}

/** Changes a map slide's view (moved entries, new ones placed) through `change`. */
export async function updateMapSlideView(
  writer: Writer,
  deckId: string,
  slideId: string,
  change: (view: MapSlideView) => MapSlideView,
): Promise<Deck> {
  const deck = await deckOrThrow(writer, deckId)
  const slides = deck.slides.map((slide) =>
    slide.id === slideId && slide.kind === 'map'
      ? { ...slide, view: mapViewJson(change(readMapSlideView(slide.view))) }
      : slide,
  )
  return writer.put('decks', { ...deck, slides })
}

export async function moveSlide(writer: Writer, deckId: string, from: number, to: number) {
  const deck = await deckOrThrow(writer, deckId)
  return writer.put('decks', { ...deck, slides: moveItem(deck.slides, from, to) })
}

export async function duplicateSlide(writer: Writer, deckId: string, slideId: string) {
  const deck = await deckOrThrow(writer, deckId)
  const index = deck.slides.findIndex((slide) => slide.id === slideId)
  if (index < 0) return { deck, index: -1 }
  const copy: Slide = { ...structuredClone(deck.slides[index]!), id: newId() }
  const slides = [...deck.slides]
  slides.splice(index + 1, 0, copy)
  return { deck: await writer.put('decks', { ...deck, slides }), index: index + 1 }
}

export async function deleteSlide(writer: Writer, deckId: string, slideId: string) {
  const deck = await deckOrThrow(writer, deckId)
  return writer.put('decks', {
    ...deck,
    slides: deck.slides.filter((slide) => slide.id !== slideId),
  })
}

export async function trashDeck(writer: Writer, deckId: string): Promise<TrashItem | undefined> {
  const deck = await writer.get('decks', deckId)
  if (!deck) return undefined
  const item = await writer.put('trash', {
    id: newId(),
    label: deck.name,
    deletedAt: writer.now,
    records: [{ table: 'decks', value: deck }],
  })
  await writer.delete('decks', deckId)
  return item
}
