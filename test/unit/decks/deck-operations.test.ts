import { beforeEach, describe, expect, it } from 'vitest'
import { invertChanges } from '../../../src/db/change-set'
import { createNotebookDb } from '../../../src/db/notebook-db'
import type { NotebookDb } from '../../../src/db/notebook-db'
import { NotebookStore } from '../../../src/db/notebook-store'
import {
  addSlide,
  createDeck,
  deleteSlide,
  duplicateSlide,
  moveItem,
  moveSlide,
  trashDeck,
  updateMapSlideView,
  updateSlide,
} from '../../../src/decks/deck-operations'
import type { SlideDraft } from '../../../src/decks/deck-operations'
import { readMapSlideView } from '../../../src/decks/slide-view'
import { restoreTrashItem } from '../../../src/notebook/trash'
import { freshIndexedDb } from '../../helpers/fresh-idb'

let db: NotebookDb
let store: NotebookStore

beforeEach(async () => {
  db = createNotebookDb('decks', freshIndexedDb())
  await db.open()
  store = new NotebookStore(db)
})

const text = (title: string): SlideDraft => ({
  kind: 'text',
  title,
  caption: '',
  speakerNotes: '',
  view: {},
})

async function deckWith(titles: string[]) {
  const { result } = await store.write((writer) =>
    createDeck(writer, ' Workshop ', titles.map(text)),
  )
  return result
}

describe('moveItem', () => {
  it('moves forward, backward, and clamps', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a'])
    expect(moveItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b'])
    expect(moveItem(['a', 'b', 'c'], 1, 99)).toEqual(['a', 'c', 'b'])
    expect(moveItem(['a', 'b', 'c'], 5, 0)).toEqual(['a', 'b', 'c'])
  })
})

describe('deck operations', () => {
  it('creates a deck with slides of their own ids', async () => {
    const deck = await deckWith(['one', 'two'])
    expect(deck.name).toBe('Workshop')
    expect(deck.slides.map((slide) => slide.title)).toEqual(['one', 'two'])
    expect(new Set(deck.slides.map((slide) => slide.id)).size).toBe(2)
  })

  it('adds, moves, duplicates and deletes slides, each undoable', async () => {
    const deck = await deckWith(['one', 'two'])
    const added = await store.write((writer) => addSlide(writer, deck.id, text('three')))
    expect(added.result.deck.slides.map((s) => s.title)).toEqual(['one', 'two', 'three'])
    const moved = await store.write((writer) => moveSlide(writer, deck.id, 2, 0))
    expect(moved.result.slides.map((s) => s.title)).toEqual(['three', 'one', 'two'])
    const copy = await store.write((writer) =>
      duplicateSlide(writer, deck.id, moved.result.slides[1]!.id),
    )
    expect(copy.result.index).toBe(2)
    expect(copy.result.deck.slides.map((s) => s.title)).toEqual(['three', 'one', 'one', 'two'])
    const gone = await store.write((writer) =>
      deleteSlide(writer, deck.id, copy.result.deck.slides[0]!.id),
    )
    expect(gone.result.slides.map((s) => s.title)).toEqual(['one', 'one', 'two'])
    await store.replay(invertChanges(gone.changes))
    await store.replay(invertChanges(copy.changes))
    await store.replay(invertChanges(moved.changes))
    expect((await db.decks.get(deck.id))!.slides.map((s) => s.title)).toEqual([
      'one',
      'two',
      'three',
    ])
  })

  it('updates a slide and a map slide view', async () => {
    const { result: deck } = await store.write((writer) =>
      createDeck(writer, 'Maps', [
        {
          kind: 'map',
          title: 'Map',
          caption: '',
          speakerNotes: '',
          view: { positions: { a: { x: 1, y: 2, pinned: false } }, camera: { x: 0, y: 0, k: 2 } },
        },
      ]),
    )
    const slideId = deck.slides[0]!.id
    await store.write((writer) => updateSlide(writer, deck.id, slideId, { caption: '**Hi**' }))
    await store.write((writer) =>
      updateMapSlideView(writer, deck.id, slideId, (view) => ({
        ...view,
        positions: { ...view.positions, b: { x: 3.14159, y: 4, pinned: true } },
      })),
    )
    const slide = (await db.decks.get(deck.id))!.slides[0]!
    expect(slide.caption).toBe('**Hi**')
    const view = readMapSlideView(slide.view)
    expect(view.positions).toEqual({
      a: { x: 1, y: 2, pinned: false },
      b: { x: 3.14, y: 4, pinned: true },
    })
    expect(view.camera.k).toBe(2)
  })

  it('moves a deck to the trash and back', async () => {
    const deck = await deckWith(['one'])
    const { result: item } = await store.write((writer) => trashDeck(writer, deck.id))
    expect(await db.decks.get(deck.id)).toBeUndefined()
    await store.write((writer) => restoreTrashItem(writer, item!.id))
    expect((await db.decks.get(deck.id))?.slides).toHaveLength(1)
  })
})
