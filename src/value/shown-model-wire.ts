/**
 * The value model the Segments screen shows (`ShownValueModel`), packed to cross from the value
 * worker to the page. As maps of small objects (a summary, scores, a tier and a place on the
 * Pareto curve for each of 20,000 customers) it was about 10 MB that took the worker and the
 * page hundreds of milliseconds to copy, after every change and right after an import; packed,
 * the numbers travel as typed arrays, one row per customer, and the page puts the same maps back
 * together. Written by hand: structured cloning has no columnar form of its own.
 */
import type { CustomerSummary } from '../notebook/customer-summary'
import { STAGES } from '../model/vocabulary'
import type { Stage } from '../model/vocabulary'
import { RFM_GROUPS } from './rfm'
import type { Rfm, Score } from './rfm'
import { TIERS } from './tiers'
import type { ParetoPoint, Tier, ValueInput } from './tiers'
import type { ShownValueModel } from './value-views'

/** Keys of a map as rows of `customers`, in the map's order. */
type Rows = Uint32Array

export interface PackedShownModel {
  customers: ShownValueModel['customers']
  openLoops: number
  summaries: {
    rows: Rows
    lastContactAt: Float64Array
    purchaseCount: Float64Array
    /** 0 for none, else 1 + index in `STAGES`. */
    stage: Uint8Array
    currencies: string[]
    /** 0 for none, else 1 + index in `currencies`. */
    currency: Uint32Array
    total: Float64Array
    last12Months: Float64Array
    purchases: Float64Array
    lastPurchaseAt: Float64Array
    averageBasket: Float64Array
    hasOtherCurrencies: Uint8Array
  }
  rfm: {
    rows: Rows
    recency: Uint8Array
    frequency: Uint8Array
    monetary: Uint8Array
    group: Uint8Array
  }
  tiers: Omit<ShownValueModel['tiers'], 'ranking' | 'tierOf' | 'pareto'> & {
    ranking: { rows: Rows; total: Float64Array }
    tierOf: { rows: Rows; tier: Uint8Array }
    pareto: {
      rows: Rows
      rank: Float64Array
      total: Float64Array
      customerShare: Float64Array
      revenueShare: Float64Array
    }
  }
  tieCounts: { rows: Rows; count: Float64Array }
  stages: { rows: Rows; stage: Uint8Array }
}

const stageCode = (stage: Stage | undefined) =>
  stage === undefined ? 0 : STAGES.indexOf(stage) + 1
const stageOf = (code: number): Stage | undefined => (code === 0 ? undefined : STAGES[code - 1])
/** `undefined` travels as NaN: no date or amount is NaN. */
const orNaN = (value: number | undefined) => value ?? Number.NaN
const orUndefined = (value: number) => (Number.isNaN(value) ? undefined : value)

