/** Turns any failure into one sentence the user can act on, in their language. */
import type { TFunction } from 'i18next'
import { isQuotaError } from '../../src/db/notebook-db'
import { InvalidRecordError } from '../../src/db/notebook-store'

export function describeError(error: unknown, t: TFunction): string {
  if (isQuotaError(error)) return t('error.quota')
  if (error instanceof InvalidRecordError) {
    const issue = error.issues[0]
    return t('error.invalidRecord', {
      message: issue ? `${issue.path.join('.')}: ${issue.message}` : error.table,
    })
  }
  const message = error instanceof Error ? error.message : String(error)
  return t('error.generic', { message })
}
