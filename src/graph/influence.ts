/**
 * Social power: how much each entity weighs in its ecosystem, read from the ties alone (idea 5 of
 * DESIGN.md: who recommends whom, who is listened to, who bridges groups). Four classic measures
 * of network analysis are computed and blended into one 0–100 score:
 *
 * - degree: how many ties an entity has (how active it is in the notebook's map);
 * - reach: how many entities are at most two steps away (a word from it travels that far);
 * - betweenness: how often it sits on the shortest paths between others (a bridge between groups);
 * - PageRank over the influence ties turned toward the one listened to (who is listened to, and
 *   listened to by those who are themselves listened to).
 *
 * Pure: records in, plain data out (`influence-types.ts`), so it runs in a worker and in Node
 * tests. Results do not depend on the order the records were read in: entities are taken in id
 * order, so a seed gives the same model from any read of the same notebook.
 */
import { DirectedGraph, UndirectedGraph } from 'graphology'
import betweennessCentrality from 'graphology-metrics/centrality/betweenness.js'
import pagerank from 'graphology-metrics/centrality/pagerank.js'
import { TIE_TYPES } from '../model/vocabulary'
import type { EntityKind, TieType } from '../model/vocabulary'
import type { BetweennessMethod, InfluenceModel, InfluenceScores } from './influence-types'

export interface InfluenceTie {
  from: string
  to: string
  type: TieType
  strength: number
}

export interface InfluenceInput {
  entities: readonly { id: string; kind: EntityKind }[]
  ties: readonly InfluenceTie[]
}

export interface InfluenceOptions {
  /** Betweenness is exact up to this many entities, sampled above. */
  exactUpTo?: number
  /** How many source entities the sampled betweenness starts from. */
  samples?: number
  /** Seed of the source sampling; the same seed gives the same estimate. */
  seed?: number
}

/**
 * The weights of the blend. Being listened to is what the method calls social power (the
 * prescriber who moves other customers), so PageRank weighs most; bridging two groups is the next
 * rarest and most valuable position; reach and plain degree mostly say how much of someone's
 * circle has been written down, so they count, but less.
 */
export const POWER_WEIGHTS = {
  degree: 0.15,
  reach: 0.2,
  betweenness: 0.25,
  pagerank: 0.4,
} as const satisfies InfluenceModel['weights']

/**
 * Exact Brandes (graphology-metrics) is O(n·m). Measured on this project's two-core machine with
 * five ties per entity: 0.15 s at 1,000 entities, 0.33 s at 1,500; so exact up to 1,000 (≲ 0.3 s
 * even with twice the ties), and sampling above, where the cost would grow quadratically.
 */
export const EXACT_BETWEENNESS_UP_TO = 1_000

/**
 * Sources of the sampled betweenness. Each source costs one breadth-first search and one walk
 * back (about 1 ms at 10,000 entities and 50,000 ties on this project's machine), so this keeps
 * the estimate near 1 s there, half the 2 s budget; its stated error is then ≈ 0.08.
 */
export const BETWEENNESS_SAMPLES = 1_000

/** Probability with which the stated `error` of a sampled betweenness holds for every entity. */
export const BETWEENNESS_CONFIDENCE = 0.95

/** The usual PageRank damping: a listener follows a recommendation 85% of the time. */
export const PAGERANK_DAMPING = 0.85

const DEFAULT_SEED = 20_240_601

/** The tie types whose direction says who listens to whom (family 'influence'). */
const INFLUENCE_TYPES: ReadonlySet<TieType> = new Set(
  (Object.keys(TIE_TYPES) as TieType[]).filter((type) => TIE_TYPES[type].family === 'influence'),
)

/** mulberry32: a small seeded generator, so estimates are reproducible (Math.random is not). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

/** The input read once into arrays indexed by entity position. */
export interface TieIndex {
  /** Entity ids in code-unit order (duplicates dropped). */
  ids: string[]
  /** Ties at either end of each entity, parallel ties each counted. */
  degree: Int32Array
  /**
   * The undirected simple graph over all ties (parallel ties merged, self-loops and ties to
   * unknown entities dropped), as compressed rows: the neighbours of `i` are
   * `neighbours[offsets[i]]` up to `neighbours[offsets[i + 1]]`.
   */
  offsets: Int32Array
  neighbours: Int32Array
  /** Influence ties as listener → listened-to position pairs with their summed strengths. */
  influence: { listener: number; listened: number; weight: number }[]
}

