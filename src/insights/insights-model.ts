/**
 * Every insight of a notebook in one pure call: prescribers, ambassadors and sceptics, what
 * customers use besides you, themes and weak signals, the attention list and knowledge gaps.
 *
 * The social-power and community models and the value model are inputs, computed once by the
 * caller (analyse-notebook.ts) and shared with the other screens. The result is plain objects,
 * arrays and records — no Map, no class, no function — because it crosses a worker boundary.
 * Ids only: the UI resolves names, and maps the codes (groups, reasons, kinds) to its catalog.
 */
import type { CommunityModel, InfluenceModel } from '../graph/influence-types'
import type { Entity, Note, Tie } from '../model/records'
import type { Purchases } from '../notebook/purchase-rows'
import type { ValueModel } from '../value/value-model'
import { findAttention } from './attention'
import type { Attention } from './attention'
import { findBesides } from './besides'
import type { Besides } from './besides'
import { findKnowledgeGaps } from './gaps'
import type { KnowledgeGaps } from './gaps'
import { rankImportance } from './importance'
import { findPrescribers } from './prescribers'
import type { Prescriber } from './prescribers'
import { findThemes } from './themes'
import type { Themes } from './themes'
import { findVoices } from './voices'
import type { Voices } from './voices'

export interface InsightsInput {
  entities: readonly Entity[]
  ties: readonly Tie[]
  notes: readonly Note[]
  purchases: Purchases
  now: number
  influence: InfluenceModel
  communities: CommunityModel
  value: Pick<ValueModel, 'tiers'>
  /** Weeks of the themes' recent window (default 6). */
  recentWeeks?: number
  /** Entities that stand for the shop itself, if the notebook has one. */
  shopIds?: readonly string[]
}

export interface InsightsModel {
  now: number
  prescribers: Prescriber[]
  voices: Voices
  besides: Besides
  themes: Themes
  attention: Attention
  gaps: KnowledgeGaps
  /** Lowest social power counted as influential (top 20% of customers and persons); null if none. */
  influentialMinPower: number | null
  /** Community id of every entity the lists above name that belongs to a listed community. */
  communityOf: Record<string, string>
}

export function computeInsights({
  entities,
  ties,
  notes,
  purchases,
  now,
  influence,
  communities,
  value,
  recentWeeks,
  shopIds = [],
}: InsightsInput): InsightsModel {
  const importance = rankImportance({ entities, influence, tiers: value.tiers })
  const prescribers = findPrescribers({ entities, ties, influence, shopIds })
  const voices = findVoices({
    entities,
    ties,
    notes,
    influence,
    now,
    shopIds,
    minPower: importance.influentialMinPower,
  })
  const besides = findBesides({ entities, ties, notes, now })
  const themes = findThemes({
    notes,
    entities,
    now,
    ...(recentWeeks === undefined ? {} : { recentWeeks }),
  })
  const attention = findAttention({
    customerIds: entities.filter((entity) => entity.kind === 'customer').map((entity) => entity.id),
    notes,
    purchases,
    importance,
    now,
  })
  const gaps = findKnowledgeGaps({ entities, ties, notes, importance })

  const named = new Set<string>()
  for (const prescriber of prescribers) named.add(prescriber.id)
  for (const voice of [...voices.ambassadors, ...voices.sceptics]) named.add(voice.id)
  for (const customer of attention.customers) named.add(customer.id)
  for (const customer of gaps.customers) named.add(customer.id)
  const communityOf: Record<string, string> = {}
  for (const id of named) {
    const community = communities.byEntity[id]
    if (community !== undefined) communityOf[id] = community
  }

  return {
    now,
    prescribers,
    voices,
    besides,
    themes,
    attention,
    gaps,
    influentialMinPower: importance.influentialMinPower,
    communityOf,
  }
}
