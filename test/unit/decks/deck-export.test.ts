import { describe, expect, it } from 'vitest'
import { standaloneSlides } from '../../../src/decks/deck-export'
import type { MapPainter } from '../../../src/decks/deck-export'
import { mapViewJson } from '../../../src/decks/slide-view'
import { writeStandaloneHtml } from '../../../src/decks/standalone-html'
import { DEFAULT_FILTERS } from '../../../src/graph/shown-graph'
import type { Deck, Entity, Tie } from '../../../src/model/records'
import { hostileNames } from '../../helpers/hostile-names'

const entity = (id: string, kind: Entity['kind'], name: string): Entity => ({
  id,
  kind,
  name,
  tags: [],
  summary: `Private summary of ${name}`,
  createdAt: 1,
  updatedAt: 1,
})
const tie = (id: string, from: string, to: string): Tie => ({
  id,
  from,
  to,
  type: 'frequents',
  strength: 3,
  sentiment: 0,
  note: `Private note ${id}`,
  evidence: [],
  createdAt: 1,
  updatedAt: 1,
})

/** A painter that writes out everything it is given, so a leak would show in the file. */
const everything: MapPainter = (graph, positions) => ({
  svg: `<svg xmlns="http://www.w3.org/2000/svg"><desc>${JSON.stringify({
    graph,
    positions: [...positions],
  })
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')}</desc></svg>`,
  width: 100,
  height: 100,
})

describe('deck export', () => {
  const hostile =
    hostileNames().find(({ name }) => name.includes('<script'))?.name ?? '<script>x</script>'
  const entities = [
    entity('shown', 'place', hostile),
    entity('absent', 'customer', 'Absent Customer Zéphyrine'),
    entity('other', 'place', 'javascript:alert(1)'),
  ]
  const ties = [tie('t1', 'shown', 'other'), tie('t2', 'absent', 'shown')]
  const deck: Deck = {
    id: 'd',
    name: 'Deck',
    createdAt: 1,
    updatedAt: 1,
    slides: [
      {
        id: 's1',
        kind: 'map',
        title: 'Places only',
        caption: '',
        speakerNotes: 'Speaker secret',
        view: mapViewJson({
          filters: { ...DEFAULT_FILTERS, kinds: ['place'] },
          positions: { shown: { x: 0, y: 0, pinned: false } },
          camera: { x: 0, y: 0, k: 1 },
          highlights: [],
        }),
      },
      { id: 's2', kind: 'text', title: 'Thanks', caption: 'Bye', speakerNotes: '', view: {} },
    ],
  }

  it('leaves out a customer absent from every slide, and speaker notes', () => {
    const slides = standaloneSlides(deck, { entities, ties }, everything, (slide) => slide.title)
    const html = writeStandaloneHtml({
      title: deck.name,
      lang: 'en',
      slides,
      labels: { position: '{n}/{total}', previous: 'P', next: 'N', help: 'h', empty: 'e' },
    })
    const readable = html.replace(
      /data:image\/svg\+xml;charset=utf-8,([^"]*)/g,
      (_, body: string) => decodeURIComponent(body.replace(/&amp;/g, '&')),
    )
    expect(readable).toContain('Places only')
    expect(readable).not.toContain('Absent Customer')
    expect(readable).not.toContain('absent')
    expect(readable).not.toContain('Private note t2')
    expect(readable).not.toContain('Speaker secret')
    // The hostile name is in the picture only, as data: it never becomes markup of the page.
    expect(html.match(/<script/g)).toHaveLength(1)
  })
})
