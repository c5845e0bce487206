/**
 * Segment history: which group each customer was in at the end of each past period (RFM group,
 * ladder stage or value tier, each computed as it stood then), the sizes of the groups over time
 * and the flows of customers between groups from one period to the next. Pure: data in, data out.
 *
 * "As it stood then" means: only purchases, notes and ties dated up to the period's end count,
 * `now` is that end (recency, the ladder's 90-day window), a follow-up done later is still open,
 * and a manual stage override counts from the day it was set. RFM quintiles and tiers are relative
 * to the buyers of that day, exactly as the live value model computes them for today.
 *
 * A customer counts from the day they first appear in the notebook: their creation, or an earlier
 * dated purchase or note (a CSV import creates customers today with purchases from years ago).
 * Once counted, a customer stays counted, so each period's customers flow into the next period's
 * groups, and the next period's size is the previous one plus the newcomers.
 *
 * The expensive part is done once: purchases are bucketed by customer and sorted by date, then
 * every period end is a sweep over each customer's own purchases and notes, not a new pass over
 * the whole notebook. `classifyAtPeriodEnds` returns a compact snapshot (one byte per customer
 * per period and grouping) that a worker can post cheaply; `segmentHistory` turns it into sizes,
 * members and flows for one grouping.
 */
import type { Entity, Note, Tie } from '../model/records'
import { STAGES, TIE_TYPES } from '../model/vocabulary'
import type { Stage } from '../model/vocabulary'
import type { PurchaseFact } from '../notebook/customer-summary'
import { forEachPurchase } from '../notebook/purchase-rows'
import type { Purchases } from '../notebook/purchase-rows'
import { ATTENDED_TOUCHPOINTS, ATTENDED_WINDOW_MS, BETTER_KNOWN_FACETS } from '../notebook/ladder'
import { computeRfm, RFM_GROUPS } from './rfm'
import type { RfmInput } from './rfm'
import { computeTiers } from './tiers'

export const HISTORY_GROUPINGS = ['rfm', 'stage', 'tier'] as const
export type HistoryGrouping = (typeof HISTORY_GROUPINGS)[number]

/** The groups of each grouping, best first; every customer counted is in exactly one. */
export const HISTORY_GROUPS = {
  rfm: [...RFM_GROUPS, 'no-purchase'],
  stage: [...[...STAGES].reverse(), 'none'],
  tier: ['top-5', 'top-20', 'rest', 'no-purchase'],
} as const satisfies Record<HistoryGrouping, readonly string[]>
export type HistoryGroup = (typeof HISTORY_GROUPS)[HistoryGrouping][number]

export const PERIOD_KINDS = ['month', 'quarter'] as const
export type PeriodKind = (typeof PERIOD_KINDS)[number]
/** A year of months, two years of quarters. */
export const DEFAULT_PERIOD_COUNT: Record<PeriodKind, number> = { month: 12, quarter: 8 }

/** In a snapshot, the code of a customer not yet in the notebook at that period's end. */
export const ABSENT = 255

export interface HistoryInput {
  entities: readonly Pick<Entity, 'id' | 'kind' | 'createdAt' | 'stageOverride'>[]
  ties: readonly Pick<Tie, 'from' | 'to' | 'type' | 'since' | 'createdAt'>[]
  notes: readonly Pick<Note, 'about' | 'kind' | 'at' | 'facets' | 'source' | 'followUp'>[]
  purchases: Purchases
}

export interface SegmentSnapshots {
  customerIds: string[]
  /** Period ends, epoch ms, ascending. */
  ends: number[]
  /**
   * For each grouping and period, each customer's group as an index into
   * `HISTORY_GROUPS[grouping]`, or `ABSENT`.
   */
  codes: Record<HistoryGrouping, Uint8Array[]>
}

/**
 * The ends of the last `count` periods, oldest first, in local time: the last instant of each
 * past calendar month or quarter, then `now` for the period under way.
 */
export function periodEnds(now: number, kind: PeriodKind, count: number): number[] {
  const today = new Date(now)
  const step = kind === 'month' ? 1 : 3
  const start = kind === 'month' ? today.getMonth() : today.getMonth() - (today.getMonth() % 3)
  const ends: number[] = []
  for (let back = count - 1; back >= 1; back--) {
    ends.push(new Date(today.getFullYear(), start - step * (back - 1), 1).getTime() - 1)
  }
  if (count > 0) ends.push(now)
  return ends
}

/** The month (0–11) and year a period end falls in, and its quarter (1–4). */
export function periodOf(end: number): { year: number; month: number; quarter: number } {
  const date = new Date(end)
  return {
    year: date.getFullYear(),
    month: date.getMonth(),
    quarter: Math.floor(date.getMonth() / 3) + 1,
  }
}

