import { describe, expect, it } from 'vitest'
import { NOTE_HALF_LIFE_DAYS, findVoices } from '../../../src/insights/voices'
import { DAY, NOW, customer, influenceOf, note, person, product, tie } from './build'

/** 15 customers and persons; powers make `fan`, `critic` and `doc` the top 20% (3 of 15 → ≥ 70). */
function world() {
  const entities = [
    customer('fan'),
    customer('critic'),
    person('doc'),
    ...Array.from({ length: 12 }, (_, i) => customer(`c${i}`)),
    product('loaf', 'ours'),
    product('rival', 'competitor'),
  ]
  const influence = influenceOf({
    fan: 90,
    critic: 80,
    doc: 70,
    ...Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`c${i}`, 10 + i])),
  })
  return { entities, influence }
}

describe('findVoices', () => {
  it('is empty for an empty notebook', () => {
    expect(
      findVoices({ entities: [], ties: [], notes: [], influence: influenceOf({}), now: NOW }),
    ).toEqual({ ambassadors: [], sceptics: [], minPower: null })
  })

  it('splits influential voices by the sentiment of their notes and ties toward us', () => {
    const { entities, influence } = world()
    const notes = [
      note(NOW - DAY, { id: 'f1', about: ['fan'], sentiment: 2 }),
      note(NOW - 2 * DAY, { id: 'f2', about: ['fan'], sentiment: 1 }),
      note(NOW - 3 * DAY, { id: 'f3', about: ['fan'], sentiment: 2 }),
      note(NOW - 4 * DAY, { id: 'f4', about: ['fan'], sentiment: 2 }),
      note(NOW - DAY, { id: 'k1', about: ['critic'], sentiment: -1 }),
      // A quiet customer with strong feelings is not a voice: not influential.
      note(NOW - DAY, { about: ['c0'], sentiment: -2 }),
    ]
    const ties = [
      tie('fan', 'uses', 'loaf', { sentiment: 2 }),
      tie('critic', 'stopped-using', 'loaf', { sentiment: -2 }),
      // Praising a competitor counts against us.
      tie('critic', 'recommends', 'rival', { sentiment: 2 }),
      // What they pass on: negative word of mouth.
      tie('critic', 'recommends', 'c1', { sentiment: -1 }),
    ]
    const voices = findVoices({ entities, ties, notes, influence, now: NOW })
    expect(voices.minPower).toBe(70)
    expect(voices.ambassadors.map((v) => v.id)).toEqual(['fan'])
    expect(voices.sceptics.map((v) => v.id)).toEqual(['critic'])
    const fan = voices.ambassadors[0]!
    expect(fan.latestNoteIds).toEqual(['f1', 'f2', 'f3'])
    expect(fan.noteCount).toBe(4)
    expect(fan.tieSentiment).toBe(2)
    const critic = voices.sceptics[0]!
    expect(critic.tieSentiment).toBeCloseTo(-5 / 3)
    expect(critic.noteSentiment).toBe(-1)
    expect(critic.sentiment).toBeCloseTo((-1 + -5 / 3) / 2)
    // `doc` has no evidence at all: in neither list.
    expect([...voices.ambassadors, ...voices.sceptics].map((v) => v.id)).not.toContain('doc')
  })

  it('weighs recent notes more: a half-life of 180 days', () => {
    const { entities, influence } = world()
    const notes = [
      note(NOW - NOTE_HALF_LIFE_DAYS * DAY, { about: ['doc'], sentiment: -2 }),
      note(NOW, { about: ['doc'], sentiment: 2 }),
    ]
    const voices = findVoices({ entities, ties: [], notes, influence, now: NOW })
    // weights 0.5 and 1: (−1 + 2) / 1.5
    expect(voices.ambassadors[0]!.noteSentiment).toBeCloseTo(2 / 3)
  })

  it('leaves the lukewarm out (|sentiment| < 0.5)', () => {
    const { entities, influence } = world()
    const notes = [
      note(NOW, { about: ['fan'], sentiment: 1 }),
      note(NOW, { about: ['fan'], sentiment: -1 }),
    ]
    const voices = findVoices({ entities, ties: [], notes, influence, now: NOW })
    expect(voices.ambassadors).toEqual([])
    expect(voices.sceptics).toEqual([])
  })
})
