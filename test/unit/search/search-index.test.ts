import { describe, expect, it } from 'vitest'
import type { Entity, Note } from '../../../src/model/records'
import {
  entityDocument,
  foldText,
  highlight,
  noteDocument,
  plainNoteText,
  SearchIndex,
  snippet,
  withinEdits,
} from '../../../src/search/search-index'

const stamps = { createdAt: 1, updatedAt: 1 }

function entity(id: string, name: string, extra: Partial<Entity> = {}): Entity {
  return { id, kind: 'customer', name, tags: [], summary: '', ...stamps, ...extra }
}

function note(id: string, text: string, extra: Partial<Note> = {}): Note {
  return {
    id,
    text,
    kind: 'conversation',
    touchpoint: 'shop',
    at: 10,
    about: [],
    tags: [],
    facets: [],
    source: 'observed',
    sentiment: 0,
    ...stamps,
    ...extra,
  }
}

function indexOf(entities: Entity[], notes: Note[] = []): SearchIndex {
  const index = SearchIndex.empty()
  index.addAll([...entities.map(entityDocument), ...notes.map(noteDocument)])
  return index
}

const ids = (index: SearchIndex, query: string) => index.search(query).map((hit) => hit.id)

describe('foldText', () => {
  it('lowercases and removes diacritics', () => {
    expect(foldText('Zoé')).toBe('zoe')
    expect(foldText('CAFÉ Crème')).toBe('cafe creme')
    expect(foldText('Élodie Lefèvre, Françoise')).toBe('elodie lefevre, francoise')
  })
})

