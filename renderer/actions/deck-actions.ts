/**
 * Decks and presentations: going to the decks, making one, adding what the screen shows as a
 * slide (from any map or chart, in one step) and presenting (F5). Every change goes through
 * `app.change()`, so it is undoable like any other.
 */
import { addSlide, createDeck } from '../../src/decks/deck-operations'
import type { SlideDraft } from '../../src/decks/deck-operations'
import { currentSlideSource, lastDeckId, rememberDeck } from '../views/Decks/slide-source'
import { describeError } from './errors'
import type { Action, ActionContext } from './types'

const hasNotebook = (context: ActionContext) => context.app.state.notebook !== null

async function guarded(context: ActionContext, body: () => Promise<void>): Promise<void> {
  try {
    await body()
  } catch (error) {
    context.app.toast(describeError(error, context.t), { tone: 'error' })
  }
}

/** The deck new slides go to and F5 presents: the one shown, the last used, or the newest. */
export async function targetDeckId(context: ActionContext): Promise<string | null> {
  const notebook = context.app.state.notebook
  if (!notebook) return null
  const db = notebook.store.db
  const candidates = [
    context.route === 'decks' || context.route === 'present' ? context.routeId : undefined,
    lastDeckId(notebook.entry.id) ?? undefined,
  ]
  for (const id of candidates) if (id && (await db.decks.get(id))) return id
  const decks = await db.decks.toArray()
  decks.sort((a, b) => b.updatedAt - a.updatedAt)
  return decks[0]?.id ?? null
}

/** Adds a slide to the target deck (making a deck first if there is none) as one undoable step. */
export async function addSlideToDeck(context: ActionContext, draft: SlideDraft): Promise<void> {
  const { app, t } = context
  const notebook = app.state.notebook
  if (!notebook) return
  const deckId = await targetDeckId(context)
  const deckName = deckId
    ? ((await notebook.store.db.decks.get(deckId))?.name ?? t('deck.defaultName'))
    : t('deck.defaultName')
  const { deck, count } = await app.change(
    t('deck.history.addSlide', { name: deckName }),
    async (writer) => {
      if (deckId) {
        const added = await addSlide(writer, deckId, draft)
        return { deck: added.deck, count: added.deck.slides.length }
      }
      const created = await createDeck(writer, deckName, [draft])
      return { deck: created, count: 1 }
    },
  )
  rememberDeck(notebook.entry.id, deck.id)
  app.toast(t('deck.added', { deck: deck.name, n: count }), {
    tone: 'info',
    action: { label: t('common.undo'), run: () => void app.history.undo() },
  })
}

export const goToDecksAction: Action = {
  name: 'go.decks',
  label: ({ t }) => t('deck.go'),
  group: 'navigate',
  keywords: ['deck', 'slides', 'présentation', 'diapositives', 'workshop', 'atelier'],
  isAvailable: hasNotebook,
  perform: (context) => context.navigate('decks'),
}

export const newDeckAction: Action = {
  name: 'deck.new',
  label: ({ t }) => t('deck.new'),
  group: 'actions',
  keywords: ['deck', 'slides', 'présentation', 'workshop', 'atelier'],
  isAvailable: hasNotebook,
  perform: (context) =>
    guarded(context, async () => {
      const { app, t, dialogs } = context
      const name = await dialogs.prompt({
        title: t('deck.new'),
        label: t('deck.nameLabel'),
        initial: t('deck.defaultName'),
        confirmLabel: t('common.create'),
      })
      if (!name) return
      const navigate = context.navigateLater()
      const deck = await app.change(t('deck.history.create', { name }), (writer) =>
        createDeck(writer, name),
      )
      const notebook = app.state.notebook
      if (notebook) rememberDeck(notebook.entry.id, deck.id)
      navigate('decks', deck.id)
    }),
}

export const addViewToDeckAction: Action = {
  name: 'deck.add-view',
  label: ({ t }) => t('deck.addViewAction'),
  group: 'actions',
  keywords: ['deck', 'slide', 'diapositive', 'présentation', 'add', 'ajouter'],
  isAvailable: hasNotebook,
  perform: (context) =>
    guarded(context, async () => {
      const source = currentSlideSource()
      if (!source) {
        context.app.toast(context.t('deck.nothingToAdd'))
        return
      }
      await addSlideToDeck(context, await source())
    }),
}

export const presentAction: Action = {
  name: 'deck.present',
  label: ({ t }) => t('deck.presentAction'),
  shortcut: 'F5',
  group: 'actions',
  keywords: ['present', 'présenter', 'slideshow', 'diaporama', 'projector', 'workshop'],
  isAvailable: (context) => hasNotebook(context) && context.route !== 'present',
  perform: (context) =>
    guarded(context, async () => {
      const id = await targetDeckId(context)
      if (!id) {
        context.navigate('decks')
        context.app.toast(context.t('deck.empty'))
        return
      }
      context.navigate('present', id)
    }),
}

export const DECK_ACTIONS: readonly Action[] = [
  goToDecksAction,
  newDeckAction,
  addViewToDeckAction,
  presentAction,
]
