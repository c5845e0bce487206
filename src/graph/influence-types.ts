/**
 * The shapes of the social-power model: what `computeInfluence` and `detectCommunities` return.
 * They are plain objects and records (no Map, no class) so they cross a worker boundary and a
 * structured clone unchanged.
 */

/** One entity's standing in the ecosystem. */
export interface InfluenceScores {
  /** Ties at either end, every type counted once per tie. */
  degree: number
  /** Distinct entities within two steps over any tie, the entity itself excluded. */
  reach: number
  /** Normalised betweenness in [0, 1]: the share of shortest paths between others it sits on. */
  betweenness: number
  /** PageRank over the influence ties turned toward the one listened to; sums to 1. */
  pagerank: number
  /** Social power, 0–100: the weighted blend of the four above, each as a percentile rank. */
  power: number
}

/** How betweenness was obtained: exactly, or estimated from a sample of sources. */
export type BetweennessMethod =
  | { kind: 'exact' }
  /**
   * `error`: the stated bound on the absolute error of every normalised score at once, with
   * 95% confidence (Hoeffding over sampled sources; see influence.ts).
   */
  | { kind: 'sampled'; samples: number; error: number }

export interface InfluenceModel {
  scores: Record<string, InfluenceScores>
  /** Every entity id, most powerful first; ties broken by PageRank, then by id. */
  ranked: string[]
  betweenness: BetweennessMethod
  /** The weights of the social-power blend, so the UI can explain the score. */
  weights: { degree: number; reach: number; betweenness: number; pagerank: number }
}

export interface Community {
  /** Stable within one computation: `community-<n>`, largest first. */
  id: string
  /** Named after its most connected member. */
  name: string
  leaderId: string
  memberIds: string[]
}

export interface CommunityModel {
  /** Largest first; groups of fewer than 3 members are left out. */
  communities: Community[]
  /** Entity id → community id, for members of a listed community only. */
  byEntity: Record<string, string>
  modularity: number
}