describe('SearchIndex', () => {
  const index = indexOf(
    [
      entity('zoe', 'Zoé Fabre', { tags: ['habituée'] }),
      entity('cafe', 'Café Lune', {
        kind: 'place',
        summary: 'Le café du coin, terrasse au soleil.',
      }),
      entity('zoey', 'Zoey Park', { summary: 'Runs the cycling club.' }),
    ],
    [
      note('n1', 'Talked with [@Zoé Fabre](carnet:entity/zoe) about her sourdough starter.'),
      note('n2', "Elle a parlé d'une crevaison sur le chemin de l'école."),
      note('n3', 'Bought a croissant and a flat white.', { tags: ['coffee'] }),
    ],
  )

  it('ignores accents in both directions', () => {
    expect(ids(index, 'zoe')[0]).toBe('zoe')
    expect(ids(index, 'ZOÉ')[0]).toBe('zoe')
    expect(ids(index, 'cafe')).toContain('cafe')
    expect(ids(index, 'ecole')).toEqual(['n2'])
    expect(ids(index, 'habituee')).toEqual(['zoe'])
  })

  it('matches the last word as a prefix, as you type', () => {
    expect(ids(index, 'sourd')).toEqual(['n1'])
    expect(ids(index, 'crev')).toEqual(['n2'])
    expect(ids(index, 'zoe fa')[0]).toBe('zoe')
    // Only the last word is a prefix: `sour` alone would match, `sour dough` does not.
    expect(ids(index, 'croiss')).toEqual(['n3'])
    // Names from the first letters; the text of notes from three.
    expect(ids(index, 'zo')[0]).toBe('zoe')
    expect(ids(index, 'so')).toEqual([])
    expect(ids(index, 'sou')).toEqual(['n1'])
  })

  it('forgives one typo in longer words', () => {
    expect(ids(index, 'crevaisson')).toEqual(['n2'])
    expect(ids(index, 'croisant')).toEqual(['n3'])
  })

  it('ranks a customer named X before a note that merely mentions X', () => {
    const hits = index.search('Zoé Fabre')
    expect(hits.map((hit) => [hit.type, hit.id])).toEqual([
      ['entity', 'zoe'],
      ['note', 'n1'],
    ])
    expect(hits[0]!.title).toBe('Zoé Fabre')
  })

  it('searches tags, summaries and contact details', () => {
    expect(ids(index, 'coffee')).toEqual(['n3'])
    expect(ids(index, 'cycling')).toEqual(['zoey'])
    const withContact = indexOf([
      entity('a', 'Ann', {
        contact: { emails: ['ann@bakery.example'], phones: [], organisation: 'Valley Mill' },
      }),
    ])
    expect(ids(withContact, 'valley')).toEqual(['a'])
    expect(ids(withContact, 'bakery')).toEqual(['a'])
  })

  it('reports the matched terms folded, for highlighting', () => {
    const [hit] = index.search('zo')
    expect(hit!.terms).toContain('zoe')
  })

  it('updates incrementally: replace and discard', () => {
    const live = indexOf([entity('a', 'Anna Smith')], [note('n', 'Loves rye bread')])
    expect(ids(live, 'rye')).toEqual(['n'])
    live.put(noteDocument(note('n', 'Loves spelt bread')))
    expect(ids(live, 'rye')).toEqual([])
    expect(ids(live, 'spelt')).toEqual(['n'])
    live.put(entityDocument(entity('a', 'Anna Jones')))
    expect(ids(live, 'smith')).toEqual([])
    expect(ids(live, 'jones')).toEqual(['a'])
    live.remove('note:n')
    expect(ids(live, 'spelt')).toEqual([])
    expect(live.counts()).toEqual({ entity: 1, note: 0 })
    live.put(noteDocument(note('m', 'Spelt again')))
    expect(live.counts()).toEqual({ entity: 1, note: 1 })
  })

  it('serialises and restores to identical results', () => {
    const restored = SearchIndex.fromChunks(index.toChunks())
    for (const query of ['zoe', 'cafe', 'sourd', 'crevaisson', 'Zoé Fabre', 'coffee', 'xyz']) {
      expect(restored.search(query)).toEqual(index.search(query))
    }
    expect(restored.counts()).toEqual(index.counts())
    expect(restored.size).toBe(index.size)
  })

  it('saves in chunks, removed documents left out, and restores to the same results', () => {
    const live = indexOf(
      Array.from({ length: 30 }, (_, i) => entity(`e${i}`, `Zoé Number${i}`)),
      Array.from({ length: 30 }, (_, i) => note(`n${i}`, `Bread ${i} for Zoé`, { at: i })),
    )
    for (let i = 0; i < 10; i++) live.remove(`note:n${i}`)
    live.put(noteDocument(note('n20', 'Spelt now')))
    const chunks = live.toChunks()
    expect(chunks.map((chunk) => chunk.part).sort()).toEqual(['all', 'documents', 'names'])
    const restored = SearchIndex.fromChunks(structuredClone(chunks))
    for (const query of ['zoe', 'bread', 'spelt', 'number1', 'zoe bre']) {
      expect(restored.search(query)).toEqual(live.search(query))
    }
    expect(restored.counts()).toEqual({ entity: 30, note: 20 })
    expect(ids(restored, 'bread')).toHaveLength(19)
    // Newest first among equal matches.
    expect(ids(restored, 'bread').slice(0, 2)).toEqual(['n29', 'n28'])
  })

  it('answers a query asked again with what changed since', () => {
    const live = indexOf([entity('a', 'Anna Smith')], [note('n', 'Loves rye bread')])
    expect(ids(live, 'spel')).toEqual([])
    expect(ids(live, 'spellt')).toEqual([])
    live.put(noteDocument(note('m', 'Spelt again')))
    expect(ids(live, 'spel')).toEqual(['m'])
    expect(ids(live, 'spellt')).toEqual(['m'])
    live.put(entityDocument(entity('b', 'Spela Novak')))
    expect(ids(live, 'spel')).toEqual(['b', 'm'])
    live.remove('note:m')
    expect(ids(live, 'spel')).toEqual(['b'])
  })

  it('keeps the best hits when more documents match than are shown', () => {
    const live = indexOf(
      [entity('baker', 'Bread Baker', { kind: 'place' })],
      Array.from({ length: 200 }, (_, i) => note(`n${i}`, `Bread ${i}`, { at: (i * 37) % 200 })),
    )
    const newest = Array.from({ length: 200 }, (_, i) => i)
      .sort((a, b) => ((b * 37) % 200) - ((a * 37) % 200))
      .slice(0, 4)
      .map((i) => `n${i}`)
    expect(live.search('bread', 5).map((hit) => hit.id)).toEqual(['baker', ...newest])
    expect(live.search('brea', 5).map((hit) => hit.id)).toEqual(['baker', ...newest])
  })

  it('takes changes once restored as a fresh index does', () => {
    const notes = Array.from({ length: 40 }, (_, i) =>
      note(`n${i}`, `Bread ${i} for Zoé`, { at: i }),
    )
    const added = Array.from({ length: 30 }, (_, i) =>
      note(`m${i}`, `Bread and spelt ${i}`, { at: 100 + i }),
    )
    const replaced = note('n3', 'Rye now', { at: 3 })
    const restored = SearchIndex.fromChunks(structuredClone(indexOf([], notes).toChunks()))
    for (const extra of added) restored.put(noteDocument(extra))
    restored.put(noteDocument(replaced))
    const fresh = indexOf([], [...notes.filter((kept) => kept.id !== 'n3'), ...added, replaced])
    for (const query of ['bread', 'spelt', 'rye', 'zoe', 'bread spe', 'bread 3']) {
      expect(restored.search(query, 100).map((hit) => hit.id)).toEqual(
        fresh.search(query, 100).map((hit) => hit.id),
      )
    }
    expect(restored.search('bread', 100)).toHaveLength(69)
  })

  it('builds in one pass the index that adding one by one makes, and takes changes after', () => {
    const entities = [
      entity('zoe', 'Zoé Fabre', { tags: ['habituée'] }),
      entity('spela', 'Spela Novak Novak', {
        kind: 'person',
        summary: 'Boulangère, pain au levain',
      }),
    ]
    const notes = Array.from({ length: 300 }, (_, i) =>
      note(`n${i}`, `Pain ${i % 7} levain, ${i % 3 === 0 ? 'crevaison vélo' : 'Zoé'} pain`, {
        at: i % 50,
        tags: i % 5 === 0 ? ['vélo'] : [],
      }),
    )
    const documents = [
      ...entities.map(entityDocument),
      ...notes.map(noteDocument),
      // A record given twice keeps its last version, as `put` does.
      noteDocument(note('n4', 'Rye now', { at: 4 })),
    ]
    const build = SearchIndex.build()
    build.addAll(documents.slice(0, 100))
    build.addAll(documents.slice(100))
    const built = build.finish()
    const added = SearchIndex.empty()
    added.addAll(documents)
    const queries = ['pain', 'levain', 'zoe', 'velo', 'crev', 'crevaisson', 'rye', 'novak', 'sp']
    const compare = () => {
      for (const query of queries)
        expect(built.search(query, 500)).toEqual(added.search(query, 500))
      expect(built.counts()).toEqual(added.counts())
    }
    compare()
    expect(ids(built, 'rye')).toEqual(['n4'])
    expect(built.counts()).toEqual({ entity: 2, note: 300 })
    const later = [
      noteDocument(note('m', 'Rye and levain', { at: 60 })),
      entityDocument(entities[0]!),
    ]
    for (const document of later) {
      built.put(document)
      added.put(document)
    }
    built.remove('note:n7')
    added.remove('note:n7')
    compare()
    expect(SearchIndex.fromChunks(structuredClone(built.toChunks())).search('levain', 500)).toEqual(
      added.search('levain', 500),
    )
    expect(() => build.addAll(documents)).toThrow()
  })

  it('returns nothing for a query without words', () => {
    expect(index.search('  ,; ')).toEqual([])
  })
})

