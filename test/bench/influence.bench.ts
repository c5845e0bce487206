/**
 * The social-power kernels on a large notebook: 10,000 entities and 50,000 ties
 * (`CARNET_BENCH_SCALE=small` for a tenth), a seeded small-world graph grown by preferential
 * attachment with triadic closure, a fifth of the ties between people being influence ties
 * (test/fixtures/graphs/social-graph.ts). Each phase is timed on its own, as the metrics worker
 * runs it, then the whole of `computeInfluence` + `detectCommunities`.
 *
 * Pure computation, so it runs in the Playwright worker's Node and needs no page; it records its
 * rows like the browser benchmarks, and `npm run bench` prints them in the same table.
 */
import { test } from '@playwright/test'
import { buildSocialGraph, communitiesOf, detectCommunities } from '../../src/graph/communities'
import {
  BETWEENNESS_SAMPLES,
  betweennessOf,
  computeInfluence,
  indexTies,
  influencePagerank,
  reachOf,
} from '../../src/graph/influence'
import { generateSocialGraph } from '../fixtures/graphs/social-graph'
import { record } from './measure'

const SMALL = process.env.CARNET_BENCH_SCALE === 'small'
const SIZE = SMALL ? { entities: 1_000, ties: 5_000 } : { entities: 10_000, ties: 50_000 }
const SCALE = `${String(SIZE.entities / 1000)}k entities, ${String(SIZE.ties / 1000)}k ties`
/** Runs per phase: the first few warm the JIT up, as a long-lived worker would be. */
const RUNS = 7
/** At the small scale the full sample would be every entity, which is the exact computation. */
const SAMPLES = SMALL ? 100 : BETWEENNESS_SAMPLES
const WARM_UP = 2

function time(runs: number, work: () => void): number[] {
  const samples: number[] = []
  for (let run = 0; run < runs + WARM_UP; run++) {
    const start = performance.now()
    work()
    if (run >= WARM_UP) samples.push(performance.now() - start)
  }
  return samples
}

test(`influence: ${SCALE}`, () => {
  const notebook = generateSocialGraph(20_261_122, SIZE)
  const index = indexTies(notebook)

  record({
    measure: `influence (${SCALE}): index the ties, degree + reach`,
    unit: 'ms',
    samples: time(RUNS, () => reachOf(indexTies(notebook))),
  })
  record({
    measure: `influence (${SCALE}): PageRank over influence ties`,
    unit: 'ms',
    samples: time(RUNS, () => influencePagerank(index)),
    target: 150,
  })

  // Sampled even at the small scale (exactUpTo 0), so both scales measure the same path.
  let error = Number.NaN
  const betweenness = time(3, () => {
    const { method } = betweennessOf(index, {
      exactUpTo: 0,
      samples: SAMPLES,
      seed: 1,
    })
    if (method.kind === 'sampled') error = method.error
  })
  record({
    measure: `influence (${SCALE}): betweenness, ${String(SAMPLES)} sampled sources (error ≤ ${error.toFixed(3)})`,
    unit: 'ms',
    samples: betweenness,
    target: 2_000,
  })

  record({
    measure: `communities (${SCALE}): social graph built for Louvain`,
    unit: 'ms',
    samples: time(RUNS, () => buildSocialGraph(notebook)),
  })
  const graph = buildSocialGraph(notebook)
  record({
    measure: `communities (${SCALE}): Louvain, then groups named and ordered`,
    unit: 'ms',
    samples: time(RUNS, () => communitiesOf(graph)),
    target: 150,
  })

  record({
    measure: `influence + communities (${SCALE}): computeInfluence + detectCommunities`,
    unit: 'ms',
    samples: time(3, () => {
      computeInfluence(notebook)
      detectCommunities(notebook)
    }),
    target: 3_000,
  })
})
