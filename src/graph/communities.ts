/**
 * The groups a notebook's people form: who is closer to whom than chance would say, found by
 * Louvain modularity optimisation (graphology-communities-louvain) on the social graph. Each group
 * is named after its most connected member, so a shop owner reads "Camille's circle" rather than a
 * number.
 *
 * Pure and deterministic: entities are taken in id order and Louvain's random visiting order
 * comes from a seeded generator, so the same notebook and seed always give the same groups.
 */
import { UndirectedGraph } from 'graphology'
import louvain from 'graphology-communities-louvain'
import { TIE_TYPES } from '../model/vocabulary'
import type { EntityKind, TieFamily } from '../model/vocabulary'
import { seededRandom } from './influence'
import type { InfluenceTie } from './influence'
import type { Community, CommunityModel } from './influence-types'

export interface CommunityInput {
  entities: readonly { id: string; kind: EntityKind; name: string }[]
  ties: readonly InfluenceTie[]
}

export interface CommunityOptions {
  /** Seed of Louvain's visiting order; the same seed gives the same groups. */
  seed?: number
}

/** Groups smaller than this say nothing a single tie does not already say. */
export const MIN_COMMUNITY_SIZE = 3

const DEFAULT_SEED = 20_240_601

/**
 * Who belongs to the social graph: people (customers or not) and the community entities they are
 * members of. Products, places and organisations would join people who merely buy or go to the
 * same thing, which is a market, not a group.
 */
const SOCIAL_KINDS: ReadonlySet<EntityKind> = new Set(['customer', 'person', 'community'])
/** Knowing, listening to and belonging: the ties that make a group. */
const SOCIAL_FAMILIES: ReadonlySet<TieFamily> = new Set(['social', 'influence', 'membership'])

/** A strength outside the schema's 1–5 (missing, zero, NaN) counts as the weakest tie, not none. */
function weightOf(strength: number): number {
  return Number.isFinite(strength) && strength > 0 ? strength : 1
}

/** The social graph as Louvain reads it: entity ids as keys, summed strengths as weights. */
export type SocialGraph = UndirectedGraph<{ kind: EntityKind; name: string }, { weight: number }>

/**
 * The undirected social graph of the input: people and community entities, joined by their
 * social, influence and membership ties. Nodes and edges are added in id order, so Louvain's
 * result does not depend on the order the records were read in.
 */
export function buildSocialGraph(input: CommunityInput): SocialGraph {
  const byId = new Map<string, { kind: EntityKind; name: string }>()
  for (const entity of input.entities)
    if (SOCIAL_KINDS.has(entity.kind) && !byId.has(entity.id))
      byId.set(entity.id, { kind: entity.kind, name: entity.name })

  // Entities in id order; ties as numeric pair keys a·n + b (exact below 94 million entities),
  // sorted, so the graph is built in the same order from any read of the records.
  const ids = [...byId.keys()].sort()
  const n = ids.length
  const position = new Map<string, number>()
  ids.forEach((id, index) => position.set(id, index))
  // Ties between the same two entities add up: a friend who also recommends is a closer tie.
  const weights = new Map<number, number>()
  for (const tie of input.ties) {
    if (!SOCIAL_FAMILIES.has(TIE_TYPES[tie.type].family)) continue
    const a = position.get(tie.from)
    const b = position.get(tie.to)
    if (a === undefined || b === undefined || a === b) continue
    const key = a < b ? a * n + b : b * n + a
    weights.set(key, (weights.get(key) ?? 0) + weightOf(tie.strength))
  }

  const graph: SocialGraph = new UndirectedGraph()
  for (const id of ids) graph.addNode(id, byId.get(id))
  for (const key of Float64Array.from(weights.keys()).sort())
    graph.addEdge(ids[Math.floor(key / n)]!, ids[key % n]!, { weight: weights.get(key)! })
  return graph
}

export function detectCommunities(
  input: CommunityInput,
  options: CommunityOptions = {},
): CommunityModel {
  return communitiesOf(buildSocialGraph(input), options)
}

/** Louvain on a graph built by `buildSocialGraph`, then the groups named, filtered and ordered. */
export function communitiesOf(graph: SocialGraph, options: CommunityOptions = {}): CommunityModel {
  if (graph.size === 0) return { communities: [], byEntity: {}, modularity: 0 }
  const ids = graph.nodes()
  const result = louvain.detailed(graph, {
    getEdgeWeight: 'weight',
    rng: seededRandom(options.seed ?? DEFAULT_SEED),
  })

  // Weighted degree inside one's own group: how central one is to it.
  const inner = new Map<string, number>(ids.map((id) => [id, 0]))
  graph.forEachEdge((_edge, attributes, a, b) => {
    if (result.communities[a] !== result.communities[b]) return
    inner.set(a, inner.get(a)! + attributes.weight)
    inner.set(b, inner.get(b)! + attributes.weight)
  })

  const groups = new Map<number, string[]>()
  for (const id of ids) {
    const group = result.communities[id]!
    const members = groups.get(group)
    if (members) members.push(id)
    else groups.set(group, [id])
  }

  // A person leads before a community entity (the club itself is not one of its members'
  // friends), then the most connected, then by name and id so the order is total. The keys are
  // read once: a sort compares each member many times.
  const nameOf = new Map<string, string>()
  const personOf = new Map<string, number>()
  graph.forEachNode((id, attributes) => {
    nameOf.set(id, attributes.name)
    personOf.set(id, attributes.kind === 'community' ? 0 : 1)
  })
  const byStanding = (x: string, y: string) => {
    const nameX = nameOf.get(x)!
    const nameY = nameOf.get(y)!
    return (
      personOf.get(y)! - personOf.get(x)! ||
      inner.get(y)! - inner.get(x)! ||
      (nameX < nameY ? -1 : nameX > nameY ? 1 : 0) ||
      (x < y ? -1 : 1)
    )
  }
  const kept = [...groups.values()]
    .filter((members) => members.length >= MIN_COMMUNITY_SIZE)
    .map((members) => members.sort(byStanding))
    .sort((x, y) => y.length - x.length || byStanding(x[0]!, y[0]!))

  const communities = kept.map((memberIds, index): Community => {
    const leaderId = memberIds[0]!
    return {
      id: `community-${String(index + 1)}`,
      name: nameOf.get(leaderId)!,
      leaderId,
      memberIds,
    }
  })
  // fromEntries defines own properties, so no id (not even "__proto__") can reach the prototype.
  const byEntity = Object.fromEntries(
    communities.flatMap((community) => community.memberIds.map((member) => [member, community.id])),
  )
  return { communities, byEntity, modularity: result.modularity }
}
