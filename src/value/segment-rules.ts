/**
 * Segments: saved rules over customers. A rule is "all" or "any" of a list of conditions; it is
 * stored as plain JSON in `segments.rule` and read back through `parseSegmentRule` (forgiving on
 * read: an unreadable rule is reported, never evaluated). `evaluateSegment` is pure: the
 * customers' facts in, the ids of the members out.
 *
 * Built-in segments (one per RFM group, tier and stage) are rules too, listed next to the user's
 * own; their ids start with `builtin:` and they are never stored.
 */
import { z } from 'zod'
import { ENTITY_KINDS, NOTE_KINDS, STAGES, TIE_TYPE_NAMES, TOUCHPOINTS } from '../model/vocabulary'
import type { EntityKind, NoteKind, Stage, TieType, Touchpoint } from '../model/vocabulary'
import { RFM_GROUPS } from './rfm'
import type { Rfm } from './rfm'
import { isInTier, TIERS } from './tiers'
import type { Tier } from './tiers'

const id = z.string().min(1).max(64)

export const conditionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('rfm-group'), group: z.enum(RFM_GROUPS) }),
  /** `top-5` and `top-20` nest; `rest` is a buyer outside the top 20%. */
  z.object({ type: z.literal('tier'), tier: z.enum(TIERS) }),
  /** `none`: no stage yet. */
  z.object({ type: z.literal('stage'), stage: z.enum([...STAGES, 'none']) }),
  z.object({ type: z.literal('tag'), tag: z.string().min(1).max(100) }),
  /** At least one note of this kind about the customer. */
  z.object({ type: z.literal('note-kind'), kind: z.enum(NOTE_KINDS) }),
  /** At least one note about the customer through this touchpoint. */
  z.object({ type: z.literal('touchpoint'), touchpoint: z.enum(TOUCHPOINTS) }),
  /**
   * `before`: the last contact (note or purchase) is more than `days` days old, or there is
   * none; `within`: there was a contact in the last `days` days.
   */
  z.object({
    type: z.literal('last-contact'),
    when: z.enum(['before', 'within']),
    days: z.number().int().min(0).max(36_500),
  }),
  /** A tie of this type at either end of the customer, optionally to a kind or one entity. */
  z.object({
    type: z.literal('tie'),
    tieType: z.enum(TIE_TYPE_NAMES as [TieType, ...TieType[]]),
    entityKind: z.enum(ENTITY_KINDS).optional(),
    entityId: id.optional(),
  }),
  /** A `frequents` tie to this place. */
  z.object({ type: z.literal('frequents'), placeId: id }),
  /** A `uses` or `owns` tie to this product. */
  z.object({ type: z.literal('uses'), productId: id }),
  /** Social power (0–100, see src/graph/influence.ts) at least `min`. */
  z.object({ type: z.literal('power'), min: z.number().int().min(0).max(100) }),
  /**
   * In the detected community led by this entity. Communities are found again after every
   * change; the leader (its most connected member) is what stays recognisable between runs.
   */
  z.object({ type: z.literal('community'), leaderId: id }),
])
export type Condition = z.infer<typeof conditionSchema>
export type ConditionType = Condition['type']

export const CONDITION_TYPES = [
  'rfm-group',
  'tier',
  'stage',
  'tag',
  'note-kind',
  'touchpoint',
  'last-contact',
  'tie',
  'frequents',
  'uses',
  'power',
  'community',
] as const satisfies readonly ConditionType[]

export const segmentRuleSchema = z.object({
  match: z.enum(['all', 'any']).default('all'),
  conditions: z.array(conditionSchema).max(100).default([]),
})
export type SegmentRule = z.infer<typeof segmentRuleSchema>

export type ParsedRule = { ok: true; rule: SegmentRule } | { ok: false; reason: string }

export function parseSegmentRule(value: unknown): ParsedRule {
  const parsed = segmentRuleSchema.safeParse(value)
  return parsed.success
    ? { ok: true, rule: parsed.data }
    : { ok: false, reason: parsed.error.issues.map((issue) => issue.message).join('; ') }
}

/** What the rules can see of one customer. */
export interface SegmentCustomer {
  id: string
  name: string
  tags: readonly string[]
  stage: Stage | undefined
  rfm: Rfm | undefined
  tier: Tier | undefined
  noteKinds: ReadonlySet<NoteKind>
  touchpoints: ReadonlySet<Touchpoint>
  lastContactAt: number | undefined
  /** Ties at either end of the customer, with the entity at the other end. */
  ties: readonly { type: TieType; otherId: string; otherKind: EntityKind | undefined }[]
  /** Social power 0–100, once the influence model is known (see `withSocialFacts`). */
  power?: number
  /** Leader id of the customer's community, if it is in one. */
  communityLeaderId?: string
}

