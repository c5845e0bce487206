import { describe, expect, it } from 'vitest'
import { suggestTies } from '../../../src/graph/suggestions'

const note = (id: string, about: string[], at: number) => ({ id, about, at })

describe('suggestTies', () => {
  it('ranks pairs mentioned together without a tie, with the notes as evidence', () => {
    const notes = [
      note('n1', ['zoe', 'paul'], 10),
      note('n2', ['paul', 'zoe', 'marc'], 30),
      note('n3', ['zoe', 'paul'], 20),
      note('n4', ['marc', 'club'], 40),
      note('n5', ['zoe'], 50),
    ]
    const suggestions = suggestTies(notes, [{ from: 'club', to: 'marc' }])
    expect(suggestions[0]).toEqual({
      a: 'paul',
      b: 'zoe',
      evidence: ['n2', 'n3', 'n1'],
      count: 3,
      latestAt: 30,
    })
    expect(suggestions.map((one) => `${one.a}-${one.b}`)).toEqual([
      'paul-zoe',
      'marc-paul',
      'marc-zoe',
    ])
  })

  it('skips tied pairs in either direction, unknown entities and over-broad notes', () => {
    const notes = [
      note('n1', ['a', 'b'], 1),
      note('n2', ['a', 'ghost'], 2),
      note('n3', ['a', 'c', 'd'], 3),
    ]
    expect(
      suggestTies(notes, [{ from: 'b', to: 'a' }], { entityIds: new Set(['a', 'b', 'c', 'd']) }),
    ).toHaveLength(3)
    expect(
      suggestTies(notes, [], { maxAboutPerNote: 2, entityIds: new Set(['a', 'b', 'c', 'd']) }),
    ).toEqual([{ a: 'a', b: 'b', evidence: ['n1'], count: 1, latestAt: 1 }])
    expect(suggestTies(notes, [], { minCount: 2 })).toEqual([])
  })
})
