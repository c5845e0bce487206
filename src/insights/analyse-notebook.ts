/**
 * Everything the insights screens show, computed from a whole notebook in one call: the social
 * power of every entity, the communities of the social graph, and the insights built on them
 * (prescribers, ambassadors and sceptics, what customers use besides you, themes, attention,
 * knowledge gaps). Pure; run in a worker by the app. `timings` says where the time went.
 */
import type { ModelInputs } from '../db/model-inputs'
import { detectCommunities } from '../graph/communities'
import { computeInfluence } from '../graph/influence'
import type { CommunityModel, InfluenceModel } from '../graph/influence-types'
import { summariseCustomers } from '../notebook/customer-summary'
import { computeTiers } from '../value/tiers'
import { computeInsights } from './insights-model'
import type { InsightsModel } from './insights-model'

export interface NotebookAnalysis {
  influence: InfluenceModel
  communities: CommunityModel
  insights: InsightsModel
  /** Customers and persons with some social power, most powerful first. */
  people: string[]
  /** Milliseconds per step, for the benchmark and the curious. */
  timings: { influence: number; communities: number; tiers: number; insights: number }
}

/** The social power and communities of a notebook: they depend only on its entities and ties. */
interface SocialModels {
  entities: ModelInputs['entities']
  ties: ModelInputs['ties']
  influence: InfluenceModel
  communities: CommunityModel
}

/**
 * `analyseNotebook` for a worker that analyses the same notebook after each change. The social
 * power and the communities (most of the time, for the sampled betweenness) are kept while the
 * entities and ties are the same arrays — `ModelInputCache` keeps a table's array until that
 * table changes — so a saved note or an import of purchases does not compute them again.
 */
export function notebookAnalyser(): (inputs: ModelInputs, now: number) => NotebookAnalysis {
  let kept: SocialModels | undefined
  return (inputs, now) => {
    const social =
      kept?.entities === inputs.entities && kept.ties === inputs.ties ? kept : undefined
    const analysis = analyseNotebook(inputs, now, social)
    kept = { entities: inputs.entities, ties: inputs.ties, ...analysis }
    return analysis
  }
}

export function analyseNotebook(
  inputs: ModelInputs,
  now: number,
  /** The social models computed from these same entities and ties, if known. */
  social?: Pick<SocialModels, 'influence' | 'communities'>,
): NotebookAnalysis {
  const clock = () => performance.now()
  let started = clock()
  const lap = () => {
    const ended = clock()
    const spent = ended - started
    started = ended
    return spent
  }
  const influence = social?.influence ?? computeInfluence(inputs)
  const influenceMs = lap()
  const communities = social?.communities ?? detectCommunities(inputs)
  const communitiesMs = lap()
  // Only the value tiers are read here, and they need only each customer's spend: the whole
  // value model (stages, RFM, segment facts) is the value worker's, and computing it again here
  // took a second at ten years' size.
  const customers = inputs.entities.filter((entity) => entity.kind === 'customer')
  const summaries = summariseCustomers(customers, [], inputs.purchases, now)
  const tiers = computeTiers(
    [...summaries.values()].map(({ id, value }) => ({ id, total: value.total })),
  )
  const tiersMs = lap()
  const insights = computeInsights({ ...inputs, now, influence, communities, value: { tiers } })
  const kindOf = new Map(inputs.entities.map((entity) => [entity.id, entity.kind]))
  const people = influence.ranked.filter((id) => {
    const kind = kindOf.get(id)
    return (kind === 'customer' || kind === 'person') && (influence.scores[id]?.power ?? 0) > 0
  })
  return {
    influence,
    communities,
    insights,
    people,
    timings: {
      influence: influenceMs,
      communities: communitiesMs,
      tiers: tiersMs,
      insights: lap(),
    },
  }
}
