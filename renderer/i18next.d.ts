// Typed translation keys: a misspelt key is a type error.
import type { en } from '../src/i18n/en'

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: typeof en }
  }
}
