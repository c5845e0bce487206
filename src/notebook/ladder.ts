/**
 * Where a customer stands on the ladder of the method — known → better known → attended to →
 * engaged — computed from what the notebook holds about them. Pure: data in, a stage and the
 * reason for it out. A manual override (`entity.stageOverride`) is applied by the caller.
 *
 * The rule, checked from the top rung down; the first that holds gives the stage:
 *
 * - **engaged** — they take part: they recommend, prescribe or referred someone or something
 *   (an influence tie going out from them), or a note records their know-how or a creation.
 * - **attended** — the shop pays attention: a complaint or question of theirs was answered
 *   (its follow-up is done), or at least `ATTENDED_TOUCHPOINTS` notes about them in the last
 *   90 days.
 * - **better-known** — they told you about themselves: volunteered notes cover at least
 *   `BETTER_KNOWN_FACETS` different knowledge facets.
 * - **known** — you are in contact: they have purchases or a note about them.
 * - otherwise no stage yet.
 */
import type { Note, Tie } from '../model/records'
import { TIE_TYPES } from '../model/vocabulary'
import type { Stage } from '../model/vocabulary'

export const ATTENDED_TOUCHPOINTS = 3
export const ATTENDED_WINDOW_MS = 90 * 24 * 60 * 60 * 1000
export const BETTER_KNOWN_FACETS = 2

export type StageReason =
  | { code: 'influence'; count: number }
  | { code: 'contributes'; count: number }
  | { code: 'answered'; count: number }
  | { code: 'touchpoints'; count: number }
  | { code: 'volunteered'; count: number }
  | { code: 'purchases'; count: number }
  | { code: 'notes'; count: number }
  | { code: 'nothing'; count: 0 }

export interface ComputedStage {
  stage: Stage | undefined
  reason: StageReason
}

export interface StageInput {
  customerId: string
  /** Notes about the customer. */
  notes: readonly Pick<Note, 'kind' | 'at' | 'facets' | 'source' | 'followUp'>[]
  /** Ties that start or end at the customer. */
  ties: readonly Pick<Tie, 'from' | 'to' | 'type'>[]
  /** Their purchases (only the count matters). */
  purchases: readonly unknown[]
  now: number
}

export function computeStage({
  customerId,
  notes,
  ties,
  purchases,
  now,
}: StageInput): ComputedStage {
  const influence = ties.filter(
    (tie) => tie.from === customerId && TIE_TYPES[tie.type].family === 'influence',
  ).length
  if (influence > 0) return { stage: 'engaged', reason: { code: 'influence', count: influence } }
  const contributions = notes.filter((note) =>
    note.facets.some((facet) => facet === 'know-how' || facet === 'creation'),
  ).length
  if (contributions > 0) {
    return { stage: 'engaged', reason: { code: 'contributes', count: contributions } }
  }

  const answered = notes.filter(
    (note) =>
      (note.kind === 'complaint' || note.kind === 'question') &&
      note.followUp?.doneAt !== undefined,
  ).length
  if (answered > 0) return { stage: 'attended', reason: { code: 'answered', count: answered } }
  const recent = notes.filter((note) => note.at <= now && note.at > now - ATTENDED_WINDOW_MS).length
  if (recent >= ATTENDED_TOUCHPOINTS) {
    return { stage: 'attended', reason: { code: 'touchpoints', count: recent } }
  }

  const volunteered = new Set(
    notes.filter((note) => note.source === 'volunteered').flatMap((note) => note.facets),
  ).size
  if (volunteered >= BETTER_KNOWN_FACETS) {
    return { stage: 'better-known', reason: { code: 'volunteered', count: volunteered } }
  }

  if (purchases.length > 0) {
    return { stage: 'known', reason: { code: 'purchases', count: purchases.length } }
  }
  if (notes.length > 0) return { stage: 'known', reason: { code: 'notes', count: notes.length } }
  return { stage: undefined, reason: { code: 'nothing', count: 0 } }
}
