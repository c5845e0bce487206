/**
 * Value tiers: the few customers who make most of the revenue. Customers are ranked by total
 * spend; the top 5% and the top 20% of the customers who bought are named tiers, and the Pareto
 * curve says what share of the revenue each first k customers make. Pure: data in, data out.
 *
 * Conventions:
 * - only customers with a positive total count (a customer whose refunds cancel their
 *   purchases is not a buyer here); revenue is the sum of their totals;
 * - a tier's size is ⌈5% × n⌉ and ⌈20% × n⌉ of those n buyers, so a notebook with a single
 *   buyer has that buyer in both tiers;
 * - ties at a boundary are broken by id, so the result never depends on input order;
 * - the tiers nest: the top 5% are also in the top 20%. A customer's `tier` is the best one.
 */

export interface ValueInput {
  id: string
  /** Total spend, minor units. */
  total: number
}

export const TIERS = ['top-5', 'top-20', 'rest'] as const
export type Tier = (typeof TIERS)[number]

export const TIER_SHARES: Record<Exclude<Tier, 'rest'>, number> = { 'top-5': 0.05, 'top-20': 0.2 }

export interface TierSummary {
  /** Customer ids of the tier, best first (top-20 includes the top-5). */
  ids: string[]
  /** Their revenue, minor units. */
  revenue: number
  /** Their share of the revenue, 0–1 (0 when there is no revenue). */
  share: number
}

export interface ParetoPoint {
  /** 1-based rank. */
  rank: number
  id: string
  total: number
  /** Share of the customers up to this rank, 0–1. */
  customerShare: number
  /** Cumulative share of the revenue, 0–1. */
  revenueShare: number
}

export interface ValueTiers {
  /** Buyers, best first. */
  ranking: ValueInput[]
  revenue: number
  top5: TierSummary
  top20: TierSummary
  /** Each customer's best tier; customers who bought nothing are absent. */
  tierOf: Map<string, Tier>
  pareto: ParetoPoint[]
}

export function tierSize(buyers: number, share: number): number {
  return buyers === 0 ? 0 : Math.ceil(buyers * share - 1e-9)
}

export function computeTiers(inputs: readonly ValueInput[]): ValueTiers {
  const ranking = inputs
    .filter((input) => input.total > 0)
    .sort((a, b) => b.total - a.total || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const revenue = ranking.reduce((sum, input) => sum + input.total, 0)
  const summary = (share: number): TierSummary => {
    const members = ranking.slice(0, tierSize(ranking.length, share))
    const memberRevenue = members.reduce((sum, input) => sum + input.total, 0)
    return {
      ids: members.map((input) => input.id),
      revenue: memberRevenue,
      share: revenue > 0 ? memberRevenue / revenue : 0,
    }
  }
  const top5 = summary(TIER_SHARES['top-5'])
  const top20 = summary(TIER_SHARES['top-20'])
  const tierOf = new Map<string, Tier>()
  ranking.forEach((input, index) => {
    tierOf.set(
      input.id,
      index < top5.ids.length ? 'top-5' : index < top20.ids.length ? 'top-20' : 'rest',
    )
  })
  let cumulative = 0
  const pareto = ranking.map((input, index) => {
    cumulative += input.total
    return {
      rank: index + 1,
      id: input.id,
      total: input.total,
      customerShare: (index + 1) / ranking.length,
      revenueShare: revenue > 0 ? cumulative / revenue : 0,
    }
  })
  return { ranking, revenue, top5, top20, tierOf, pareto }
}

/**
 * Whether a customer is in `tier`: the top tiers nest (a top-5% customer is in the top 20%),
 * `rest` means a buyer outside the top 20%.
 */
export function isInTier(customerTier: Tier | undefined, tier: Tier): boolean {
  if (customerTier === undefined) return false
  if (tier === 'rest') return customerTier === 'rest'
  return TIERS.indexOf(customerTier) <= TIERS.indexOf(tier)
}
