import { describe, expect, it } from 'vitest'
import {
  matchCandidates,
  matchEntities,
  mentionCandidates,
  mentionQueryAt,
} from '../../../src/notebook/mention-search'
import type { EntityName } from '../../../src/notebook/mention-search'

describe('mentionQueryAt', () => {
  it('finds the @ being typed at the caret', () => {
    expect(mentionQueryAt('Hello @Zo', 9)).toEqual({ start: 6, query: 'Zo' })
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, query: '' })
    expect(mentionQueryAt('(@Jean Du', 9)).toEqual({ start: 1, query: 'Jean Du' })
  })

  it('ignores emails, finished mentions and long sentences', () => {
    expect(mentionQueryAt('mail a@b', 8)).toBeNull()
    const done = '[@Zoé](carnet:entity/abc) '
    expect(mentionQueryAt(done, done.length)).toBeNull()
    const long = '@Zoé said it was fine'
    expect(mentionQueryAt(long, long.length)).toBeNull()
    expect(mentionQueryAt('@Zoé\nnext', 9)).toBeNull()
  })
})

describe('matchEntities', () => {
  const entities: EntityName[] = [
    { id: '1', name: 'Zoé Martin', kind: 'customer' },
    { id: '2', name: 'Martine Leroy', kind: 'person' },
    { id: '3', name: 'Marché du Canal', kind: 'place' },
    { id: '4', name: 'Paul Martin', kind: 'customer' },
  ]

  it('matches the start of a name or a word, ignoring accents and case', () => {
    expect(matchEntities(entities, 'zoe').map((e) => e.id)).toEqual(['1'])
    expect(matchEntities(entities, 'MARCHE').map((e) => e.id)).toEqual(['3'])
    expect(matchEntities(entities, 'mart').map((e) => e.id)).toEqual(['2', '4', '1'])
    expect(matchEntities(entities, 'xyz')).toEqual([])
    expect(matchEntities(entities, '', 2)).toHaveLength(2)
  })
})

describe('matchCandidates', () => {
  it('keeps the best few of many matches: names starting with the query, customers, A→Z', () => {
    const first = ['Marc', 'Marie', 'Martin', 'Mathis', 'Maëlle', 'Mona', 'Max']
    const entities: EntityName[] = []
    for (let index = 0; index < 400; index++) {
      const name = `${first[index % first.length]!} ${String(index).padStart(3, '0')}`
      entities.push({ id: `c${String(index)}`, name, kind: index % 3 === 0 ? 'place' : 'customer' })
      entities.push({ id: `w${String(index)}`, name: `Le Ma ${String(index)}`, kind: 'customer' })
    }
    const candidates = mentionCandidates(entities)
    const found = matchCandidates(candidates, 'ma', 8).map((entity) => entity.name)
    // The same as sorting every match.
    const collator = new Intl.Collator()
    const everyMatch = entities
      .filter((entity) => /^ma/i.test(entity.name.normalize('NFD')))
      .sort(
        (a, b) =>
          Number(b.kind === 'customer') - Number(a.kind === 'customer') ||
          collator.compare(a.name, b.name),
      )
      .map((entity) => entity.name)
    expect(found).toEqual(everyMatch.slice(0, 8))
    expect(found[0]).toBe('Maëlle 004')
    expect(matchCandidates(candidates, 'le ma', 3).map((entity) => entity.name)).toEqual([
      'Le Ma 0',
      'Le Ma 1',
      'Le Ma 10',
    ])
    expect(matchCandidates(candidates, 'ma', 0)).toEqual([])
  })
})