export function packShownModel(model: ShownValueModel): PackedShownModel {
  const rowOf = new Map(model.customers.map((customer, row) => [customer.id, row]))
  const rowsOf = (ids: Iterable<string>, size: number): Rows => {
    const rows = new Uint32Array(size)
    let at = 0
    for (const id of ids) {
      const row = rowOf.get(id)
      if (row === undefined) throw new Error(`Not a customer of the model: ${id}`)
      rows[at++] = row
    }
    return rows
  }

  const summaries = [...model.summaries.values()]
  const currencies: string[] = []
  const currencyIndex = new Map<string, number>()
  const packedSummaries: PackedShownModel['summaries'] = {
    rows: rowsOf(model.summaries.keys(), summaries.length),
    lastContactAt: Float64Array.from(summaries, (summary) => orNaN(summary.lastContactAt)),
    purchaseCount: Float64Array.from(summaries, (summary) => summary.purchaseCount),
    stage: Uint8Array.from(summaries, (summary) => stageCode(summary.stage)),
    currencies,
    currency: Uint32Array.from(summaries, ({ value: { currency } }) => {
      if (currency === undefined) return 0
      let index = currencyIndex.get(currency)
      if (index === undefined) {
        index = currencies.push(currency) - 1
        currencyIndex.set(currency, index)
      }
      return index + 1
    }),
    total: Float64Array.from(summaries, (summary) => summary.value.total),
    last12Months: Float64Array.from(summaries, (summary) => summary.value.last12Months),
    purchases: Float64Array.from(summaries, (summary) => summary.value.purchases),
    lastPurchaseAt: Float64Array.from(summaries, (summary) => orNaN(summary.value.lastPurchaseAt)),
    averageBasket: Float64Array.from(summaries, (summary) => summary.value.averageBasket),
    hasOtherCurrencies: Uint8Array.from(summaries, (summary) =>
      summary.value.hasOtherCurrencies ? 1 : 0,
    ),
  }

  const scores = [...model.rfm.values()]
  const { ranking, tierOf, pareto, ...tierSummaries } = model.tiers
  return {
    customers: model.customers,
    openLoops: model.openLoops,
    summaries: packedSummaries,
    rfm: {
      rows: rowsOf(model.rfm.keys(), scores.length),
      recency: Uint8Array.from(scores, (rfm) => rfm.recency),
      frequency: Uint8Array.from(scores, (rfm) => rfm.frequency),
      monetary: Uint8Array.from(scores, (rfm) => rfm.monetary),
      group: Uint8Array.from(scores, (rfm) => RFM_GROUPS.indexOf(rfm.group)),
    },
    tiers: {
      ...tierSummaries,
      ranking: {
        rows: rowsOf(
          ranking.map((input) => input.id),
          ranking.length,
        ),
        total: Float64Array.from(ranking, (input) => input.total),
      },
      tierOf: {
        rows: rowsOf(tierOf.keys(), tierOf.size),
        tier: Uint8Array.from(tierOf.values(), (tier) => TIERS.indexOf(tier)),
      },
      pareto: {
        rows: rowsOf(
          pareto.map((point) => point.id),
          pareto.length,
        ),
        rank: Float64Array.from(pareto, (point) => point.rank),
        total: Float64Array.from(pareto, (point) => point.total),
        customerShare: Float64Array.from(pareto, (point) => point.customerShare),
        revenueShare: Float64Array.from(pareto, (point) => point.revenueShare),
      },
    },
    tieCounts: {
      rows: rowsOf(model.tieCounts.keys(), model.tieCounts.size),
      count: Float64Array.from(model.tieCounts.values()),
    },
    stages: {
      rows: rowsOf(model.stages.keys(), model.stages.size),
      stage: Uint8Array.from(model.stages.values(), stageCode),
    },
  }
}

export function unpackShownModel(packed: PackedShownModel): ShownValueModel {
  const ids = packed.customers.map((customer) => customer.id)
  const idOf = (row: number) => ids[row]!
  const { summaries: s, rfm: r, tiers: t } = packed

  const summaries = new Map<string, CustomerSummary>()
  s.rows.forEach((row, at) => {
    const id = idOf(row)
    const currency = s.currency[at]!
    summaries.set(id, {
      id,
      lastContactAt: orUndefined(s.lastContactAt[at]!),
      purchaseCount: s.purchaseCount[at]!,
      stage: stageOf(s.stage[at]!),
      value: {
        currency: currency === 0 ? undefined : s.currencies[currency - 1],
        total: s.total[at]!,
        last12Months: s.last12Months[at]!,
        purchases: s.purchases[at]!,
        lastPurchaseAt: orUndefined(s.lastPurchaseAt[at]!),
        averageBasket: s.averageBasket[at]!,
        hasOtherCurrencies: s.hasOtherCurrencies[at] === 1,
      },
    })
  })

  const rfm = new Map<string, Rfm>()
  r.rows.forEach((row, at) => {
    rfm.set(idOf(row), {
      recency: r.recency[at] as Score,
      frequency: r.frequency[at] as Score,
      monetary: r.monetary[at] as Score,
      group: RFM_GROUPS[r.group[at]!]!,
    })
  })

  const { ranking, tierOf, pareto, ...tierSummaries } = t
  const tieCounts = new Map<string, number>()
  packed.tieCounts.rows.forEach((row, at) => tieCounts.set(idOf(row), packed.tieCounts.count[at]!))
  const stages = new Map<string, Stage | undefined>()
  packed.stages.rows.forEach((row, at) => stages.set(idOf(row), stageOf(packed.stages.stage[at]!)))
  return {
    customers: packed.customers,
    summaries,
    rfm,
    tiers: {
      ...tierSummaries,
      ranking: Array.from(ranking.rows, (row, at): ValueInput => ({
        id: idOf(row),
        total: ranking.total[at]!,
      })),
      tierOf: new Map(
        Array.from(tierOf.rows, (row, at): [string, Tier] => [idOf(row), TIERS[tierOf.tier[at]!]!]),
      ),
      pareto: Array.from(pareto.rows, (row, at): ParetoPoint => ({
        rank: pareto.rank[at]!,
        id: idOf(row),
        total: pareto.total[at]!,
        customerShare: pareto.customerShare[at]!,
        revenueShare: pareto.revenueShare[at]!,
      })),
    },
    tieCounts,
    stages,
    openLoops: packed.openLoops,
  }
}
