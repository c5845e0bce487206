/**
 * Prescribers: the people (and places, blogs, organisations) who influence the one who pays.
 * Pure: entities, ties and the influence model in, a ranked list out.
 *
 * Influence ties are directed: `A prescribes B` means A influences B. An entity A influences:
 *
 * - `referred`: every entity A brought (A referred B), whatever B is;
 * - `prescribes` / `recommends`: every customer A prescribes or recommends to, and every one of
 *   our products (side `ours`) or shop entity A recommends or prescribes — that is A
 *   recommending us. Recommendations of a person who is not a customer, or of someone else's
 *   product, are left out: they do not bring anyone to us (the voices list weighs them);
 * - `household`: a customer C tied to A by a family or partner tie, when A is a person or a
 *   customer who has at least one influence tie going out — the partner who chooses for the
 *   household is a prescriber of the one who pays, even if no tie says "prescribes".
 *
 * Ranked by the number of distinct customers influenced, then social power, then id.
 */
import type { InfluenceModel } from '../graph/influence-types'
import type { Entity, Tie } from '../model/records'
import { TIE_TYPES } from '../model/vocabulary'
import { compareIds } from './time'

export type InfluenceWay = 'prescribes' | 'recommends' | 'referred' | 'household'

export interface Influenced {
  /** The entity influenced: a customer, or one of our products or shop entities. */
  id: string
  type: InfluenceWay
  /** When it started: the tie's `since`, when known. */
  at?: number
}

export interface Prescriber {
  id: string
  /** One entry per (entity, way), customers first, then newest first (unknown dates last). */
  influenced: Influenced[]
  /** Distinct customers among `influenced`. */
  customersInfluenced: number
  /** Social power, 0–100 (0 when the influence model does not know the entity). */
  power: number
}

export interface PrescriberInput {
  entities: readonly Pick<Entity, 'id' | 'kind' | 'side'>[]
  ties: readonly Pick<Tie, 'from' | 'to' | 'type' | 'since'>[]
  influence: Pick<InfluenceModel, 'scores'>
  /**
   * Entities that stand for the shop itself (an organisation named after the business), when
   * the notebook has one; recommending it is recommending us. The samples have none.
   */
  shopIds?: readonly string[]
}

export function findPrescribers({
  entities,
  ties,
  influence,
  shopIds = [],
}: PrescriberInput): Prescriber[] {
  // Sets of ids rather than a map of entities: a lookup then touches no entity record.
  const customers = new Set<string>()
  const people = new Set<string>()
  const us = new Set(shopIds)
  for (const entity of entities) {
    if (entity.kind === 'customer') customers.add(entity.id)
    if (entity.kind === 'customer' || entity.kind === 'person') people.add(entity.id)
    if (entity.side === 'ours') us.add(entity.id)
  }
  const isCustomer = (id: string) => customers.has(id)
  const isUs = (id: string) => us.has(id)

  /** prescriber id → `${influenced id}\u0000${way}` → entry */
  const found = new Map<string, Map<string, Influenced>>()
  const add = (from: string, entry: Influenced) => {
    let entries = found.get(from)
    if (!entries) found.set(from, (entries = new Map<string, Influenced>()))
    const key = `${entry.id}\u0000${entry.type}`
    const seen = entries.get(key)
    // Two ties saying the same thing: keep the earliest known date.
    if (!seen || (entry.at !== undefined && (seen.at === undefined || entry.at < seen.at))) {
      entries.set(key, entry)
    }
  }
  const entry = (id: string, type: InfluenceWay, at: number | undefined): Influenced =>
    at === undefined ? { id, type } : { id, type, at }

  const hasInfluenceOut = new Set<string>()
  for (const tie of ties) {
    if (tie.from === tie.to || TIE_TYPES[tie.type].family !== 'influence') continue
    hasInfluenceOut.add(tie.from)
    if (tie.type === 'referred') add(tie.from, entry(tie.to, 'referred', tie.since))
    else if (tie.type === 'prescribes' || tie.type === 'recommends') {
      if (isCustomer(tie.to) || isUs(tie.to)) add(tie.from, entry(tie.to, tie.type, tie.since))
    }
  }
  const addHousehold = (influencer: string, customer: string, since: number | undefined) => {
    if (people.has(influencer) && isCustomer(customer)) {
      add(influencer, entry(customer, 'household', since))
    }
  }
  for (const tie of ties) {
    if (tie.from === tie.to || (tie.type !== 'family' && tie.type !== 'partner')) continue
    // Undirected: each end may be the influencer of the other.
    if (hasInfluenceOut.has(tie.from)) addHousehold(tie.from, tie.to, tie.since)
    if (hasInfluenceOut.has(tie.to)) addHousehold(tie.to, tie.from, tie.since)
  }

  const prescribers: Prescriber[] = []
  for (const [id, entries] of found) {
    const influenced = [...entries.values()].sort(
      (a, b) =>
        Number(isCustomer(b.id)) - Number(isCustomer(a.id)) ||
        (b.at ?? -Infinity) - (a.at ?? -Infinity) ||
        compareIds(a.id, b.id) ||
        compareIds(a.type, b.type),
    )
    prescribers.push({
      id,
      influenced,
      customersInfluenced: new Set(influenced.filter((e) => isCustomer(e.id)).map((e) => e.id))
        .size,
      power: influence.scores[id]?.power ?? 0,
    })
  }
  return prescribers.sort(
    (a, b) =>
      b.customersInfluenced - a.customersInfluenced || b.power - a.power || compareIds(a.id, b.id),
  )
}
