/**
 * Who matters: the one measure of a customer's importance that the attention list and the
 * knowledge gaps share, so both screens explain it the same way.
 *
 * - **Valuable**: in the top 20% value tier (`src/value/tiers.ts`), top 5% included.
 * - **Influential**: among the top `INFLUENTIAL_SHARE` (20%) of customers and persons by social
 *   power, every entity with the same power as the last one in included, and never with power 0.
 *   A share rather than a fixed power because power is already a blend of percentile ranks: its
 *   scale moves with the notebook, while "the top fifth" means the same thing in a notebook of 40
 *   or of 20,000, and mirrors the top-20% value tier. The cut-off is returned as a power so the
 *   UI can say "power ≥ 63".
 * - **Score** (to rank): the mean of the value rank and of power / 100, both in [0, 1]. The
 *   value rank is the spend percentile among buyers (1 for the top buyer) rather than the share
 *   of revenue, because shares are heavy-tailed (one customer can make 40% and the hundredth
 *   0.1%): a percentile puts value on the same footing as power, itself made of percentiles.
 *   The share is returned too, to explain.
 */
import type { InfluenceModel } from '../graph/influence-types'
import type { Entity } from '../model/records'
import type { Tier, ValueTiers } from '../value/tiers'
import { compareIds } from './time'

export const INFLUENTIAL_SHARE = 0.2

/** Why a customer matters. */
export type ImportanceReason = 'top-5' | 'top-20' | 'influential'

export interface Importance {
  id: string
  /** Best value tier; absent for a customer who bought nothing. */
  tier?: Tier
  /** Share of the notebook's revenue, 0–1. */
  valueShare: number
  /** Spend percentile among buyers, (0, 1]: 1 for the top buyer; 0 when nothing was bought. */
  valueRank: number
  /** Social power, 0–100 (0 when the influence model does not know the entity). */
  power: number
  /** The reasons that make the customer important; empty when none holds. */
  reasons: ImportanceReason[]
  /** (valueRank + power / 100) / 2, in [0, 1]. */
  score: number
}

export interface ImportanceIndex {
  /** Lowest power that counts as influential; null when no entity has any power. */
  influentialMinPower: number | null
  isInfluential(id: string): boolean
  /** Valuable (top 20% tier) or influential: `of(id).reasons` is not empty. */
  matters(id: string): boolean
  of(id: string): Importance
}

export interface ImportanceInput {
  entities: readonly Pick<Entity, 'id' | 'kind'>[]
  influence: Pick<InfluenceModel, 'scores'>
  tiers: Pick<ValueTiers, 'ranking' | 'revenue' | 'tierOf'>
}

/** The power from which an entity is influential: see the module comment. */
export function influentialThreshold(
  entities: readonly Pick<Entity, 'id' | 'kind'>[],
  influence: Pick<InfluenceModel, 'scores'>,
): number | null {
  const candidates = entities.filter(
    (entity) => entity.kind === 'customer' || entity.kind === 'person',
  )
  const positive = candidates
    .map((entity) => influence.scores[entity.id]?.power ?? 0)
    .filter((power) => power > 0)
    .sort((a, b) => b - a)
  if (positive.length === 0) return null
  const size = Math.ceil(candidates.length * INFLUENTIAL_SHARE - 1e-9)
  return positive[Math.min(size, positive.length) - 1]!
}

export function rankImportance({ entities, influence, tiers }: ImportanceInput): ImportanceIndex {
  const influentialMinPower = influentialThreshold(entities, influence)
  const powerOf = (id: string) => influence.scores[id]?.power ?? 0
  const isInfluential = (id: string) =>
    influentialMinPower !== null && powerOf(id) >= influentialMinPower
  const buyers = tiers.ranking.length
  const rankOf = new Map<string, number>()
  const totalOf = new Map<string, number>()
  tiers.ranking.forEach((input, index) => {
    rankOf.set(input.id, 1 - index / buyers)
    totalOf.set(input.id, input.total)
  })
  const cache = new Map<string, Importance>()
  const of = (id: string): Importance => {
    const cached = cache.get(id)
    if (cached) return cached
    const tier = tiers.tierOf.get(id)
    const power = powerOf(id)
    const valueRank = rankOf.get(id) ?? 0
    const reasons: ImportanceReason[] = []
    if (tier === 'top-5' || tier === 'top-20') reasons.push(tier)
    if (isInfluential(id)) reasons.push('influential')
    const importance: Importance = {
      id,
      valueShare: tiers.revenue > 0 ? (totalOf.get(id) ?? 0) / tiers.revenue : 0,
      valueRank,
      power,
      reasons,
      score: (valueRank + power / 100) / 2,
    }
    if (tier !== undefined) importance.tier = tier
    cache.set(id, importance)
    return importance
  }
  const matters = (id: string) => {
    const tier = tiers.tierOf.get(id)
    return tier === 'top-5' || tier === 'top-20' || isInfluential(id)
  }
  return { influentialMinPower, isInfluential, matters, of }
}

/** Most important first; equal scores by id. */
export function byImportance(a: Importance, b: Importance): number {
  return b.score - a.score || compareIds(a.id, b.id)
}
