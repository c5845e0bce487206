/**
 * Everything the value views need, computed in one pass from a notebook's records: each
 * customer's summary (spend, last contact), stage on the ladder, RFM, tier, and the facts the
 * segment rules read. Pure, so it runs on the page or in a worker and is tested in Node.
 */
import type { Entity, Note, Tie } from '../model/records'
import type { EntityKind, NoteKind, Touchpoint } from '../model/vocabulary'
import { summariseCustomers } from '../notebook/customer-summary'
import type { CustomerSummary, PurchaseFact } from '../notebook/customer-summary'
import { computeStage } from '../notebook/ladder'
import { canFollowUp } from '../notebook/notes'
import { computeRfm, rfmInputs } from './rfm'
import type { Rfm } from './rfm'
import type { SegmentCustomer, SegmentData } from './segment-rules'
import { computeTiers } from './tiers'
import type { ValueTiers } from './tiers'

export type NoteFact = Pick<
  Note,
  'about' | 'kind' | 'touchpoint' | 'at' | 'facets' | 'source' | 'followUp'
>

export interface ValueModelInput {
  /** Every entity of the notebook (customers and the ends of their ties). */
  entities: readonly Entity[]
  ties: readonly Pick<Tie, 'from' | 'to' | 'type'>[]
  notes: readonly NoteFact[]
  purchases: readonly PurchaseFact[]
  now: number
}

export interface ValueModel {
  customers: Entity[]
  summaries: Map<string, CustomerSummary>
  rfm: Map<string, Rfm>
  tiers: ValueTiers
  /** Number of ties of each customer. */
  tieCounts: Map<string, number>
  segmentData: SegmentData
  /** Notes whose feedback loop is still open (a follow-up not marked done). */
  openLoops: number
}

export function computeValueModel({
  entities,
  ties,
  notes,
  purchases,
  now,
}: ValueModelInput): ValueModel {
  const customers = entities.filter((entity) => entity.kind === 'customer')
  const kindOf = new Map<string, EntityKind>(entities.map((entity) => [entity.id, entity.kind]))
  const customerIds = new Set(customers.map((customer) => customer.id))

  const notesOf = new Map<string, NoteFact[]>()
  for (const note of notes) {
    for (const about of new Set(note.about)) {
      if (!customerIds.has(about)) continue
      const list = notesOf.get(about)
      if (list) list.push(note)
      else notesOf.set(about, [note])
    }
  }
  const tiesOf = new Map<string, Pick<Tie, 'from' | 'to' | 'type'>[]>()
  for (const tie of ties) {
    for (const end of tie.from === tie.to ? [tie.from] : [tie.from, tie.to]) {
      if (!customerIds.has(end)) continue
      const list = tiesOf.get(end)
      if (list) list.push(tie)
      else tiesOf.set(end, [tie])
    }
  }
  const purchaseCount = new Map<string, number>()
  for (const purchase of purchases) {
    purchaseCount.set(purchase.customerId, (purchaseCount.get(purchase.customerId) ?? 0) + 1)
  }

  const summaries = summariseCustomers(
    customers,
    notes.flatMap((note) => note.about.map((entityId) => ({ entityId, at: note.at }))),
    purchases,
    now,
  )
  const rfm = computeRfm(rfmInputs(summaries.values()))
  const tiers = computeTiers(
    [...summaries.values()].map(({ id, value }) => ({ id, total: value.total })),
  )

  const tieCounts = new Map<string, number>()
  const segmentCustomers: SegmentCustomer[] = customers.map((customer) => {
    const own = notesOf.get(customer.id) ?? []
    const customerTies = tiesOf.get(customer.id) ?? []
    tieCounts.set(customer.id, customerTies.length)
    const stage =
      customer.stageOverride?.stage ??
      computeStage({
        customerId: customer.id,
        notes: own,
        ties: customerTies,
        purchases: Array.from({ length: purchaseCount.get(customer.id) ?? 0 }),
        now,
      }).stage
    return {
      id: customer.id,
      name: customer.name,
      tags: customer.tags,
      stage,
      rfm: rfm.get(customer.id),
      tier: tiers.tierOf.get(customer.id),
      noteKinds: new Set<NoteKind>(own.map((note) => note.kind)),
      touchpoints: new Set<Touchpoint>(own.map((note) => note.touchpoint)),
      lastContactAt: summaries.get(customer.id)?.lastContactAt,
      ties: customerTies.map((tie) => {
        const otherId = tie.from === customer.id ? tie.to : tie.from
        return { type: tie.type, otherId, otherKind: kindOf.get(otherId) }
      }),
    }
  })
  return {
    customers,
    summaries,
    rfm,
    tiers,
    tieCounts,
    segmentData: { customers: segmentCustomers, now },
    openLoops: notes.filter(
      (note) =>
        canFollowUp(note.kind) && note.followUp !== undefined && note.followUp.doneAt === undefined,
    ).length,
  }
}