/** A strength outside the schema's 1–5 (missing, zero, NaN) counts as the weakest tie, not none. */
function weightOf(strength: number): number {
  return Number.isFinite(strength) && strength > 0 ? strength : 1
}

export function indexTies(input: InfluenceInput): TieIndex {
  const ids = [...new Set(input.entities.map((entity) => entity.id))].sort()
  const n = ids.length
  const position = new Map<string, number>()
  ids.forEach((id, index) => position.set(id, index))

  const degree = new Int32Array(n)
  // Pair keys a·n + b stay exact integers for any notebook below 94 million entities.
  const pairs = new Set<number>()
  const influenceWeights = new Map<number, number>()
  for (const tie of input.ties) {
    const a = position.get(tie.from)
    const b = position.get(tie.to)
    if (a === undefined || b === undefined || a === b) continue
    degree[a]! += 1
    degree[b]! += 1
    pairs.add(a < b ? a * n + b : b * n + a)
    if (INFLUENCE_TYPES.has(tie.type)) {
      // `A recommends B`: B listens to A, so B's rank flows to A.
      const key = b * n + a
      influenceWeights.set(key, (influenceWeights.get(key) ?? 0) + weightOf(tie.strength))
    }
  }

  // Sorted, so neighbours and influence edges come in the same order from any read of the records
  // and floating-point sums (betweenness, PageRank) are identical to the last bit.
  const keys = Float64Array.from(pairs).sort()
  const offsets = new Int32Array(n + 1)
  for (const key of keys) {
    offsets[Math.floor(key / n) + 1]! += 1
    offsets[(key % n) + 1]! += 1
  }
  for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!
  const fill = offsets.slice(0, n)
  const neighbours = new Int32Array(offsets[n]!)
  for (const key of keys) {
    const a = Math.floor(key / n)
    const b = key % n
    neighbours[fill[a]!++] = b
    neighbours[fill[b]!++] = a
  }

  const influence = [...influenceWeights]
    .sort(([x], [y]) => x - y)
    .map(([key, weight]) => ({ listener: Math.floor(key / n), listened: key % n, weight }))
  return { ids, degree, offsets, neighbours, influence }
}

/** Distinct entities within two steps of each one, itself excluded. */
export function reachOf(index: TieIndex): Int32Array {
  const { offsets, neighbours } = index
  const n = index.ids.length
  const reach = new Int32Array(n)
  // A stamp per entity instead of a Set per source: no allocation in the loop.
  const seen = new Int32Array(n).fill(-1)
  for (let source = 0; source < n; source++) {
    seen[source] = source
    let count = 0
    for (let j = offsets[source]!; j < offsets[source + 1]!; j++) {
      const near = neighbours[j]!
      if (seen[near] !== source) {
        seen[near] = source
        count++
      }
      for (let k = offsets[near]!; k < offsets[near + 1]!; k++) {
        const far = neighbours[k]!
        if (seen[far] !== source) {
          seen[far] = source
          count++
        }
      }
    }
    reach[source] = count
  }
  return reach
}

/**
 * PageRank over the influence ties, each turned toward the one listened to and weighted by its
 * strength. graphology-metrics' pagerank does what is needed (read in its source): an entity's
 * rank is shared among its out-edges in proportion to their weight (weighted out-degree), the rank
 * of entities with no out-edge (dangling) is spread uniformly over all entities, every entity
 * gets the teleport share, and the scores sum to 1. Every entity is a node, so those with no
 * influence tie get the teleport and dangling shares.
 */
export function influencePagerank(index: TieIndex): Float64Array {
  const n = index.ids.length
  const ranks = new Float64Array(n)
  if (n === 0) return ranks
  const graph = new DirectedGraph<Record<string, never>, { weight: number }>({
    allowSelfLoops: false,
  })
  for (let i = 0; i < n; i++) graph.addNode(String(i))
  for (const { listener, listened, weight } of index.influence)
    graph.addEdge(String(listener), String(listened), { weight })
  // The error after k iterations is at most 2·0.85^k (L1), so 300 always reaches the tolerance:
  // the library throws rather than return an unconverged result.
  const result = pagerank(graph, {
    alpha: PAGERANK_DAMPING,
    getEdgeWeight: 'weight',
    tolerance: 1e-10,
    maxIterations: 300,
  })
  for (let i = 0; i < n; i++) ranks[i] = result[String(i)] ?? 0
  return ranks
}

