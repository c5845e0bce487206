/**
 * Everything the value views need, computed in one pass from a notebook's records: each
 * customer's summary (spend, last contact), stage on the ladder, RFM, tier, and the facts the
 * segment rules read. Pure, so it runs on the page or in a worker and is tested in Node.
 */
import type { Entity, Note, Tie } from '../model/records'
import type { EntityKind, NoteKind, Stage, Touchpoint } from '../model/vocabulary'
import { summariseCustomers } from '../notebook/customer-summary'
import type { CustomerSummary } from '../notebook/customer-summary'
import { computeStage } from '../notebook/ladder'
import { canFollowUp } from '../notebook/notes'
import type { Purchases } from '../notebook/purchase-rows'
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
  purchases: Purchases
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

/**
 * What the value model reads of the entities, notes and ties, customer by customer. It is most of
 * the model's work (200,000 notes against a few thousand purchases' worth of tallies), and an
 * import of purchases does not change it.
 */
interface Relations {
  customers: Entity[]
  notesOf: NoteFact[][]
  tiesOf: Pick<Tie, 'from' | 'to' | 'type'>[][]
  /** Each customer's newest note. */
  lastNote: Map<string, number>
  openLoops: number
  mentionNotes: MentionFact[]
  noteKinds: Set<NoteKind>[]
  touchpoints: Set<Touchpoint>[]
  segmentTies: SegmentCustomer['ties'][]
}

function relate({ entities, ties, notes }: Omit<ValueModelInput, 'purchases' | 'now'>): Relations {
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
  return {
    customers,
    notesOf,
    tiesOf,
    lastNote,
    openLoops,
    mentionNotes,
    noteKinds: notesOf.map((own) => new Set(own.map((note) => note.kind))),
    touchpoints: notesOf.map((own) => new Set(own.map((note) => note.touchpoint))),
    segmentTies: customers.map((customer, row) =>
      tiesOf[row]!.map((tie) => {
        const otherId = tie.from === customer.id ? tie.to : tie.from
        return { type: tie.type, otherId, otherKind: kindOf.get(otherId) }
      }),
    ),
  }
}

export function computeValueModel(input: ValueModelInput): ValueModel {
  return modelFrom(relate(input), input)
}

/**
 * `computeValueModel` for a worker that computes the model of the same notebook after each
 * change: what the notes and ties give each customer is kept while the entities, notes and ties
 * are the same arrays (`ModelInputCache` keeps a table's array until that table changes), so an
 * import of purchases computes only the spend, RFM, tiers and stages again.
 */
export function valueModeller(): (input: ValueModelInput) => ValueModel {
  let kept: (Pick<ValueModelInput, 'entities' | 'notes' | 'ties'> & Relations) | undefined
  return (input) => {
    const isSame =
      kept?.entities === input.entities && kept.notes === input.notes && kept.ties === input.ties
    if (!isSame) {
      kept = { ...relate(input), entities: input.entities, notes: input.notes, ties: input.ties }
    }
    return modelFrom(kept!, input)
  }
}

/** The model from the customers' relations and the purchases, at `now`. */
function modelFrom(relations: Relations, { ties, purchases, now }: ValueModelInput): ValueModel {
  const { customers, notesOf, tiesOf, lastNote } = relations
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
      noteKinds: relations.noteKinds[row]!,
      touchpoints: relations.touchpoints[row]!,
      lastContactAt: summaries.get(customer.id)?.lastContactAt,
      ties: relations.segmentTies[row]!,
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
    openLoops: relations.openLoops,
    mentions: { notes: relations.mentionNotes, ties },
  }
}
