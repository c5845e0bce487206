/**
 * The data behind the value charts, as plain rows: what is drawn, what the table view shows and
 * which customers each mark stands for. Pure; the drawing lives in `renderer/charts/`.
 */
import type { Stage } from '../model/vocabulary'
import type { RfmGroup, Score } from './rfm'
import type { Tier } from './tiers'
import type { WholeValueModel } from './value-model'

export interface ValuePoint {
  id: string
  name: string
  /** Total spend, minor units. */
  total: number
  currency: string | undefined
  stage: Stage | undefined
  ties: number
  group: RfmGroup | undefined
}

/** One dot per customer: value across, stage up, ties as size, RFM group as colour. */
export function valueMapPoints(model: WholeValueModel): ValuePoint[] {
  return model.segmentData.customers.map((customer) => {
    const value = model.summaries.get(customer.id)?.value
    return {
      id: customer.id,
      name: customer.name,
      total: value?.total ?? 0,
      currency: value?.currency,
      stage: customer.stage,
      ties: model.tieCounts.get(customer.id) ?? 0,
      group: customer.rfm?.group,
    }
  })
}

export interface RfmCell {
  recency: Score
  frequency: Score
  ids: string[]
  /** Mean monetary score of the cell's customers; 0 for an empty cell. */
  averageMonetary: number
}

/** The 25 cells of recency × frequency, recency 1–5 then frequency 1–5. */
export function rfmGridCells(model: WholeValueModel): RfmCell[] {
  const scores = [1, 2, 3, 4, 5] as const
  const cells = scores.flatMap((recency) =>
    scores.map((frequency): RfmCell & { monetarySum: number } => ({
      recency,
      frequency,
      ids: [],
      averageMonetary: 0,
      monetarySum: 0,
    })),
  )
  for (const [id, rfm] of model.rfm) {
    const cell = cells[(rfm.recency - 1) * 5 + (rfm.frequency - 1)]!
    cell.ids.push(id)
    cell.monetarySum += rfm.monetary
  }
  return cells.map(({ monetarySum, ...cell }) => ({
    ...cell,
    averageMonetary: cell.ids.length > 0 ? monetarySum / cell.ids.length : 0,
  }))
}

export interface ParetoMark {
  tier: Exclude<Tier, 'rest'>
  ids: string[]
  /** Share of buyers in the tier, 0–1. */
  customerShare: number
  revenueShare: number
}

export function paretoMarks(model: WholeValueModel): ParetoMark[] {
  const buyers = model.tiers.ranking.length
  return (
    [
      ['top-5', model.tiers.top5],
      ['top-20', model.tiers.top20],
    ] as const
  ).map(([tier, summary]) => ({
    tier,
    ids: summary.ids,
    customerShare: buyers > 0 ? summary.ids.length / buyers : 0,
    revenueShare: summary.share,
  }))
}
