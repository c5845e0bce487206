/**
 * The consent log of a customer: append-only. Recording a consent or its withdrawal adds a
 * record; nothing is ever edited, so the log says who agreed to what, when and how. The current
 * state of a purpose is its newest record.
 */
import type { Writer } from '../db/notebook-store'
import { newId } from '../model/ids'
import type { Consent } from '../model/records'

export interface NewConsent {
  entityId: string
  purpose: string
  given: boolean
  /** When it was given or withdrawn (epoch ms). */
  at: number
  how: string
}

export function recordConsent(writer: Writer, input: NewConsent): Promise<Consent> {
  return writer.put('consents', {
    id: newId(),
    entityId: input.entityId,
    purpose: input.purpose.trim(),
    given: input.given,
    at: input.at,
    how: input.how.trim(),
  })
}

/** Newest first; at the same moment, the later record first. */
export function sortConsents(consents: readonly Consent[]): Consent[] {
  return [...consents].sort((a, b) => b.at - a.at || b.createdAt - a.createdAt)
}

/** Per purpose (compared without case or extra spaces), its newest record; by purpose name. */
export function currentConsents(consents: readonly Consent[]): Consent[] {
  const latest = new Map<string, Consent>()
  for (const consent of sortConsents(consents)) {
    const key = consent.purpose.trim().toLocaleLowerCase()
    if (!latest.has(key)) latest.set(key, consent)
  }
  return [...latest.values()].sort((a, b) => a.purpose.localeCompare(b.purpose))
}
