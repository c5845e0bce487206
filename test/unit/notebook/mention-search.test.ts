import { describe, expect, it } from 'vitest'
import { matchEntities, mentionQueryAt } from '../../../src/notebook/mention-search'
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
