/**
 * The records a notebook stores, declared once as zod schemas. Types are inferred from them, so
 * what is validated at the boundary and what the code handles are the same thing.
 *
 * Conventions: ids are random strings (never auto-increment), times are epoch milliseconds,
 * money is an integer in minor units with an ISO 4217 currency.
 */
import { z } from 'zod'
import {
  ENTITY_KINDS,
  KNOWLEDGE_FACETS,
  NOTE_KINDS,
  NOTE_SOURCES,
  PLACE_MODES,
  PRODUCT_SIDES,
  STAGES,
  TIE_TYPE_NAMES,
  TOUCHPOINTS,
} from './vocabulary'
import type { TieType } from './vocabulary'

const id = z.string().min(1).max(64)
const epoch = z.number().int().min(0).max(8.64e15)
const sentiment = z.number().int().min(-2).max(2)
const shortText = z.string().max(500)
const stamps = { createdAt: epoch, updatedAt: epoch }

export const contactSchema = z.object({
  emails: z.array(z.string().max(320)).max(50).default([]),
  phones: z.array(z.string().max(64)).max(50).default([]),
  address: z.string().max(2_000).optional(),
  /** ISO date, YYYY-MM-DD or --MM-DD when the year is unknown. */
  birthday: z.string().max(10).optional(),
  organisation: shortText.optional(),
  website: z.string().max(2_000).optional(),
})
export type Contact = z.infer<typeof contactSchema>

export const stageOverrideSchema = z.object({
  stage: z.enum(STAGES),
  reason: z.string().max(2_000),
  at: epoch,
})

export const entitySchema = z.object({
  id,
  kind: z.enum(ENTITY_KINDS),
  name: z.string().trim().min(1).max(500),
  tags: z.array(z.string().min(1).max(100)).max(200).default([]),
  /** Free markdown: who this is, in a sentence or two. */
  summary: z.string().max(100_000).default(''),
  /** Customers only: where they are on the ladder (computed, unless overridden). */
  stage: z.enum(STAGES).optional(),
  stageOverride: stageOverrideSchema.optional(),
  /** Products only. */
  side: z.enum(PRODUCT_SIDES).optional(),
  /** Places only. */
  placeMode: z.enum(PLACE_MODES).optional(),
  contact: contactSchema.optional(),
  ...stamps,
})
export type Entity = z.infer<typeof entitySchema>

export const tieSchema = z.object({
  id,
  from: id,
  to: id,
  type: z.enum(TIE_TYPE_NAMES as [TieType, ...TieType[]]),
  strength: z.number().int().min(1).max(5).default(3),
  sentiment: sentiment.default(0),
  since: epoch.optional(),
  note: z.string().max(10_000).default(''),
  /** Ids of the notes that are evidence for this tie. */
  evidence: z.array(id).max(1_000).default([]),
  ...stamps,
})
export type Tie = z.infer<typeof tieSchema>

export const followUpSchema = z.object({
  due: epoch.optional(),
  doneAt: epoch.optional(),
})
export type FollowUp = z.infer<typeof followUpSchema>

export const noteSchema = z.object({
  id,
  /** Markdown. Mentions are links `[@Name](carnet:entity/<id>)`; tags are inline `#words`. */
  text: z.string().max(2_000_000),
  kind: z.enum(NOTE_KINDS),
  touchpoint: z.enum(TOUCHPOINTS).default('shop'),
  /** When what the note tells happened. */
  at: epoch,
  /** Entities the note is about: its mentions plus any chosen by hand. */
  about: z.array(id).max(1_000).default([]),
  tags: z.array(z.string().min(1).max(100)).max(500).default([]),
  facets: z.array(z.enum(KNOWLEDGE_FACETS)).default([]),
  source: z.enum(NOTE_SOURCES).default('observed'),
  sentiment: sentiment.default(0),
  followUp: followUpSchema.optional(),
  ...stamps,
})
export type Note = z.infer<typeof noteSchema>

export const transactionItemSchema = z.object({
  name: z.string().max(500),
  quantity: z.number().min(0).max(1e9).default(1),
  amount: z.number().int().optional(),
})

export const transactionSchema = z.object({
  id,
  customerId: id,
  at: epoch,
  /** Integer, in minor units of `currency` (cents for EUR). Refunds are negative. */
  amount: z.number().int().min(-1e13).max(1e13),
  currency: z.string().regex(/^[A-Z]{3}$/),
  items: z.array(transactionItemSchema).max(10_000).default([]),
  channel: shortText.optional(),
  /** The id in the system it was imported from, so a re-import adds nothing twice. */
  externalRef: shortText.optional(),
  ...stamps,
})
export type Transaction = z.infer<typeof transactionSchema>

const jsonObject = z.record(z.string(), z.unknown())

export const mapSchema = z.object({
  id,
  name: z.string().trim().min(1).max(500),
  /** Which entities and tie types are shown; shape owned by the map feature. */
  filters: jsonObject.default({}),
  positions: z
    .record(id, z.object({ x: z.number(), y: z.number(), pinned: z.boolean().default(false) }))
    .default({}),
  style: jsonObject.default({}),
  camera: z.object({ x: z.number(), y: z.number(), k: z.number().positive() }).default({
    x: 0,
    y: 0,
    k: 1,
  }),
  ...stamps,
})
export type SavedMap = z.infer<typeof mapSchema>

export const segmentSchema = z.object({
  id,
  name: z.string().trim().min(1).max(500),
  /** The rule over customers; shape owned by the segments feature. */
  rule: jsonObject.default({}),
  ...stamps,
})
export type Segment = z.infer<typeof segmentSchema>

export const slideSchema = z.object({
  id,
  kind: z.enum(['map', 'chart', 'text']),
  title: z.string().max(500).default(''),
  caption: z.string().max(100_000).default(''),
  speakerNotes: z.string().max(100_000).default(''),
  view: jsonObject.default({}),
})
export type Slide = z.infer<typeof slideSchema>

export const deckSchema = z.object({
  id,
  name: z.string().trim().min(1).max(500),
  slides: z.array(slideSchema).max(1_000).default([]),
  ...stamps,
})
export type Deck = z.infer<typeof deckSchema>

export const consentSchema = z.object({
  id,
  entityId: id,
  purpose: z.string().min(1).max(500),
  given: z.boolean(),
  at: epoch,
  /** How it was recorded: in person, by email, a signed form… */
  how: z.string().max(500).default(''),
  ...stamps,
})
export type Consent = z.infer<typeof consentSchema>

/** What a deletion moved out of the notebook, so that it can be restored whole. */
export const trashItemSchema = z.object({
  id,
  /** What the user deleted, in words: "Zoé Martin", "Note of 3 May". */
  label: z.string().max(500),
  deletedAt: epoch,
  records: z.array(z.object({ table: z.string(), value: jsonObject })),
  ...stamps,
})
export type TrashItem = z.infer<typeof trashItemSchema>

/** The tables of a notebook and the schema of each. */
export const RECORD_SCHEMAS = {
  entities: entitySchema,
  ties: tieSchema,
  notes: noteSchema,
  transactions: transactionSchema,
  maps: mapSchema,
  segments: segmentSchema,
  decks: deckSchema,
  consents: consentSchema,
  trash: trashItemSchema,
} as const
export type TableName = keyof typeof RECORD_SCHEMAS
export const TABLE_NAMES = Object.keys(RECORD_SCHEMAS) as TableName[]

export interface RecordOf {
  entities: Entity
  ties: Tie
  notes: Note
  transactions: Transaction
  maps: SavedMap
  segments: Segment
  decks: Deck
  consents: Consent
  trash: TrashItem
}
