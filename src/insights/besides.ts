/**
 * What customers use besides you: the competitors, substitutes and complements they use and the
 * places they go, counted across customers, with a trend. The customers as a whole say who the
 * real competitors are and which partners make sense. Pure.
 *
 * Items: products whose side is competitor, substitute or complement (a product with no side is
 * `unclassified`), and places. Our own products (side `ours`) are left out: this list is about
 * the rest of the ecosystem, and what customers buy of ours is the value views' subject.
 *
 * A customer counts for an item when
 * - a use tie goes from the customer to the item (uses, owns, wants), or a `frequents` tie (or
 *   any use tie) to a place; or
 * - a note about the customer is also about the item (a mention);
 * unless the customer has a `stopped-using` tie to it: then they count against it, in
 * `stoppedCustomerIds`, whatever else says they used it (stopping is the newer fact).
 * `net` = customers − stopped customers; items are ranked by net, then customers, then id.
 *
 * Trend: net new evidence per month over the last 12 rolling months (see time.ts): +1 for each
 * use or place tie at its `since` (its `createdAt` when unknown), +1 for each note at its `at`,
 * −1 for each stopped-using tie. An item is **rising** when the last 3 months hold at least
 * `RISING_MIN` (2) and their monthly mean exceeds `RISING_FACTOR` (1.5) × the monthly mean of
 * the 9 months before (a nil or negative past counts as zero).
 */
import type { Entity, Note, Tie } from '../model/records'
import { TIE_TYPES } from '../model/vocabulary'
import { MONTH_MS, compareIds, windowIndex, windowStarts } from './time'

export const BESIDE_GROUPS = [
  'competitor',
  'substitute',
  'complement',
  'unclassified',
  'place',
] as const
export type BesideGroup = (typeof BESIDE_GROUPS)[number]

export const TREND_MONTHS = 12
export const RECENT_MONTHS = 3
export const RISING_MIN = 2
export const RISING_FACTOR = 1.5

export interface BesideItem {
  id: string
  group: BesideGroup
  /** Customers who use, own, want or frequent it, or whose notes mention it; stopped excluded. */
  customerIds: string[]
  /** Customers with a stopped-using tie to it. */
  stoppedCustomerIds: string[]
  /** customerIds.length − stoppedCustomerIds.length. */
  net: number
  /** Notes about both the item and at least one customer, newest first. */
  noteIds: string[]
  /** Net new evidence per month, oldest first, aligned with `Besides.monthStarts`. */
  monthly: number[]
  isRising: boolean
}

export interface Besides {
  /** Exclusive start of each of the 12 monthly windows, oldest first; the last ends at `now`. */
  monthStarts: number[]
  /** Items with at least one customer, stopped or not, by group. */
  groups: Record<BesideGroup, BesideItem[]>
}

export interface BesidesInput {
  entities: readonly Pick<Entity, 'id' | 'kind' | 'side'>[]
  ties: readonly Pick<Tie, 'from' | 'to' | 'type' | 'since' | 'createdAt'>[]
  notes: readonly Pick<Note, 'id' | 'about' | 'at'>[]
  now: number
}

interface Tally {
  customers: Set<string>
  stopped: Set<string>
  notes: { id: string; at: number }[]
  monthly: number[]
}

function groupOf(entity: Pick<Entity, 'kind' | 'side'> | undefined): BesideGroup | undefined {
  if (entity?.kind === 'place') return 'place'
  if (entity?.kind !== 'product' || entity.side === 'ours') return undefined
  return entity.side ?? 'unclassified'
}

export function isRisingTrend(monthly: readonly number[]): boolean {
  const split = monthly.length - RECENT_MONTHS
  const recent = monthly.slice(split).reduce((sum, n) => sum + n, 0)
  const earlier = Math.max(
    0,
    monthly.slice(0, split).reduce((sum, n) => sum + n, 0),
  )
  return recent >= RISING_MIN && recent / RECENT_MONTHS > (RISING_FACTOR * earlier) / split
}

export function findBesides({ entities, ties, notes, now }: BesidesInput): Besides {
  // Sets and maps of ids only: a lookup then touches no entity record.
  const customers = new Set<string>()
  const groupOfItem = new Map<string, BesideGroup>()
  for (const entity of entities) {
    if (entity.kind === 'customer') customers.add(entity.id)
    const group = groupOf(entity)
    if (group) groupOfItem.set(entity.id, group)
  }
  const isCustomer = (id: string) => customers.has(id)
  const tallies = new Map<string, Tally>()
  const tallyOf = (id: string): Tally | undefined => {
    let tally = tallies.get(id)
    if (!tally && groupOfItem.has(id)) {
      tally = {
        customers: new Set(),
        stopped: new Set(),
        notes: [],
        monthly: Array.from({ length: TREND_MONTHS }, () => 0),
      }
      tallies.set(id, tally)
    }
    return tally
  }
  const count = (tally: Tally, at: number, delta: number) => {
    const month = windowIndex(at, now, MONTH_MS, TREND_MONTHS)
    if (month >= 0) tally.monthly[month]! += delta
  }

  for (const tie of ties) {
    const family = TIE_TYPES[tie.type].family
    if ((family !== 'use' && family !== 'place') || !isCustomer(tie.from)) continue
    const tally = tallyOf(tie.to)
    if (!tally) continue
    const at = tie.since ?? tie.createdAt
    if (tie.type === 'stopped-using') {
      tally.stopped.add(tie.from)
      count(tally, at, -1)
    } else {
      tally.customers.add(tie.from)
      count(tally, at, +1)
    }
  }

  for (const note of notes) {
    // Most notes are about customers only: skip them before allocating anything.
    if (!note.about.some((id) => groupOfItem.has(id))) continue
    const about = new Set(note.about)
    const noteCustomers = [...about].filter(isCustomer)
    if (noteCustomers.length === 0) continue
    for (const id of about) {
      const tally = tallyOf(id)
      if (!tally) continue
      for (const customer of noteCustomers) tally.customers.add(customer)
      tally.notes.push({ id: note.id, at: note.at })
      count(tally, note.at, +1)
    }
  }

  const groups: Record<BesideGroup, BesideItem[]> = {
    competitor: [],
    substitute: [],
    complement: [],
    unclassified: [],
    place: [],
  }
  for (const [id, tally] of tallies) {
    const group = groupOfItem.get(id)!
    const customerIds = [...tally.customers].filter((c) => !tally.stopped.has(c)).sort(compareIds)
    const stoppedCustomerIds = [...tally.stopped].sort(compareIds)
    groups[group].push({
      id,
      group,
      customerIds,
      stoppedCustomerIds,
      net: customerIds.length - stoppedCustomerIds.length,
      noteIds: tally.notes.sort((a, b) => b.at - a.at || compareIds(a.id, b.id)).map((n) => n.id),
      monthly: tally.monthly,
      isRising: isRisingTrend(tally.monthly),
    })
  }
  for (const group of BESIDE_GROUPS) {
    groups[group].sort(
      (a, b) =>
        b.net - a.net || b.customerIds.length - a.customerIds.length || compareIds(a.id, b.id),
    )
  }
  return { monthStarts: windowStarts(now, MONTH_MS, TREND_MONTHS), groups }
}