export interface SegmentData {
  customers: readonly SegmentCustomer[]
  now: number
}

const DAY_MS = 24 * 60 * 60 * 1000

export function matchesCondition(
  condition: Condition,
  customer: SegmentCustomer,
  now: number,
): boolean {
  switch (condition.type) {
    case 'rfm-group':
      return customer.rfm?.group === condition.group
    case 'tier':
      return isInTier(customer.tier, condition.tier)
    case 'stage':
      return (customer.stage ?? 'none') === condition.stage
    case 'tag': {
      const tag = condition.tag.replace(/^#/, '').toLowerCase()
      return customer.tags.some((own) => own.toLowerCase() === tag)
    }
    case 'note-kind':
      return customer.noteKinds.has(condition.kind)
    case 'touchpoint':
      return customer.touchpoints.has(condition.touchpoint)
    case 'last-contact': {
      const limit = now - condition.days * DAY_MS
      const last = customer.lastContactAt
      return condition.when === 'before'
        ? last === undefined || last < limit
        : last !== undefined && last >= limit
    }
    case 'tie':
      return customer.ties.some(
        (tie) =>
          tie.type === condition.tieType &&
          (condition.entityKind === undefined || tie.otherKind === condition.entityKind) &&
          (condition.entityId === undefined || tie.otherId === condition.entityId),
      )
    case 'frequents':
      return customer.ties.some(
        (tie) => tie.type === 'frequents' && tie.otherId === condition.placeId,
      )
    case 'uses':
      return customer.ties.some(
        (tie) =>
          (tie.type === 'uses' || tie.type === 'owns') && tie.otherId === condition.productId,
      )
    case 'power':
      return customer.power !== undefined && customer.power >= condition.min
    case 'community':
      return customer.communityLeaderId === condition.leaderId
  }
}

/**
 * The segment facts with each customer's social power and community added, so that rules can
 * use them. The influence model is computed apart (in the insights worker); until it is known,
 * power and community conditions match no one.
 */
export function withSocialFacts(
  data: SegmentData,
  social: {
    power: Readonly<Record<string, { power: number }>>
    communities: readonly { leaderId: string; memberIds: readonly string[] }[]
  },
): SegmentData {
  const leaderOf = new Map<string, string>()
  for (const community of social.communities)
    for (const member of community.memberIds) leaderOf.set(member, community.leaderId)
  return {
    now: data.now,
    customers: data.customers.map((customer) => ({
      ...customer,
      power: social.power[customer.id]?.power,
      communityLeaderId: leaderOf.get(customer.id),
    })),
  }
}

/** Whether the rule matches on social power or community: facts the insights give. */
export function usesSocialFacts(rule: SegmentRule): boolean {
  return rule.conditions.some(
    (condition) => condition.type === 'power' || condition.type === 'community',
  )
}

/** Whether a customer is in the segment. With no condition, "all" holds for everyone, "any" for no one. */
export function matchesRule(rule: SegmentRule, customer: SegmentCustomer, now: number): boolean {
  const test = (condition: Condition) => matchesCondition(condition, customer, now)
  return rule.match === 'all' ? rule.conditions.every(test) : rule.conditions.some(test)
}

/** The ids of the segment's members, in the order of `data.customers`. */
export function evaluateSegment(rule: SegmentRule, data: SegmentData): string[] {
  return data.customers
    .filter((customer) => matchesRule(rule, customer, data.now))
    .map((customer) => customer.id)
}

export type BuiltInSegment = {
  id: string
  rule: SegmentRule
} & (
  | { kind: 'rfm'; group: (typeof RFM_GROUPS)[number] }
  | { kind: 'tier'; tier: Exclude<Tier, 'rest'> }
  | { kind: 'stage'; stage: Stage }
)

const only = (condition: Condition): SegmentRule => ({ match: 'all', conditions: [condition] })

export const BUILT_IN_SEGMENTS: readonly BuiltInSegment[] = [
  ...(['top-5', 'top-20'] as const).map((tier): BuiltInSegment => ({
    id: `builtin:tier:${tier}`,
    kind: 'tier',
    tier,
    rule: only({ type: 'tier', tier }),
  })),
  ...RFM_GROUPS.map((group): BuiltInSegment => ({
    id: `builtin:rfm:${group}`,
    kind: 'rfm',
    group,
    rule: only({ type: 'rfm-group', group }),
  })),
  ...STAGES.map((stage): BuiltInSegment => ({
    id: `builtin:stage:${stage}`,
    kind: 'stage',
    stage,
    rule: only({ type: 'stage', stage }),
  })),
]

/** The built-in segment of a detected community, known by its leader. */
export function communitySegmentId(leaderId: string): string {
  return `builtin:community:${leaderId}`
}

export function isBuiltInSegmentId(segmentId: string): boolean {
  return segmentId.startsWith('builtin:')
}