interface Tally {
  currency: string
  total: number
  count: number
}

type HistoryNote = HistoryInput['notes'][number]
type HistoryTie = HistoryInput['ties'][number]

/** Each customer's group at each of `ends` (ascending), for the three groupings at once. */
export function classifyAtPeriodEnds(
  input: HistoryInput,
  ends: readonly number[],
): SegmentSnapshots {
  const customers = input.entities.filter((entity) => entity.kind === 'customer')
  const n = customers.length
  const indexOf = new Map<string, number>(customers.map((customer, index) => [customer.id, index]))

  // Purchases bucketed by customer (a counting sort), then each bucket by date.
  const bucketStart = new Int32Array(n + 1)
  forEachPurchase(input.purchases, (customerId) => {
    const index = indexOf.get(customerId)
    if (index !== undefined) bucketStart[index + 1]! += 1
  })
  for (let index = 0; index < n; index++) bucketStart[index + 1]! += bucketStart[index]!
  const fill = bucketStart.slice(0, n)
  const sorted = new Array<PurchaseFact>(bucketStart[n]!)
  forEachPurchase(input.purchases, (customerId, at, amount, currency) => {
    const index = indexOf.get(customerId)
    if (index !== undefined) sorted[fill[index]!++] = { customerId, at, amount, currency }
  })
  for (let index = 0; index < n; index++) {
    const from = bucketStart[index]!
    const to = bucketStart[index + 1]!
    if (to - from > 1) {
      const bucket = sorted.slice(from, to).sort((a, b) => a.at - b.at)
      for (let k = 0; k < bucket.length; k++) sorted[from + k] = bucket[k]!
    }
  }

  const notesOf: HistoryNote[][] = customers.map(() => [])
  for (const note of input.notes) {
    for (const about of note.about.length === 1 ? note.about : new Set(note.about)) {
      const index = indexOf.get(about)
      if (index !== undefined) notesOf[index]!.push(note)
    }
  }
  const tiesOf: HistoryTie[][] = customers.map(() => [])
  for (const tie of input.ties) {
    for (const end of tie.from === tie.to ? [tie.from] : [tie.from, tie.to]) {
      const index = indexOf.get(end)
      if (index !== undefined) tiesOf[index]!.push(tie)
    }
  }

  const rfmGroups: readonly string[] = HISTORY_GROUPS.rfm
  const stageGroups: readonly string[] = HISTORY_GROUPS.stage
  const tierGroups: readonly string[] = HISTORY_GROUPS.tier
  const rfmNone = rfmGroups.indexOf('no-purchase')
  const stageNone = stageGroups.indexOf('none')
  const tierNone = tierGroups.indexOf('no-purchase')

  const timelines = customers.map((customer, index) =>
    stageTimeline(
      customer,
      notesOf[index]!,
      tiesOf[index]!,
      bucketStart[index + 1]! > bucketStart[index]! ? sorted[bucketStart[index]!]!.at : Infinity,
    ),
  )

  // The day each customer first appears in the notebook.
  const since = customers.map((customer, index) =>
    Math.min(customer.createdAt, timelines[index]!.knownFrom),
  )

  // Sweep state: how far each customer's purchases have been read, and their tallies.
  const purchaseAt = bucketStart.slice(0, n)
  const tallies: Tally[][] = customers.map(() => [])
  const lastPurchase = new Float64Array(n)

  const codes: SegmentSnapshots['codes'] = { rfm: [], stage: [], tier: [] }
  for (const end of ends) {
    const rfmInputs: RfmInput[] = []
    const totals: { id: string; total: number }[] = []
    for (let index = 0; index < n; index++) {
      const stop = bucketStart[index + 1]!
      let cursor = purchaseAt[index]!
      const own = tallies[index]!
      while (cursor < stop && sorted[cursor]!.at <= end) {
        const purchase = sorted[cursor]!
        let tally = own.find((candidate) => candidate.currency === purchase.currency)
        if (!tally) {
          tally = { currency: purchase.currency, total: 0, count: 0 }
          own.push(tally)
        }
        tally.total += purchase.amount
        tally.count += 1
        lastPurchase[index] = purchase.at
        cursor++
      }
      purchaseAt[index] = cursor
      if (since[index]! > end) continue
      let best: Tally | undefined
      for (const tally of own) if (!best || tally.count > best.count) best = tally
      const id = customers[index]!.id
      if (best) {
        rfmInputs.push({
          id,
          lastPurchaseAt: lastPurchase[index]!,
          purchases: best.count,
          monetary: best.total,
        })
      }
      totals.push({ id, total: best?.total ?? 0 })
    }
    const rfm = computeRfm(rfmInputs)
    const tiers = computeTiers(totals)

    const rfmCodes = new Uint8Array(n).fill(ABSENT)
    const stageCodes = new Uint8Array(n).fill(ABSENT)
    const tierCodes = new Uint8Array(n).fill(ABSENT)
    for (let index = 0; index < n; index++) {
      if (since[index]! > end) continue
      const customer = customers[index]!
      const group = rfm.get(customer.id)?.group
      rfmCodes[index] = group === undefined ? rfmNone : rfmGroups.indexOf(group)
      const tier = tiers.tierOf.get(customer.id)
      tierCodes[index] = tier === undefined ? tierNone : tierGroups.indexOf(tier)
      const stage = stageAtEnd(timelines[index]!, end)
      stageCodes[index] = stage === undefined ? stageNone : stageGroups.indexOf(stage)
    }
    codes.rfm.push(rfmCodes)
    codes.stage.push(stageCodes)
    codes.tier.push(tierCodes)
  }
  return { customerIds: customers.map((customer) => customer.id), ends: [...ends], codes }
}

