/**
 * Which view "Add to deck" would add: the screen showing a map or a chart registers a function
 * that describes its current view as a slide, and unregisters it when it goes. Also remembers
 * the deck the user worked on last, which is where new slides go.
 */
import type { SlideDraft } from '../../../src/decks/deck-operations'

type Source = () => SlideDraft | Promise<SlideDraft>

let source: Source | null = null

export function setSlideSource(next: Source): () => void {
  source = next
  return () => {
    if (source === next) source = null
  }
}

export function currentSlideSource(): Source | null {
  return source
}

const LAST_DECK_KEY = 'carnet.lastDeck'

export function lastDeckId(notebookId: string): string | null {
  try {
    return window.localStorage.getItem(`${LAST_DECK_KEY}.${notebookId}`)
  } catch {
    return null
  }
}

export function rememberDeck(notebookId: string, deckId: string): void {
  try {
    window.localStorage.setItem(`${LAST_DECK_KEY}.${notebookId}`, deckId)
  } catch {
    // Private windows may refuse storage: the next slide then goes to the newest deck.
  }
}
