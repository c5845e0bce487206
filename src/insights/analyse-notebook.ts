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
import { computeValueModel } from '../value/value-model'
import { computeInsights } from './insights-model'
import type { InsightsModel } from './insights-model'

export interface NotebookAnalysis {
  influence: InfluenceModel
  communities: CommunityModel
  insights: InsightsModel
  /** Customers and persons with some social power, most powerful first. */
  people: string[]
  /** Milliseconds per step, for the benchmark and the curious. */
  timings: { influence: number; communities: number; value: number; insights: number }
}

export function analyseNotebook(inputs: ModelInputs, now: number): NotebookAnalysis {
  const clock = () => performance.now()
  let started = clock()
  const lap = () => {
    const ended = clock()
    const spent = ended - started
    started = ended
    return spent
  }
  const influence = computeInfluence(inputs)
  const influenceMs = lap()
  const communities = detectCommunities(inputs)
  const communitiesMs = lap()
  const value = computeValueModel({ ...inputs, now })
  const valueMs = lap()
  const insights = computeInsights({ ...inputs, now, influence, communities, value })
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
      value: valueMs,
      insights: lap(),
    },
  }
}
