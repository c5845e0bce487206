import { describe, expect, it } from 'vitest'
import { findKnowledgeGaps } from '../../../src/insights/gaps'
import { rankImportance } from '../../../src/insights/importance'
import { KNOWLEDGE_FACETS } from '../../../src/model/vocabulary'
import { computeTiers } from '../../../src/value/tiers'
import { NOW, customer, influenceOf, note, place, tie } from './build'

describe('findKnowledgeGaps', () => {
  it('lists every facet, with no one missing it, for an empty notebook', () => {
    const importance = rankImportance({
      entities: [],
      influence: influenceOf({}),
      tiers: computeTiers([]),
    })
    const gaps = findKnowledgeGaps({ entities: [], ties: [], notes: [], importance })
    expect(gaps.customers).toEqual([])
    expect(gaps.facets.map((f) => f.facet)).toEqual([...KNOWLEDGE_FACETS])
    expect(gaps.facets.every((f) => f.customerIds.length === 0)).toBe(true)
  })

  it('ranks the important customers by importance × what is missing', () => {
    // Ten customers: `rich` is the top buyer (top 20% of 10 = 2 with `second`), `star` the
    // most powerful; the others matter to neither measure.
    const entities = [
      customer('rich', { contact: { emails: ['r@example.com'], phones: [] } }),
      customer('second'),
      customer('star'),
      ...Array.from({ length: 7 }, (_, i) => customer(`c${i}`)),
      place('gym'),
    ]
    const tiers = computeTiers([
      { id: 'rich', total: 10_000 },
      { id: 'second', total: 5_000 },
      ...Array.from({ length: 8 }, (_, i) => ({ id: i === 7 ? 'star' : `c${i}`, total: 10 + i })),
    ])
    const importance = rankImportance({ entities, influence: influenceOf({ star: 95 }), tiers })
    const notes = [
      note(NOW, {
        about: ['rich'],
        facets: ['personalisation', 'products', 'social', 'habits', 'know-how', 'creation'],
      }),
      note(NOW, { about: ['c0'], facets: ['identity'] }),
    ]
    const ties = [tie('rich', 'frequents', 'gym')]
    const gaps = findKnowledgeGaps({ entities, ties, notes, importance })

    // rich knows everything (identity from contact, places from the tie): left out.
    expect(gaps.customers.map((c) => c.id)).toEqual(['star', 'second'])
    const second = gaps.customers[1]!
    expect(second.missing).toEqual([...KNOWLEDGE_FACETS])
    expect(second.missingKinds).toEqual(['facts', 'know-how', 'creation'])
    expect(second.importance.reasons).toEqual(['top-20'])
    expect(second.score).toBeCloseTo(second.importance.score)
    // star: spend percentile 0.8 (third of ten), power 95 → (0.8 + 0.95) / 2 beats 0.9 / 2.
    expect(gaps.customers[0]!.importance.reasons).toEqual(['influential'])
    expect(gaps.customers[0]!.importance.score).toBeCloseTo(0.875)
    // Per facet: most important first.
    const identity = gaps.facets.find((f) => f.facet === 'identity')!
    expect(identity.kind).toBe('facts')
    expect(identity.customerIds).toEqual(
      [second, gaps.customers[0]!]
        .sort((a, b) => b.importance.score - a.importance.score)
        .map((c) => c.id),
    )
    // Unimportant customers never appear.
    expect(gaps.facets.flatMap((f) => f.customerIds)).not.toContain('c1')
  })
})
