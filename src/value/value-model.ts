/**
 * Everything the value views need, computed in one pass from a notebook's records: each
 * customer's summary (spend, last contact), stage on the ladder, RFM, tier, and the facts the
 * segment rules read. Pure, so it runs on the page or in a worker and is tested in Node.
 */
import type { Entity, Note, Tie } from '../model/records'
import type { EntityKind, NoteKind, Stage, Touchpoint } from '../model/vocabulary'
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
  'id' | 'about' | 'kind' | 'touchpoint' | 'at' | 'facets' | 'source' | 'followUp'
>

/** What the map's suggested ties read of a note (`src/graph/suggestions.ts`). */
export type MentionFact = Pick<Note, 'id' | 'about' | 'at'>

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
  /** Each customer's stage on the ladder: the manual override, else computed. */
  stages: Map<string, Stage | undefined>
  segmentData: SegmentData
  /** Notes whose feedback loop is still open (a follow-up not marked done). */
  openLoops: number
  /**
   * What the map's suggested ties are found in: the notes about two entities or more (a note
   * about one suggests no pair) and every tie. Kept here so that the map asks the worker for its
   * few suggestions rather than reading every note on the page; not sent to the Segments screen.
   */
  mentions: {
    notes: MentionFact[]
    ties: readonly Pick<Tie, 'from' | 'to'>[]
  }
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
  // Each customer's place in `customers`: one lookup per note or tie end, then arrays.
  const rowOf = new Map(customers.map((customer, row) => [customer.id, row]))

  // One pass over the notes: each customer's notes, their newest note, the open loops. A note
  // is about one entity most of the time, so its `about` is deduplicated only when longer.
  const notesOf: NoteFact[][] = customers.map(() => [])
  const lastNoteAt: (number | undefined)[] = customers.map(() => undefined)
  let openLoops = 0
  const mentionNotes: MentionFact[] = []
  for (const note of notes) {
    if (canFollowUp(note.kind) && note.followUp !== undefined && note.followUp.doneAt === undefined)
      openLoops++
    const about = note.about.length > 1 ? new Set(note.about) : note.about
    if (about instanceof Set && about.size > 1) mentionNotes.push(note)
    for (const id of about) {
      const row = rowOf.get(id)
      if (row === undefined) continue
      notesOf[row]!.push(note)
      const seen = lastNoteAt[row]
      if (seen === undefined || note.at > seen) lastNoteAt[row] = note.at
    }
  }
  const lastNote = new Map<string, number>()
  customers.forEach((customer, row) => {
    const at = lastNoteAt[row]
    if (at !== undefined) lastNote.set(customer.id, at)
  })
  const tiesOf: Pick<Tie, 'from' | 'to' | 'type'>[][] = customers.map(() => [])
  for (const tie of ties) {
    const from = rowOf.get(tie.from)
    if (from !== undefined) tiesOf[from]!.push(tie)
    const to = tie.to === tie.from ? undefined : rowOf.get(tie.to)
    if (to !== undefined) tiesOf[to]!.push(tie)
  }

  const summaries = summariseCustomers(customers, lastNote, purchases, now)
  const rfm = computeRfm(rfmInputs(summaries.values()))
  const tiers = computeTiers(
    [...summaries.values()].map(({ id, value }) => ({ id, total: value.total })),
  )

  const tieCounts = new Map<string, number>()
  const stages = new Map<string, Stage | undefined>()
  const segmentCustomers: SegmentCustomer[] = customers.map((customer, row) => {
    const own = notesOf[row]!
    const customerTies = tiesOf[row]!
    tieCounts.set(customer.id, customerTies.length)
    const stage =
      customer.stageOverride?.stage ??
      computeStage({
        customerId: customer.id,
        notes: own,
        ties: customerTies,
        // Only the count is read.
        purchases: new Array<undefined>(summaries.get(customer.id)?.purchaseCount ?? 0),
        now,
      }).stage
    stages.set(customer.id, stage)
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
    stages,
    segmentData: { customers: segmentCustomers, now },
    openLoops,
    mentions: { notes: mentionNotes, ties },
  }
}
