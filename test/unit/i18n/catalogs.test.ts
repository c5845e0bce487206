/**
 * Every string a user sees comes from the catalogs. These tests fail when a key is missing from
 * either language, when a plural lacks a form its language needs, and when the code asks for a
 * key that no catalog has.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CATALOGS, LANGUAGES, createI18n, pickLanguage } from '../../../src/i18n'

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/

function leafKeys(value: object, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, child]) =>
    typeof child === 'object' && child !== null ? leafKeys(child as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  )
}

function baseKeys(language: (typeof LANGUAGES)[number]): Set<string> {
  return new Set(leafKeys(CATALOGS[language]).map((key) => key.replace(PLURAL_SUFFIX, '')))
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.(ts|tsx)$/.test(name) ? [path] : []
  })
}

describe('catalogs', () => {
  it('have the same keys in French and English', () => {
    expect([...baseKeys('fr')].sort()).toEqual([...baseKeys('en')].sort())
  })

  it('have no empty string', () => {
    for (const language of LANGUAGES) {
      const empty = leafKeys(CATALOGS[language]).filter((key) => {
        const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], CATALOGS[language])
        return typeof value !== 'string' || value.trim() === ''
      })
      expect(empty, language).toEqual([])
    }
  })

  it.each(LANGUAGES)('give every plural in %s a correct sentence for 0, 1, 2 and a million', async (language) => {
    const i18n = await createI18n(language)
    const plurals = [...new Set(leafKeys(CATALOGS[language]).filter((key) => PLURAL_SUFFIX.test(key)).map((key) => key.replace(PLURAL_SUFFIX, '')))]
    expect(plurals.length).toBeGreaterThan(0)
    for (const key of plurals) {
      for (const count of [0, 1, 2, 1_000_000]) {
        const text: string = i18n.t(key, { count })
        expect(text, `${language} ${key} ${count}`).not.toBe(key)
        expect(text).toContain(new Intl.NumberFormat(language).format(count))
      }
    }
  })

  it('hold every key the app asks for', () => {
    const known = baseKeys('en')
    const used = new Set<string>()
    for (const file of [...sourceFiles('renderer'), ...sourceFiles('src')]) {
      const text = readFileSync(file, 'utf8')
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z][\w-]*(?:\.[\w-]+)+)'/g)) used.add(match[1]!)
    }
    expect(used.size).toBeGreaterThan(20)
    const missing = [...used].filter((key) => !known.has(key))
    expect(missing).toEqual([])
  })
})

describe('pickLanguage', () => {
  it('follows the first system language Carnet speaks', () => {
    expect(pickLanguage('system', ['de-DE', 'fr-CA', 'en-US'])).toBe('fr')
    expect(pickLanguage('system', ['en-GB', 'fr-FR'])).toBe('en')
    expect(pickLanguage('system', ['ja-JP'])).toBe('en')
  })

  it('lets a chosen language win over the system', () => {
    expect(pickLanguage('fr', ['en-US'])).toBe('fr')
  })
})
