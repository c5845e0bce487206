import { describe, expect, it } from 'vitest'
import type { Entity, Note, Tie } from '../../../src/model/records'
import { knowledgeProfile } from '../../../src/notebook/knowledge'

function entity(id: string, patch: Partial<Entity> = {}): Entity {
  return {
    id,
    kind: 'customer',
    name: id,
    tags: [],
    summary: '',
    createdAt: 0,
    updatedAt: 0,
    ...patch,
  }
}
function note(id: string, facets: Note['facets']): Note {
  return {
    id,
    text: id,
    kind: 'conversation',
    touchpoint: 'shop',
    at: 0,
    about: ['me'],
    tags: [],
    facets,
    source: 'volunteered',
    sentiment: 0,
    createdAt: 0,
    updatedAt: 0,
  }
}
function tie(id: string, type: Tie['type'], from: string, to: string): Tie {
  return {
    id,
    type,
    from,
    to,
    strength: 3,
    sentiment: 0,
    note: '',
    evidence: [],
    createdAt: 0,
    updatedAt: 0,
  }
}

describe('knowledgeProfile', () => {
  it('marks each facet known with its sources, or not known yet', () => {
    const me = entity('me', { contact: { emails: ['me@example.com'], phones: [], website: ' ' } })
    const cafe = entity('cafe', { kind: 'place' })
    const bread = entity('bread', { kind: 'product' })
    const friend = entity('friend')
    const byId = new Map([me, cafe, bread, friend].map((item) => [item.id, item]))
    const profile = knowledgeProfile(
      me,
      [note('n1', ['habits']), note('n2', ['creation', 'habits'])],
      [
        tie('t1', 'frequents', 'me', 'cafe'),
        tie('t2', 'stopped-using', 'me', 'bread'),
        tie('t3', 'referred', 'friend', 'me'),
        tie('t4', 'works-at', 'me', 'cafe'),
      ],
      byId,
    )
    const facet = (name: string) => profile.find((item) => item.facet === name)
    expect(profile.map((item) => item.facet)).toEqual([
      'identity',
      'personalisation',
      'places',
      'products',
      'social',
      'habits',
      'know-how',
      'creation',
    ])
    expect(facet('identity')).toMatchObject({ known: true, fields: ['emails'], kind: 'facts' })
    expect(facet('personalisation')?.known).toBe(false)
    expect(facet('places')?.ties.map((item) => item.other?.id)).toEqual(['cafe'])
    expect(facet('products')?.ties.map((item) => item.tie.type)).toEqual(['stopped-using'])
    expect(facet('social')?.ties.map((item) => item.other?.id)).toEqual(['friend'])
    expect(facet('habits')?.notes.map((item) => item.id)).toEqual(['n1', 'n2'])
    expect(facet('know-how')).toMatchObject({ known: false, kind: 'know-how' })
    expect(facet('creation')).toMatchObject({ known: true, kind: 'creation' })
  })

  it('knows nothing of an entity with no contact, notes or ties', () => {
    const profile = knowledgeProfile(entity('me'), [], [], new Map())
    expect(profile.every((item) => !item.known)).toBe(true)
  })
})