describe('withinEdits', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(withinEdits('crevaisson', 'crevaison', 1)).toBe(true)
    expect(withinEdits('croisant', 'croissant', 1)).toBe(true)
    expect(withinEdits('boulangeire', 'boulangerie', 1)).toBe(false)
    expect(withinEdits('boulangeire', 'boulangerie', 2)).toBe(true)
    expect(withinEdits('kitten', 'sitting', 2)).toBe(false)
    expect(withinEdits('kitten', 'sitting', 3)).toBe(true)
    expect(withinEdits('', 'ab', 2)).toBe(true)
    expect(withinEdits('abc', '', 2)).toBe(false)
    expect(withinEdits('same', 'same', 0)).toBe(true)
  })
})

describe('plainNoteText', () => {
  it('reduces mentions to names and drops markdown marks', () => {
    expect(
      plainNoteText('# Title\n[@Zoé Fabre](carnet:entity/abc) said **hi** [here](https://x.y)'),
    ).toBe('Title\n@Zoé Fabre said hi here')
  })
})

describe('highlight', () => {
  it('marks the words whose folded form matches', () => {
    expect(highlight('Zoé Fabre and zoe', ['zoe'])).toEqual([
      { text: 'Zoé', match: true },
      { text: ' Fabre and ', match: false },
      { text: 'zoe', match: true },
    ])
    expect(highlight('Le Café Lune.', ['cafe', 'lune'])).toEqual([
      { text: 'Le ', match: false },
      { text: 'Café', match: true },
      { text: ' ', match: false },
      { text: 'Lune', match: true },
      { text: '.', match: false },
    ])
  })

  it('marks words starting with a term when asked', () => {
    expect(highlight('Sourdough starter', ['sour'], { prefix: true })).toEqual([
      { text: 'Sourdough', match: true },
      { text: ' starter', match: false },
    ])
    expect(highlight('Sourdough starter', ['sour'])).toEqual([
      { text: 'Sourdough starter', match: false },
    ])
  })

  it('handles decomposed accents and empty input', () => {
    expect(highlight('Ze\u0301lie', ['zelie'])).toEqual([{ text: 'Ze\u0301lie', match: true }])
    expect(highlight('', ['a'])).toEqual([])
    expect(highlight('abc', [])).toEqual([{ text: 'abc', match: false }])
  })
})

describe('snippet', () => {
  const long = `${'Lorem ipsum dolor sit amet. '.repeat(10)}Then the crevaison happened near the canal. ${'More words follow here. '.repeat(10)}`

  it('keeps short text whole', () => {
    expect(snippet('A short  note.\nTwo lines.', ['note'])).toBe('A short note. Two lines.')
  })

  it('cuts a window around the first match at word boundaries', () => {
    const cut = snippet(long, ['crevaison'], 80)
    expect(cut).toContain('crevaison')
    expect(cut.startsWith('…')).toBe(true)
    expect(cut.endsWith('…')).toBe(true)
    expect(cut.length).toBeLessThanOrEqual(82)
    // Whole words: the text just outside the window is a space on both sides.
    const inner = cut.slice(1, -1)
    const at = long.indexOf(inner)
    expect(long[at - 1]).toBe(' ')
    expect(long[at + inner.length]).toBe(' ')
  })

  it('starts at the beginning without a match', () => {
    expect(snippet(long, ['nothing'], 40).startsWith('Lorem ipsum')).toBe(true)
  })
})