/**
 * When each rung of the ladder (`computeStage`) became true for one customer, so that their stage
 * at any end is a few comparisons rather than a pass over their notes. Every rung but the 90-day
 * touchpoints is reached once and kept: what was dated by an end stays dated by any later end.
 */
export interface StageTimeline {
  overrideFrom: number
  overrideStage: Stage | undefined
  /** An influence tie going out from them, or a note of their know-how or a creation. */
  engagedFrom: number
  /** A complaint or question of theirs whose follow-up was done. */
  answeredFrom: number
  /** Their notes' dates, ascending (the touchpoints of the last 90 days). */
  noteTimes: Float64Array
  /** Volunteered notes covering enough different facets. */
  betterKnownFrom: number
  /** A first purchase or note. */
  knownFrom: number
}

export function stageTimeline(
  customer: HistoryInput['entities'][number],
  notes: readonly HistoryNote[],
  ties: readonly HistoryTie[],
  firstPurchaseAt: number,
): StageTimeline {
  let engagedFrom = Infinity
  for (const tie of ties) {
    if (tie.from === customer.id && TIE_TYPES[tie.type].family === 'influence') {
      engagedFrom = Math.min(engagedFrom, tie.since ?? tie.createdAt)
    }
  }
  let answeredFrom = Infinity
  let betterKnownFrom = Infinity
  const volunteered = new Set<string>()
  const byDate = [...notes].sort((a, b) => a.at - b.at)
  for (const note of byDate) {
    if (note.facets.some((facet) => facet === 'know-how' || facet === 'creation')) {
      engagedFrom = Math.min(engagedFrom, note.at)
    }
    const doneAt = note.followUp?.doneAt
    if ((note.kind === 'complaint' || note.kind === 'question') && doneAt !== undefined) {
      answeredFrom = Math.min(answeredFrom, Math.max(note.at, doneAt))
    }
    if (note.source === 'volunteered' && betterKnownFrom === Infinity) {
      for (const facet of note.facets) volunteered.add(facet)
      if (volunteered.size >= BETTER_KNOWN_FACETS) betterKnownFrom = note.at
    }
  }
  return {
    overrideFrom: customer.stageOverride?.at ?? Infinity,
    overrideStage: customer.stageOverride?.stage,
    engagedFrom,
    answeredFrom,
    noteTimes: Float64Array.from(byDate, (note) => note.at),
    betterKnownFrom,
    knownFrom: Math.min(firstPurchaseAt, byDate[0]?.at ?? Infinity),
  }
}

/** How many of the ascending `times` are at most `limit`. */
function countUpTo(times: Float64Array, limit: number): number {
  let low = 0
  let high = times.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (times[middle]! <= limit) low = middle + 1
    else high = middle
  }
  return low
}

/** The stage `computeStage` gives from what was dated by `end`, with `now` = `end`. */
export function stageAtEnd(timeline: StageTimeline, end: number): Stage | undefined {
  if (timeline.overrideFrom <= end) return timeline.overrideStage
  if (timeline.engagedFrom <= end) return 'engaged'
  if (timeline.answeredFrom <= end) return 'attended'
  const { noteTimes } = timeline
  if (
    noteTimes.length >= ATTENDED_TOUCHPOINTS &&
    countUpTo(noteTimes, end) - countUpTo(noteTimes, end - ATTENDED_WINDOW_MS) >=
      ATTENDED_TOUCHPOINTS
  ) {
    return 'attended'
  }
  if (timeline.betterKnownFrom <= end) return 'better-known'
  if (timeline.knownFrom <= end) return 'known'
  return undefined
}

/** The ends of both kinds of period, and the snapshots at all of them (computed once). */
export interface SegmentHistoryModel {
  periods: Record<PeriodKind, number[]>
  snapshots: SegmentSnapshots
}

