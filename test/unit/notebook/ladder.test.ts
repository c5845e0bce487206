import { describe, expect, it } from 'vitest'
import type { Note } from '../../../src/model/records'
import { computeStage } from '../../../src/notebook/ladder'

const DAY = 24 * 60 * 60 * 1000
const now = 1_800_000_000_000
type NoteInput = Pick<Note, 'kind' | 'at' | 'facets' | 'source' | 'followUp'>

function note(patch: Partial<NoteInput> = {}): NoteInput {
  return { kind: 'observation', at: now - 200 * DAY, facets: [], source: 'observed', ...patch }
}

const stageOf = (input: Partial<Parameters<typeof computeStage>[0]>) =>
  computeStage({ customerId: 'me', notes: [], ties: [], purchases: [], now, ...input })

describe('computeStage', () => {
  it('gives no stage to a customer with nothing recorded', () => {
    expect(stageOf({})).toEqual({ stage: undefined, reason: { code: 'nothing', count: 0 } })
  })

  it('knows a customer from purchases or a note', () => {
    expect(stageOf({ purchases: [{}, {}] })).toEqual({
      stage: 'known',
      reason: { code: 'purchases', count: 2 },
    })
    expect(stageOf({ notes: [note()] }).reason).toEqual({ code: 'notes', count: 1 })
  })

  it('knows them better when they volunteered facts in two facets', () => {
    const oneFacet = [note({ source: 'volunteered', facets: ['habits'] })]
    expect(stageOf({ notes: oneFacet }).stage).toBe('known')
    const twoFacets = [...oneFacet, note({ source: 'volunteered', facets: ['places'] })]
    expect(stageOf({ notes: twoFacets })).toEqual({
      stage: 'better-known',
      reason: { code: 'volunteered', count: 2 },
    })
    // Observed facts do not count: they were not given.
    expect(stageOf({ notes: [note({ facets: ['habits', 'places'] })] }).stage).toBe('known')
  })

  it('attends to them when a complaint was answered or after three recent touchpoints', () => {
    const open = note({ kind: 'complaint', followUp: { due: now } })
    expect(stageOf({ notes: [open] }).stage).toBe('known')
    const answered = note({ kind: 'complaint', followUp: { doneAt: now - DAY } })
    expect(stageOf({ notes: [answered] })).toEqual({
      stage: 'attended',
      reason: { code: 'answered', count: 1 },
    })
    const recent = [1, 20, 80].map((days) => note({ at: now - days * DAY }))
    expect(stageOf({ notes: recent }).reason).toEqual({ code: 'touchpoints', count: 3 })
    const old = [1, 20, 100].map((days) => note({ at: now - days * DAY }))
    expect(stageOf({ notes: old }).stage).toBe('known')
  })

  it('sees them engaged when they recommend or referred someone, or create and share', () => {
    expect(stageOf({ ties: [{ from: 'me', to: 'x', type: 'referred' }] })).toEqual({
      stage: 'engaged',
      reason: { code: 'influence', count: 1 },
    })
    // Being recommended by someone else is not engagement of theirs.
    expect(stageOf({ ties: [{ from: 'x', to: 'me', type: 'recommends' }] }).stage).toBeUndefined()
    expect(stageOf({ ties: [{ from: 'me', to: 'x', type: 'friend' }] }).stage).toBeUndefined()
    expect(stageOf({ notes: [note({ facets: ['creation'] })] }).reason.code).toBe('contributes')
  })
})
