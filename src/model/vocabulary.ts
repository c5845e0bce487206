/**
 * The fixed vocabularies of a notebook: kinds of entities, types of ties, kinds of notes.
 * They are data so that the UI, validation, import and export all read the same lists.
 */

export const ENTITY_KINDS = [
  'customer',
  'person',
  'product',
  'place',
  'organisation',
  'community',
  'channel',
] as const
export type EntityKind = (typeof ENTITY_KINDS)[number]

/** Which side of the market a product sits on, seen from the shop. */
export const PRODUCT_SIDES = ['ours', 'competitor', 'substitute', 'complement'] as const
export type ProductSide = (typeof PRODUCT_SIDES)[number]

export const PLACE_MODES = ['physical', 'online'] as const
export type PlaceMode = (typeof PLACE_MODES)[number]

/** The ladder of the method: know → know better → pay attention → engage. */
export const STAGES = ['known', 'better-known', 'attended', 'engaged'] as const
export type Stage = (typeof STAGES)[number]

export const TIE_FAMILIES = ['social', 'influence', 'use', 'place', 'membership', 'market'] as const
export type TieFamily = (typeof TIE_FAMILIES)[number]

/** Every tie type, its family, and whether it has a direction (from → to). */
export const TIE_TYPES = {
  family: { family: 'social', directed: false },
  partner: { family: 'social', directed: false },
  friend: { family: 'social', directed: false },
  colleague: { family: 'social', directed: false },
  neighbour: { family: 'social', directed: false },
  recommends: { family: 'influence', directed: true },
  prescribes: { family: 'influence', directed: true },
  referred: { family: 'influence', directed: true },
  uses: { family: 'use', directed: true },
  owns: { family: 'use', directed: true },
  wants: { family: 'use', directed: true },
  'stopped-using': { family: 'use', directed: true },
  frequents: { family: 'place', directed: true },
  'member-of': { family: 'membership', directed: true },
  'works-at': { family: 'membership', directed: true },
  'competes-with': { family: 'market', directed: false },
  substitutes: { family: 'market', directed: true },
  complements: { family: 'market', directed: false },
  supplies: { family: 'market', directed: true },
  partners: { family: 'market', directed: false },
} as const satisfies Record<string, { family: TieFamily; directed: boolean }>
export type TieType = keyof typeof TIE_TYPES
export const TIE_TYPE_NAMES = Object.keys(TIE_TYPES) as TieType[]

export const NOTE_KINDS = [
  'conversation',
  'anecdote',
  'complaint',
  'praise',
  'question',
  'idea',
  'observation',
] as const
export type NoteKind = (typeof NOTE_KINDS)[number]

/** Kinds of notes that open a feedback loop and so can carry a follow-up. */
export const FOLLOW_UP_KINDS = ['complaint', 'question', 'idea'] as const satisfies readonly NoteKind[]

export const TOUCHPOINTS = [
  'shop',
  'phone',
  'email',
  'social',
  'event',
  'delivery',
  'website',
  'other',
] as const
export type Touchpoint = (typeof TOUCHPOINTS)[number]

/**
 * The three kinds of knowledge of the method, with the facets of facts spelled out:
 * facts (identity, personalisation, places, products, social, habits), know-how, creation.
 */
export const KNOWLEDGE_FACETS = [
  'identity',
  'personalisation',
  'places',
  'products',
  'social',
  'habits',
  'know-how',
  'creation',
] as const
export type KnowledgeFacet = (typeof KNOWLEDGE_FACETS)[number]

export const NOTE_SOURCES = ['observed', 'volunteered'] as const
export type NoteSource = (typeof NOTE_SOURCES)[number]

/** Sentiment from −2 (very negative) to +2 (very positive). */
export const SENTIMENTS = [-2, -1, 0, 1, 2] as const
export type Sentiment = (typeof SENTIMENTS)[number]