export function computeSegmentHistoryModel(
  input: HistoryInput,
  now: number,
  counts: Record<PeriodKind, number> = DEFAULT_PERIOD_COUNT,
): SegmentHistoryModel {
  const periods = {
    month: periodEnds(now, 'month', counts.month),
    quarter: periodEnds(now, 'quarter', counts.quarter),
  }
  const ends = [...new Set([...periods.month, ...periods.quarter])].sort((a, b) => a - b)
  return { periods, snapshots: classifyAtPeriodEnds(input, ends) }
}

/** The `from` of the customers who were not in the notebook yet at the previous end. */
export const NEWCOMERS = 'newcomers'

/** The customers who went from one group (or from nowhere: `NEWCOMERS`) to another. */
export interface HistoryFlow {
  from: HistoryGroup | typeof NEWCOMERS
  to: HistoryGroup
  ids: string[]
}

/** The snapshot column of one grouping at one period end. */
function column(snapshots: SegmentSnapshots, grouping: HistoryGrouping, end: number): Uint8Array {
  const at = snapshots.ends.indexOf(end)
  if (at < 0) throw new Error(`no snapshot at ${end}`)
  return snapshots.codes[grouping][at]!
}

/** `sizes[period][group]`: how many customers each group held at each of `ends`. */
export function historySizes(
  snapshots: SegmentSnapshots,
  grouping: HistoryGrouping,
  ends: readonly number[],
): number[][] {
  const groups = HISTORY_GROUPS[grouping].length
  return ends.map((end) => {
    const sizes = new Array<number>(groups).fill(0)
    for (const code of column(snapshots, grouping, end)) if (code !== ABSENT) sizes[code]! += 1
    return sizes
  })
}

/** The customers in `group` at `end`. */
export function historyMembers(
  snapshots: SegmentSnapshots,
  grouping: HistoryGrouping,
  end: number,
  group: HistoryGroup,
): string[] {
  const code = (HISTORY_GROUPS[grouping] as readonly string[]).indexOf(group)
  const ids: string[] = []
  column(snapshots, grouping, end).forEach((value, index) => {
    if (value === code) ids.push(snapshots.customerIds[index]!)
  })
  return ids
}

/**
 * Who went from which group at `fromEnd` to which at `toEnd` (later): one entry per non-empty
 * pair, newcomers first then in group order, customers who stayed included (from = to).
 */
export function historyFlows(
  snapshots: SegmentSnapshots,
  grouping: HistoryGrouping,
  fromEnd: number,
  toEnd: number,
): HistoryFlow[] {
  const groups: readonly HistoryGroup[] = HISTORY_GROUPS[grouping]
  const before = column(snapshots, grouping, fromEnd)
  const after = column(snapshots, grouping, toEnd)
  // Rows: newcomers then each group; columns: each group.
  const cells = new Map<number, string[]>()
  after.forEach((to, index) => {
    if (to === ABSENT) return
    const from = before[index]!
    const key = (from === ABSENT ? 0 : from + 1) * groups.length + to
    const ids = cells.get(key)
    if (ids) ids.push(snapshots.customerIds[index]!)
    else cells.set(key, [snapshots.customerIds[index]!])
  })
  return [...cells]
    .sort(([a], [b]) => a - b)
    .map(([key, ids]): HistoryFlow => {
      const row = Math.floor(key / groups.length)
      return {
        from: row === 0 ? NEWCOMERS : groups[row - 1]!,
        to: groups[key % groups.length]!,
        ids,
      }
    })
}

export interface SegmentHistory {
  grouping: HistoryGrouping
  groups: readonly HistoryGroup[]
  ends: number[]
  /** `sizes[period][group]`: how many customers each group held at each period's end. */
  sizes: number[][]
  /** `members[period][group]`: who they were. */
  members: string[][][]
  /** `flows[i]`: from period `i` to period `i + 1` (see `historyFlows`). */
  flows: HistoryFlow[][]
}

/**
 * Sizes, members and flows of one grouping at the given period ends (ascending, each one of the
 * snapshots' ends; by default all of them). The charts ask for the parts they draw instead.
 */
export function segmentHistory(
  snapshots: SegmentSnapshots,
  grouping: HistoryGrouping,
  ends: readonly number[] = snapshots.ends,
): SegmentHistory {
  const groups: readonly HistoryGroup[] = HISTORY_GROUPS[grouping]
  return {
    grouping,
    groups,
    ends: [...ends],
    sizes: historySizes(snapshots, grouping, ends),
    members: ends.map((end) =>
      groups.map((group) => historyMembers(snapshots, grouping, end, group)),
    ),
    flows: ends
      .slice(1)
      .map((end, period) => historyFlows(snapshots, grouping, ends[period]!, end)),
  }
}
