/**
 * French and English through i18next. The language follows the system unless the user chose
 * one in settings. Pages, workers and tests all create their instance here.
 */
import i18next from 'i18next'
import type { i18n as I18n } from 'i18next'
import { en } from './en'
import type { Catalog } from './en'
import { fr } from './fr'

export const LANGUAGES = ['en', 'fr'] as const
export type Language = (typeof LANGUAGES)[number]
export type LanguageSetting = Language | 'system'

export const CATALOGS: Record<Language, Catalog> = { en, fr }

/** The first of the system's preferred languages that Carnet speaks, English otherwise. */
export function pickLanguage(setting: LanguageSetting, systemLocales: readonly string[]): Language {
  if (setting !== 'system') return setting
  for (const locale of systemLocales) {
    const base = locale.toLowerCase().split(/[-_]/)[0]
    if (base === 'fr' || base === 'en') return base
  }
  return 'en'
}

/**
 * French uses the plural category `many` for very large round numbers (1 000 000); it reads like
 * `other`, so a `_many` form is derived from each `_other` form rather than written twice.
 */
export function withDerivedPlurals(catalog: object): object {
  const result: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(catalog) as [string, unknown][]) {
    result[key] = typeof value === 'object' && value !== null ? withDerivedPlurals(value) : value
    if (key.endsWith('_other') && typeof value === 'string') {
      const many = `${key.slice(0, -'_other'.length)}_many`
      if (!(many in catalog)) result[many] = value
    }
  }
  return result
}

export async function createI18n(language: Language): Promise<I18n> {
  const instance = i18next.createInstance()
  await instance.init({
    lng: language,
    fallbackLng: false,
    supportedLngs: [...LANGUAGES],
    resources: {
      en: { translation: withDerivedPlurals(en) },
      fr: { translation: withDerivedPlurals(fr) },
    },
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  return instance
}
