import { describe, expect, it } from 'vitest'
import { findThemes } from '../../../src/insights/themes'
import { DAY, NOW, WEEK, customer, note } from './build'

/** One note a week for a year, about bread, so the baseline has notes to compare with. */
function background() {
  return Array.from({ length: 52 }, (_, week) =>
    note(NOW - week * WEEK - DAY, { text: 'A loaf of bread for the weekend.' }),
  )
}

describe('findThemes', () => {
  it('is empty for an empty notebook', () => {
    const themes = findThemes({ notes: [], entities: [], now: NOW })
    expect(themes.themes).toEqual([])
    expect(themes.rising).toEqual([])
    expect(themes.weekStarts).toHaveLength(52)
    expect(themes.weekStarts.at(-1)).toBe(NOW - WEEK)
    expect(themes.recentNotes).toBe(0)
  })

  it('counts tags and words per note, a word that is also a tag once, as the tag', () => {
    const notes = [
      note(NOW - DAY, { id: 'a', text: 'Vegan vegan cookies! #vegan', tags: ['vegan'] }),
      note(NOW - 2 * DAY, { id: 'b', text: 'Asked for a vegan brioche and cookies.' }),
      note(NOW - 3 * DAY, { id: 'c', text: 'Cookie jar empty.' }),
    ]
    const { themes } = findThemes({ notes, entities: [], now: NOW })
    const byId = Object.fromEntries(themes.map((theme) => [theme.id, theme]))
    expect(byId['tag:vegan']).toMatchObject({ kind: 'tag', label: 'vegan', count: 2 })
    expect(byId['tag:vegan']!.noteIds).toEqual(['a', 'b'])
    expect(byId['word:vegan']).toBeUndefined()
    // The plural is folded into its singular.
    expect(byId['word:cookie']).toMatchObject({ count: 3, noteIds: ['a', 'b', 'c'] })
    expect(byId['word:cookies']).toBeUndefined()
    expect(byId['word:brioche']!.weekly.at(-1)).toBe(1)
  })

  it('matches accents for counting but shows the commonest spelling', () => {
    const notes = [
      note(NOW - DAY, { text: 'Galette végétale' }),
      note(NOW - DAY, { text: 'une galette vegetale' }),
      note(NOW - DAY, { text: 'encore végétale' }),
    ]
    const { themes } = findThemes({ notes, entities: [], now: NOW })
    const theme = themes.find((t) => t.key === 'vegetale')!
    expect(theme).toMatchObject({ id: 'word:vegetale', label: 'végétale', count: 3 })
  })

  it('leaves out the names of what a note is about and its mention links', () => {
    const entities = [customer('z', { name: 'Zoé Fabre' })]
    const notes = [
      note(NOW - DAY, {
        about: ['z'],
        text: 'Zoé wants croissants. Asked [@Zoé Fabre](carnet:entity/z) again.',
      }),
    ]
    const { themes } = findThemes({ notes, entities, now: NOW })
    // `wants` is an English stopword; `zoe` and `fabre` are names.
    expect(themes.map((t) => t.key)).toEqual(['croissants'])
  })

  it('calls rising a theme whose share of the recent notes doubled, with 3 notes or more', () => {
    const recent = [1, 2, 3, 4, 5].map((day) =>
      note(NOW - day * DAY, { text: 'Asked for oat milk again #oat', tags: ['oat'] }),
    )
    const result = findThemes({ notes: [...background(), ...recent], entities: [], now: NOW })
    expect(result.baselineNotes).toBeGreaterThanOrEqual(10)
    const oat = result.rising.find((theme) => theme.id === 'tag:oat')!
    expect(oat).toBeDefined()
    expect(oat.recent).toBe(5)
    expect(oat.baseline).toBe(0)
    // (5 + 3) / (0 + 3)
    expect(oat.lift).toBeCloseTo(8 / 3)
    // Bread is in every week: never rising.
    expect(result.rising.map((theme) => theme.id)).not.toContain('word:bread')
    expect(result.themes.find((theme) => theme.id === 'word:bread')!.isRising).toBe(false)
  })

  it('never calls a tag on one note, or two, rising', () => {
    const recent = [
      note(NOW - DAY, { text: '#rye', tags: ['rye'] }),
      note(NOW - 2 * DAY, { text: '#spelt', tags: ['spelt'] }),
      note(NOW - 3 * DAY, { text: '#spelt', tags: ['spelt'] }),
    ]
    const result = findThemes({ notes: [...background(), ...recent], entities: [], now: NOW })
    expect(result.rising).toEqual([])
  })

  it('needs a past: nothing rises in a notebook younger than its recent window', () => {
    const notes = [1, 2, 3, 4, 5, 6].map((day) => note(NOW - day * DAY, { text: 'oat oat' }))
    expect(findThemes({ notes, entities: [], now: NOW }).rising).toEqual([])
  })

  it('keeps only the notes of the history window, and none from the future', () => {
    const notes = [
      note(NOW - 60 * WEEK, { text: 'ancient relic' }),
      note(NOW + DAY, { text: 'rocket launch' }),
      note(NOW - DAY, { text: 'bakery window' }),
    ]
    const { themes } = findThemes({ notes, entities: [], now: NOW })
    expect(themes.map((t) => t.key).sort()).toEqual(['bakery', 'window'])
  })

  it('honours recentWeeks and limit', () => {
    const result = findThemes({
      notes: background(),
      entities: [],
      now: NOW,
      recentWeeks: 4,
      limit: 1,
    })
    expect(result.recentWeeks).toBe(4)
    expect(result.recentNotes).toBe(4)
    expect(result.themes).toHaveLength(1)
  })
})