/**
 * Brandes' accumulation of pair dependencies from the given sources, over the unweighted simple
 * graph, returning for each entity the sum over sources s of δ_s(v). Written by hand because no
 * library does source sampling (graphology-metrics always starts from every entity); it is also
 * cross-checked against graphology-metrics in the tests when started from every entity.
 */
function brandesDependencies(index: TieIndex, sources: ArrayLike<number>): Float64Array {
  const { offsets, neighbours } = index
  const n = index.ids.length
  const total = new Float64Array(n)
  const sigma = new Float64Array(n)
  const delta = new Float64Array(n)
  const distance = new Int32Array(n).fill(-1)
  const order = new Int32Array(n)
  // The shortest-path DAG as (closer, farther) pairs in the order the search found them: walked
  // backwards, every entity's dependency is complete before it is passed on to its predecessors,
  // and no predecessor lists are allocated.
  const closer = new Int32Array(neighbours.length)
  const farther = new Int32Array(neighbours.length)
  for (let s = 0; s < sources.length; s++) {
    const source = sources[s]!
    let head = 0
    let tail = 0
    let pairs = 0
    order[tail++] = source
    distance[source] = 0
    sigma[source] = 1
    while (head < tail) {
      const v = order[head++]!
      const next = distance[v]! + 1
      for (let j = offsets[v]!; j < offsets[v + 1]!; j++) {
        const w = neighbours[j]!
        if (distance[w] === -1) {
          distance[w] = next
          order[tail++] = w
        }
        if (distance[w] === next) {
          sigma[w]! += sigma[v]!
          closer[pairs] = v
          farther[pairs++] = w
        }
      }
    }
    for (let e = pairs - 1; e >= 0; e--) {
      const v = closer[e]!
      const w = farther[e]!
      delta[v]! += (sigma[v]! / sigma[w]!) * (1 + delta[w]!)
    }
    for (let k = 1; k < tail; k++) total[order[k]!]! += delta[order[k]!]!
    for (let k = 0; k < tail; k++) {
      const v = order[k]!
      distance[v] = -1
      sigma[v] = 0
      delta[v] = 0
    }
  }
  return total
}

/**
 * The stated bound on the absolute error of every sampled normalised score, holding for all
 * entities at once with probability `BETWEENNESS_CONFIDENCE`.
 *
 * Source sampling (Brandes & Pich 2007): with k sources drawn uniformly, the estimate is
 * b̂(v) = n/(k(n−1)(n−2)) · Σ δ_s(v). Each δ_s(v)/(n−2) lies in [0, 1] and averages to
 * b(v)·(n−1)/n, so Hoeffding's inequality (which also holds when drawing without replacement,
 * Hoeffding 1963 §6) gives P(|b̂(v) − b(v)| ≥ n/(n−1)·ε) ≤ 2·exp(−2kε²); a union bound over the n
 * entities makes it simultaneous: ε = √(ln(2n/δ) / 2k), δ = 1 − confidence. It is a worst-case
 * bound (it assumes dependencies as spread as they can be), so real errors are several times
 * smaller, as the tests show.
 */
export function sampledBetweennessError(entities: number, samples: number): number {
  const failure = 1 - BETWEENNESS_CONFIDENCE
  return (entities / (entities - 1)) * Math.sqrt(Math.log((2 * entities) / failure) / (2 * samples))
}

/**
 * Normalised betweenness over the undirected graph of all ties (as networkx normalises it: the
 * share of the (n−1)(n−2)/2 pairs of other entities whose shortest paths pass through v, split
 * among equally short paths). Exact with graphology-metrics up to `exactUpTo` entities; above,
 * estimated from `samples` sources drawn without replacement with a seeded generator.
 */
