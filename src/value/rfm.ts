/**
 * RFM: recency, frequency and monetary value, each scored 1–5 by quintile within the notebook,
 * and the named group a customer's recency and frequency put them in. Pure: data in, scores out.
 *
 * Scoring. For one measure, a customer's score is `1 + floor(5 × below / n)`, where `n` is the
 * number of customers who bought something and `below` how many of them have a strictly lower
 * value (an earlier last purchase, fewer purchases, less spent). So:
 *
 * - with distinct values, each score holds ⌊n/5⌋ or ⌈n/5⌉ customers (the quintiles);
 * - equal values always get the same score: a tie takes the lowest score of its block, so five
 *   customers who each bought once all get F = 1 rather than being split at random;
 * - a higher value never gets a lower score.
 *
 * Customers with no purchase get no RFM at all (they are not "lost": they never bought). With
 * fewer than five buyers the scores are coarse (one buyer alone scores 1 everywhere).
 *
 * Monetary is the customer's total spend in their main currency (see `summariseCustomers`); a
 * notebook normally uses one currency.
 */
import type { CustomerSummary } from '../notebook/customer-summary'

export interface RfmInput {
  id: string
  /** Epoch ms of the newest purchase. */
  lastPurchaseAt: number
  purchases: number
  /** Total spend, minor units. */
  monetary: number
}

export type Score = 1 | 2 | 3 | 4 | 5

export const RFM_GROUPS = [
  'champions',
  'loyal',
  'potential-loyalists',
  'new',
  'promising',
  'need-attention',
  'about-to-sleep',
  'at-risk',
  'cannot-lose',
  'hibernating',
  'lost',
] as const
export type RfmGroup = (typeof RFM_GROUPS)[number]

export interface Rfm {
  recency: Score
  frequency: Score
  monetary: Score
  group: RfmGroup
}

/**
 * The usual R × F segment table (rows: recency score, columns: frequency score):
 *
 * | R \ F | 1              | 2                   | 3                   | 4           | 5           |
 * |-------|----------------|---------------------|---------------------|-------------|-------------|
 * | 5     | new            | potential loyalists | potential loyalists | champions   | champions   |
 * | 4     | promising      | potential loyalists | potential loyalists | loyal       | loyal       |
 * | 3     | about to sleep | about to sleep      | need attention      | loyal       | loyal       |
 * | 2     | hibernating    | hibernating         | at risk             | at risk     | cannot lose |
 * | 1     | lost           | hibernating         | at risk             | at risk     | cannot lose |
 *
 * It is the widespread 10-segment map (R then F: 5[4-5] champions, [3-4][4-5] loyal, [4-5][2-3]
 * potential loyalists, 51 new, 41 promising, 33 need attention, 3[1-2] about to sleep, [1-2][3-4]
 * at risk, [1-2]5 cannot lose them, [1-2][1-2] hibernating), with its coldest cell, 11, split
 * out as "lost": the customer bought least recently and least often.
 */
const GROUP_TABLE: readonly (readonly RfmGroup[])[] = [
  // R = 1, F = 1…5
  ['lost', 'hibernating', 'at-risk', 'at-risk', 'cannot-lose'],
  ['hibernating', 'hibernating', 'at-risk', 'at-risk', 'cannot-lose'],
  ['about-to-sleep', 'about-to-sleep', 'need-attention', 'loyal', 'loyal'],
  ['promising', 'potential-loyalists', 'potential-loyalists', 'loyal', 'loyal'],
  ['new', 'potential-loyalists', 'potential-loyalists', 'champions', 'champions'],
]

export function rfmGroup(recency: Score, frequency: Score): RfmGroup {
  return GROUP_TABLE[recency - 1]![frequency - 1]!
}

/** Scores 1–5 of each value, by quintile, ties sharing the lowest score of their block. */
export function quintileScores(values: readonly number[]): Score[] {
  const n = values.length
  const sorted = [...values].sort((a, b) => a - b)
  // `below` of a value = the index of its first occurrence in the sorted list.
  const firstIndex = new Map<number, number>()
  sorted.forEach((value, index) => {
    if (!firstIndex.has(value)) firstIndex.set(value, index)
  })
  return values.map((value) => (1 + Math.floor((5 * firstIndex.get(value)!) / n)) as Score)
}

/** RFM of every customer who bought something; the others are absent from the map. */
export function computeRfm(inputs: readonly RfmInput[]): Map<string, Rfm> {
  const buyers = inputs.filter((input) => input.purchases > 0)
  const recency = quintileScores(buyers.map((input) => input.lastPurchaseAt))
  const frequency = quintileScores(buyers.map((input) => input.purchases))
  const monetary = quintileScores(buyers.map((input) => input.monetary))
  const result = new Map<string, Rfm>()
  buyers.forEach((input, index) => {
    const r = recency[index]!
    const f = frequency[index]!
    result.set(input.id, {
      recency: r,
      frequency: f,
      monetary: monetary[index]!,
      group: rfmGroup(r, f),
    })
  })
  return result
}

/** The RFM inputs of the customers' summaries (customers with no purchase are left out). */
export function rfmInputs(summaries: Iterable<CustomerSummary>): RfmInput[] {
  const inputs: RfmInput[] = []
  for (const { id, value } of summaries) {
    if (value.purchases === 0 || value.lastPurchaseAt === undefined) continue
    inputs.push({
      id,
      lastPurchaseAt: value.lastPurchaseAt,
      purchases: value.purchases,
      monetary: value.total,
    })
  }
  return inputs
}
