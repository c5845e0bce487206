/**
 * Voices: the influential customers and persons who speak well of us (ambassadors) or ill
 * (sceptics). Both matter: an ambassador to thank and involve, a sceptic to listen to. Pure.
 *
 * Who: customers and persons counted as influential by `influentialThreshold` (the top 20% by
 * social power; see importance.ts).
 *
 * Their sentiment, −2…+2, is the mean of two parts, each present only when there is evidence:
 *
 * - **notes**: the sentiment of the notes about them, weighted by recency — a note's weight
 *   halves every `NOTE_HALF_LIFE_DAYS` (180) days before `now`, so what they said last month
 *   counts more than what they said a year ago, without forgetting it;
 * - **ties**: the sentiment of their ties toward us — any tie between them and one of our
 *   products (side `ours`) or shop entities, and the influence ties going out from them (the
 *   tone of what they pass on to others). A recommendation of a competitor's or a substitute
 *   product counts with its sign reversed: praising a rival is a vote against us.
 *
 * Ambassador: sentiment ≥ +`MIN_SENTIMENT` (0.5, half a step of the scale); sceptic: ≤ −0.5.
 * Each list is sorted by power × |sentiment|, strongest first.
 */
import type { InfluenceModel } from '../graph/influence-types'
import type { Entity, Note, Tie } from '../model/records'
import { TIE_TYPES } from '../model/vocabulary'
import { influentialThreshold } from './importance'
import { DAY_MS, compareIds } from './time'

export const NOTE_HALF_LIFE_DAYS = 180
export const MIN_SENTIMENT = 0.5
export const LATEST_NOTES = 3

export interface Voice {
  id: string
  power: number
  /** Combined sentiment, −2…+2: the mean of the parts below that are present. */
  sentiment: number
  /** Recency-weighted mean sentiment of the notes about them; absent without notes. */
  noteSentiment?: number
  /** Mean sentiment of their ties toward us; absent without such ties. */
  tieSentiment?: number
  noteCount: number
  tieCount: number
  /** Their newest notes (up to 3), newest first. */
  latestNoteIds: string[]
}

export interface Voices {
  ambassadors: Voice[]
  sceptics: Voice[]
  /** The lowest power counted as influential (null when nobody has power). */
  minPower: number | null
}

export interface VoicesInput {
  entities: readonly Pick<Entity, 'id' | 'kind' | 'side'>[]
  ties: readonly Pick<Tie, 'from' | 'to' | 'type' | 'sentiment'>[]
  notes: readonly Pick<Note, 'id' | 'about' | 'at' | 'sentiment'>[]
  influence: Pick<InfluenceModel, 'scores'>
  now: number
  /** Entities that stand for the shop itself; see `PrescriberInput.shopIds`. */
  shopIds?: readonly string[]
  /** The influential threshold when the caller has it already (`influentialThreshold`). */
  minPower?: number | null
}

interface Tally {
  weighted: number
  weights: number
  notes: { id: string; at: number }[]
  tieSum: number
  ties: number
}

export function findVoices({
  entities,
  ties,
  notes,
  influence,
  now,
  shopIds = [],
  minPower = influentialThreshold(entities, influence),
}: VoicesInput): Voices {
  const empty: Voices = { ambassadors: [], sceptics: [], minPower }
  if (minPower === null) return empty
  // Sets of ids rather than a map of entities: a lookup then touches no entity record.
  const us = new Set(shopIds)
  const rivals = new Set<string>()
  for (const entity of entities) {
    if (entity.side === 'ours') us.add(entity.id)
    else if (entity.side === 'competitor' || entity.side === 'substitute') rivals.add(entity.id)
  }
  const isUs = (id: string) => us.has(id)
  const isRival = (id: string) => rivals.has(id)

  const tallies = new Map<string, Tally>()
  for (const entity of entities) {
    if (entity.kind !== 'customer' && entity.kind !== 'person') continue
    if ((influence.scores[entity.id]?.power ?? 0) < minPower) continue
    tallies.set(entity.id, { weighted: 0, weights: 0, notes: [], tieSum: 0, ties: 0 })
  }

  const halfLife = NOTE_HALF_LIFE_DAYS * DAY_MS
  for (const note of notes) {
    let weight: number | undefined
    for (const id of note.about.length > 1 ? new Set(note.about) : note.about) {
      const tally = tallies.get(id)
      if (!tally) continue
      weight ??= 2 ** (-Math.max(0, now - note.at) / halfLife)
      tally.weighted += weight * note.sentiment
      tally.weights += weight
      tally.notes.push({ id: note.id, at: note.at })
    }
  }

  const addTie = (tally: Tally | undefined, sentiment: number) => {
    if (!tally) return
    tally.tieSum += sentiment
    tally.ties += 1
  }
  for (const tie of ties) {
    if (tie.from === tie.to) continue
    const fromTally = tallies.get(tie.from)
    const toTally = tallies.get(tie.to)
    if (!fromTally && !toTally) continue
    if (isUs(tie.to)) addTie(fromTally, tie.sentiment)
    else if (TIE_TYPES[tie.type].family === 'influence') {
      addTie(fromTally, isRival(tie.to) ? -tie.sentiment : tie.sentiment)
    }
    if (isUs(tie.from)) addTie(toTally, tie.sentiment)
  }

  const voices: Voice[] = []
  for (const [id, tally] of tallies) {
    const parts: number[] = []
    const noteSentiment = tally.weights > 0 ? tally.weighted / tally.weights : undefined
    const tieSentiment = tally.ties > 0 ? tally.tieSum / tally.ties : undefined
    if (noteSentiment !== undefined) parts.push(noteSentiment)
    if (tieSentiment !== undefined) parts.push(tieSentiment)
    if (parts.length === 0) continue
    const latestNoteIds = tally.notes
      .sort((a, b) => b.at - a.at || compareIds(a.id, b.id))
      .slice(0, LATEST_NOTES)
      .map((note) => note.id)
    voices.push({
      id,
      power: influence.scores[id]?.power ?? 0,
      sentiment: parts.reduce((sum, part) => sum + part, 0) / parts.length,
      ...(noteSentiment === undefined ? {} : { noteSentiment }),
      ...(tieSentiment === undefined ? {} : { tieSentiment }),
      noteCount: tally.notes.length,
      tieCount: tally.ties,
      latestNoteIds,
    })
  }
  const strongest = (a: Voice, b: Voice) =>
    b.power * Math.abs(b.sentiment) - a.power * Math.abs(a.sentiment) || compareIds(a.id, b.id)
  return {
    ambassadors: voices.filter((voice) => voice.sentiment >= MIN_SENTIMENT).sort(strongest),
    sceptics: voices.filter((voice) => voice.sentiment <= -MIN_SENTIMENT).sort(strongest),
    minPower,
  }
}
