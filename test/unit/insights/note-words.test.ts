import { describe, expect, it } from 'vitest'
import { noteProse, noteWords, tokens, wordKey } from '../../../src/insights/note-words'

describe('noteWords', () => {
  it('drops English and French stopwords, short words and numbers', () => {
    expect(noteWords('The customer said that she would come back with 12 friends')).toEqual([
      'customer',
      'friends',
    ])
    expect(noteWords("Elle est venue avec ses enfants aujourd'hui, 3 fois")).toEqual(['enfants'])
  })

  it('drops the verbs and time words of shop talk, in both languages', () => {
    expect(noteWords('He told us last week he wants a rye loaf every day')).toEqual(['rye', 'loaf'])
    expect(noteWords('Elle demande chaque semaine une brioche, elle propose de revenir')).toEqual([
      'brioche',
      'revenir',
    ])
  })

  it('keeps accents in the spelling and strips them in the key', () => {
    expect(noteWords('Brioche végane, très réussie')).toEqual(['brioche', 'végane', 'réussie'])
    expect(wordKey('Végane')).toBe('vegane')
    expect(wordKey('cœur')).toBe('coeur')
  })

  it('splits French elisions and English possessives', () => {
    expect(noteWords("l'épicerie, d'épeautre, Helen's sourdough")).toEqual([
      'épicerie',
      'épeautre',
      'helen',
      'sourdough',
    ])
  })

  it('does not count mention links, link targets, URLs, e-mails or tags as words', () => {
    const text =
      'Talked with [@Helen Marsh](carnet:entity/abc-123) about [gluten](https://example.com/flour) ' +
      'see https://bakery.example/menu or write to helen@example.com #vegan #glutenfree'
    expect(noteWords(text)).toEqual(['talked', 'gluten', 'write'])
    expect(noteProse(text)).not.toContain('marsh')
  })

  it('reads letters of any alphabet and keeps apostrophes between letters', () => {
    expect(tokens("l'été — Ελλάδα, naïve 𝒜x don't")).toEqual([
      "l'été",
      'Ελλάδα',
      'naïve',
      '𝒜x',
      "don't",
    ])
    expect(tokens("'quoted' 42")).toEqual(['quoted'])
  })
})
