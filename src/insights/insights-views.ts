/**
 * What each screen reads of the notebook's analysis. The analysis stays in its worker; an
 * entity's page receives only that entity's standing, not every entity's scores (at ten years'
 * size the whole analysis is megabytes to copy onto the page after every saved note).
 */
import type { InfluenceScores } from '../graph/influence-types'
import type { NotebookAnalysis } from './analyse-notebook'
import type { BesideItem } from './besides'
import type { Theme } from './themes'

/** How many of each list the overview shows. */
export const OVERVIEW_TOP = 5

/** An entity's social power, its rank among the connected, and its community. */
export interface EntityStanding {
  score: InfluenceScores
  /** 1 for the most powerful of the entities that have at least one tie. */
  rank: number
  /** How many entities have at least one tie. */
  connected: number
  community: { leaderId: string; name: string } | undefined
}

export function entityStanding(
  analysis: NotebookAnalysis,
  entityId: string,
): EntityStanding | undefined {
  const { scores, ranked } = analysis.influence
  const score = scores[entityId]
  if (!score) return undefined
  const connected = ranked.filter((id) => (scores[id]?.degree ?? 0) > 0)
  const communityId = analysis.communities.byEntity[entityId]
  const community = analysis.communities.communities.find((one) => one.id === communityId)
  return {
    score,
    rank: connected.indexOf(entityId) + 1,
    connected: connected.length,
    community: community && { leaderId: community.leaderId, name: community.name },
  }
}

/** A list's first entries, and how many there are in all. */
export interface Head<T> {
  first: T[]
  total: number
}

const head = <T>(list: readonly T[], count: number): Head<T> => ({
  first: list.slice(0, count),
  total: list.length,
})

/**
 * The overview's digest of the analysis: the first few of each list and their counts. The
 * overview is the screen a notebook opens on; the whole analysis is some megabytes, and the
 * page would receive it again after every note saved there.
 */
export interface InsightsOverview {
  prescribers: Head<{ id: string; customersInfluenced: number }>
  rising: Head<Pick<Theme, 'id' | 'kind' | 'label' | 'recent' | 'baseline'>>
  recentWeeks: number
  quiet: Head<{ id: string; silentDays: number }>
  overdueLoops: number
  people: Head<{ id: string; power: number }>
  ambassadors: Head<string>
  sceptics: Head<string>
  besides: Head<Pick<BesideItem, 'id' | 'isRising'> & { customers: number }>
  gaps: Head<{ id: string; missing: number }>
  communities: Head<{ id: string; leaderId: string; members: number }>
}

export function insightsOverview({
  influence,
  communities,
  insights,
  people,
}: NotebookAnalysis): InsightsOverview {
  const besides = [
    ...insights.besides.groups.competitor,
    ...insights.besides.groups.substitute,
    ...insights.besides.groups.complement,
  ].sort((a, b) => Number(b.isRising) - Number(a.isRising) || b.net - a.net)
  const top = <T, R>(list: readonly T[], count: number, pick: (item: T) => R): Head<R> => {
    const { first, total } = head(list, count)
    return { first: first.map(pick), total }
  }
  return {
    prescribers: top(insights.prescribers, 3, ({ id, customersInfluenced }) => ({
      id,
      customersInfluenced,
    })),
    rising: top(insights.themes.rising, OVERVIEW_TOP, ({ id, kind, label, recent, baseline }) => ({
      id,
      kind,
      label,
      recent,
      baseline,
    })),
    recentWeeks: insights.themes.recentWeeks,
    quiet: top(insights.attention.customers, OVERVIEW_TOP, ({ id, silentDays }) => ({
      id,
      silentDays,
    })),
    overdueLoops: insights.attention.followUps.filter((loop) => loop.isOverdue).length,
    people: top(people, OVERVIEW_TOP, (id) => ({ id, power: influence.scores[id]?.power ?? 0 })),
    ambassadors: top(insights.voices.ambassadors, 3, (voice) => voice.id),
    sceptics: top(insights.voices.sceptics, 3, (voice) => voice.id),
    besides: top(besides, OVERVIEW_TOP, ({ id, isRising, customerIds }) => ({
      id,
      isRising,
      customers: customerIds.length,
    })),
    gaps: top(insights.gaps.customers, 3, ({ id, missing }) => ({ id, missing: missing.length })),
    communities: top(communities.communities, 4, ({ id, leaderId, memberIds }) => ({
      id,
      leaderId,
      members: memberIds.length,
    })),
  }
}

/** Each entity's social power and the communities: what segment rules match on. */
export interface SocialStanding {
  power: Record<string, { power: number }>
  communities: NotebookAnalysis['communities']['communities']
}

export function socialStanding({ influence, communities }: NotebookAnalysis): SocialStanding {
  const power: Record<string, { power: number }> = {}
  for (const [id, score] of Object.entries(influence.scores)) power[id] = { power: score.power }
  return { power, communities: communities.communities }
}

/** The views the insights worker serves, by name. */
export const INSIGHTS_VIEWS = {
  entity: entityStanding,
  overview: insightsOverview,
  social: socialStanding,
  /** The whole analysis, for the screens that show all of it (insights, overview, map). */
  whole: (analysis: NotebookAnalysis) => analysis,
}