export function betweennessOf(
  index: TieIndex,
  options: { exactUpTo: number; samples: number; seed: number },
): { values: Float64Array; method: BetweennessMethod } {
  const n = index.ids.length
  const values = new Float64Array(n)
  if (n <= 2) return { values, method: { kind: 'exact' } }

  if (n <= options.exactUpTo) {
    const graph = new UndirectedGraph()
    for (let i = 0; i < n; i++) graph.addNode(String(i))
    for (let a = 0; a < n; a++)
      for (let j = index.offsets[a]!; j < index.offsets[a + 1]!; j++) {
        const b = index.neighbours[j]!
        if (a < b) graph.addEdge(String(a), String(b))
      }
    // getEdgeWeight null: shortest paths count steps, whatever the ties' strengths.
    const result = betweennessCentrality(graph, { getEdgeWeight: null, normalized: true })
    for (let i = 0; i < n; i++) values[i] = result[String(i)] ?? 0
    return { values, method: { kind: 'exact' } }
  }

  const samples = Math.max(1, Math.min(n, Math.floor(options.samples)))
  const all = Int32Array.from({ length: n }, (_, i) => i)
  // Partial Fisher–Yates: the first `samples` entries become a uniform sample without replacement.
  const random = seededRandom(options.seed)
  for (let i = 0; i < samples && samples < n; i++) {
    const j = i + Math.floor(random() * (n - i))
    const swap = all[i]!
    all[i] = all[j]!
    all[j] = swap
  }
  const totals = brandesDependencies(index, all.subarray(0, samples))
  // Each unordered pair is counted from both of its ends, hence (n−1)(n−2) and not half of it.
  const scale = n / samples / ((n - 1) * (n - 2))
  for (let i = 0; i < n; i++) values[i] = Math.min(1, totals[i]! * scale)
  if (samples === n) return { values, method: { kind: 'exact' } }
  return {
    values,
    method: { kind: 'sampled', samples, error: sampledBetweennessError(n, samples) },
  }
}

/**
 * Percentile rank among the entities that have at least one tie: the share of the others whose
 * value is strictly lower. Strictly, so an entity at the floor of a measure (nobody listens to
 * it, it bridges nothing) gets 0 from it, however many share that floor.
 */
function percentiles(values: ArrayLike<number>, connected: readonly number[]): Float64Array {
  const result = new Float64Array(values.length)
  if (connected.length < 2) return result
  const sorted = [...connected].sort((a, b) => values[a]! - values[b]!)
  let start = 0
  while (start < sorted.length) {
    const floor = values[sorted[start]!]!
    let end = start + 1
    // Scores equal but for rounding (two symmetric entities) share one rank.
    while (
      end < sorted.length &&
      values[sorted[end]!]! - floor <= 1e-12 * Math.max(Math.abs(floor), 1e-300)
    )
      end++
    for (let k = start; k < end; k++) result[sorted[k]!] = start / (connected.length - 1)
    start = end
  }
  return result
}

export function computeInfluence(
  input: InfluenceInput,
  options: InfluenceOptions = {},
): InfluenceModel {
  const index = indexTies(input)
  const { ids, degree } = index
  const reach = reachOf(index)
  const ranks = influencePagerank(index)
  const between = betweennessOf(index, {
    exactUpTo: options.exactUpTo ?? EXACT_BETWEENNESS_UP_TO,
    samples: options.samples ?? BETWEENNESS_SAMPLES,
    seed: options.seed ?? DEFAULT_SEED,
  })

  const connected: number[] = []
  for (let i = 0; i < ids.length; i++) if (degree[i]! > 0) connected.push(i)
  const degreeRank = percentiles(degree, connected)
  const reachRank = percentiles(reach, connected)
  const betweennessRank = percentiles(between.values, connected)
  const pagerankRank = percentiles(ranks, connected)

  const power = new Float64Array(ids.length)
  for (const i of connected) {
    const blend =
      POWER_WEIGHTS.degree * degreeRank[i]! +
      POWER_WEIGHTS.reach * reachRank[i]! +
      POWER_WEIGHTS.betweenness * betweennessRank[i]! +
      POWER_WEIGHTS.pagerank * pagerankRank[i]!
    // One decimal: finer than any UI shows, and sums like 99.99999999 do not leak out.
    power[i] = Math.round(blend * 1000) / 10
  }

  const scores = Object.fromEntries(
    ids.map((id, i): [string, InfluenceScores] => [
      id,
      {
        degree: degree[i]!,
        reach: reach[i]!,
        betweenness: between.values[i]!,
        pagerank: ranks[i]!,
        power: power[i]!,
      },
    ]),
  )
  const ranked = ids
    .map((_, i) => i)
    .sort((a, b) => power[b]! - power[a]! || ranks[b]! - ranks[a]! || a - b)
    .map((i) => ids[i]!)
  return { scores, ranked, betweenness: between.method, weights: { ...POWER_WEIGHTS } }
}
