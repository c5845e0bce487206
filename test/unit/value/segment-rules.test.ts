import { describe, expect, it } from 'vitest'
import {
  BUILT_IN_SEGMENTS,
  evaluateSegment,
  parseSegmentRule,
  withSocialFacts,
} from '../../../src/value/segment-rules'
import type { SegmentCustomer, SegmentData, SegmentRule } from '../../../src/value/segment-rules'

const DAY = 86_400_000
const now = 1_800_000_000_000

function customer(id: string, patch: Partial<SegmentCustomer> = {}): SegmentCustomer {
  return {
    id,
    name: id,
    tags: [],
    stage: undefined,
    rfm: undefined,
    tier: undefined,
    noteKinds: new Set(),
    touchpoints: new Set(),
    lastContactAt: undefined,
    ties: [],
    ...patch,
  }
}

const data: SegmentData = {
  now,
  customers: [
    customer('ann', {
      tags: ['Vegan'],
      stage: 'engaged',
      rfm: { recency: 5, frequency: 5, monetary: 5, group: 'champions' },
      tier: 'top-5',
      noteKinds: new Set(['praise']),
      touchpoints: new Set(['shop']),
      lastContactAt: now - 2 * DAY,
      ties: [
        { type: 'recommends', otherId: 'bob', otherKind: 'customer' },
        { type: 'frequents', otherId: 'market', otherKind: 'place' },
      ],
    }),
    customer('bob', {
      stage: 'known',
      rfm: { recency: 1, frequency: 1, monetary: 1, group: 'lost' },
      tier: 'rest',
      noteKinds: new Set(['complaint']),
      touchpoints: new Set(['email']),
      lastContactAt: now - 200 * DAY,
      ties: [
        { type: 'recommends', otherId: 'ann', otherKind: 'customer' },
        { type: 'uses', otherId: 'rival-bread', otherKind: 'product' },
      ],
    }),
    customer('cat', { tier: 'top-20', tags: ['vegan'] }),
  ],
}

const run = (rule: SegmentRule) => evaluateSegment(rule, data)

describe('evaluateSegment', () => {
  it('uses social power and communities once they are known', () => {
    const power = { match: 'all', conditions: [{ type: 'power', min: 60 }] } as const
    const community = {
      match: 'all',
      conditions: [{ type: 'community', leaderId: 'ann' }],
    } as const
    // Before the influence model is known, no one matches.
    expect(run({ ...power, conditions: [...power.conditions] })).toEqual([])
    const social = withSocialFacts(data, {
      power: { ann: { power: 75 }, bob: { power: 60 }, cat: { power: 12 } },
      communities: [{ leaderId: 'ann', memberIds: ['ann', 'cat', 'someone-else'] }],
    })
    expect(evaluateSegment({ ...power, conditions: [...power.conditions] }, social)).toEqual([
      'ann',
      'bob',
    ])
    expect(
      evaluateSegment({ ...community, conditions: [...community.conditions] }, social),
    ).toEqual(['ann', 'cat'])
  })

  it('matches each kind of condition', () => {
    expect(run({ match: 'all', conditions: [{ type: 'rfm-group', group: 'champions' }] })).toEqual([
      'ann',
    ])
    expect(run({ match: 'all', conditions: [{ type: 'tier', tier: 'top-20' }] })).toEqual([
      'ann',
      'cat',
    ])
    expect(run({ match: 'all', conditions: [{ type: 'tier', tier: 'rest' }] })).toEqual(['bob'])
    expect(run({ match: 'all', conditions: [{ type: 'stage', stage: 'none' }] })).toEqual(['cat'])
    expect(run({ match: 'all', conditions: [{ type: 'tag', tag: '#vegan' }] })).toEqual([
      'ann',
      'cat',
    ])
    expect(run({ match: 'all', conditions: [{ type: 'note-kind', kind: 'complaint' }] })).toEqual([
      'bob',
    ])
    expect(run({ match: 'all', conditions: [{ type: 'touchpoint', touchpoint: 'shop' }] })).toEqual(
      ['ann'],
    )
    expect(
      run({ match: 'all', conditions: [{ type: 'last-contact', when: 'before', days: 90 }] }),
    ).toEqual(['bob', 'cat'])
    expect(
      run({ match: 'all', conditions: [{ type: 'last-contact', when: 'within', days: 90 }] }),
    ).toEqual(['ann'])
    expect(run({ match: 'all', conditions: [{ type: 'tie', tieType: 'recommends' }] })).toEqual([
      'ann',
      'bob',
    ])
    expect(
      run({ match: 'all', conditions: [{ type: 'tie', tieType: 'uses', entityKind: 'product' }] }),
    ).toEqual(['bob'])
    expect(
      run({ match: 'all', conditions: [{ type: 'tie', tieType: 'recommends', entityId: 'ann' }] }),
    ).toEqual(['bob'])
    expect(run({ match: 'all', conditions: [{ type: 'frequents', placeId: 'market' }] })).toEqual([
      'ann',
    ])
    expect(run({ match: 'all', conditions: [{ type: 'uses', productId: 'rival-bread' }] })).toEqual(
      ['bob'],
    )
  })

  it('combines conditions with all or any; no condition means everyone (all) or no one (any)', () => {
    const conditions = [
      { type: 'tag', tag: 'vegan' },
      { type: 'note-kind', kind: 'complaint' },
    ] as const
    expect(run({ match: 'all', conditions: [...conditions] })).toEqual([])
    expect(run({ match: 'any', conditions: [...conditions] })).toEqual(['ann', 'bob', 'cat'])
    expect(run({ match: 'all', conditions: [] })).toEqual(['ann', 'bob', 'cat'])
    expect(run({ match: 'any', conditions: [] })).toEqual([])
  })

  it('lists a built-in segment for every RFM group, top tier and stage', () => {
    expect(BUILT_IN_SEGMENTS).toHaveLength(11 + 2 + 4)
    const champions = BUILT_IN_SEGMENTS.find((segment) => segment.id === 'builtin:rfm:champions')!
    expect(run(champions.rule)).toEqual(['ann'])
  })
})

describe('parseSegmentRule', () => {
  it('reads a stored rule and fills defaults', () => {
    expect(parseSegmentRule({})).toEqual({ ok: true, rule: { match: 'all', conditions: [] } })
    expect(parseSegmentRule({ match: 'any', conditions: [{ type: 'tag', tag: 'x' }] }).ok).toBe(
      true,
    )
  })

  it('refuses an unknown condition instead of guessing', () => {
    expect(parseSegmentRule({ conditions: [{ type: 'astrology', sign: 'leo' }] }).ok).toBe(false)
    expect(parseSegmentRule({ match: 'most' }).ok).toBe(false)
  })
})
