/**
 * How long the segment history takes for a busy shop's ten years: 20,000 customers, 500,000
 * purchases, 200,000 notes, 50,000 ties, at the default periods (12 months and 8 quarters).
 * Heavy, so it runs only when asked: `CARNET_HISTORY_SCALE=1 npx vitest run <this file>`.
 */
import { describe, expect, it } from 'vitest'
import { computeSegmentHistoryModel, segmentHistory } from '../../../src/value/segment-history'
import type { HistoryInput } from '../../../src/value/segment-history'

const DAY = 86_400_000

/** A small deterministic generator (mulberry32), so every run measures the same notebook. */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

function busyShop(now: number): HistoryInput {
  const next = random(7)
  const span = 3 * 365 * DAY
  const customers = Array.from({ length: 20_000 }, (_, index) => ({
    id: `c${index}`,
    kind: 'customer' as const,
    createdAt: now - Math.floor(next() * span),
  }))
  const pick = () => customers[Math.floor(next() ** 2 * customers.length)]!
  return {
    entities: customers,
    purchases: Array.from({ length: 500_000 }, () => {
      const buyer = pick()
      return {
        customerId: buyer.id,
        at: buyer.createdAt + Math.floor(next() * (now - buyer.createdAt)),
        amount: 500 + Math.floor(next() * 20_000),
        currency: 'EUR',
      }
    }),
    notes: Array.from({ length: 200_000 }, () => {
      const about = pick()
      return {
        about: [about.id],
        kind: next() < 0.1 ? ('complaint' as const) : ('conversation' as const),
        at: about.createdAt + Math.floor(next() * (now - about.createdAt)),
        facets: next() < 0.05 ? (['know-how'] as const) : [],
        source: next() < 0.3 ? ('volunteered' as const) : ('observed' as const),
        ...(next() < 0.05 ? { followUp: { doneAt: now - Math.floor(next() * span) } } : {}),
      }
    }),
    ties: Array.from({ length: 50_000 }, () => ({
      from: pick().id,
      to: pick().id,
      type: next() < 0.2 ? ('recommends' as const) : ('friend' as const),
      createdAt: now - Math.floor(next() * span),
    })),
  }
}

describe.runIf(process.env.CARNET_HISTORY_SCALE)('segment history at full size', () => {
  it('classifies 20,000 customers at every period end in a few seconds', () => {
    const now = Date.UTC(2026, 10, 20)
    const input = busyShop(now)
    const cpu = process.cpuUsage()
    const started = performance.now()
    const model = computeSegmentHistoryModel(input, now)
    const computed = performance.now()
    const cpuMs = process.cpuUsage(cpu).user / 1000
    const months = segmentHistory(model.snapshots, 'rfm', model.periods.month)
    const done = performance.now()
    console.log(
      `segment history: ${model.snapshots.ends.length} period ends, ` +
        `${Math.round(computed - started)} ms to classify (${Math.round(cpuMs)} ms of CPU), ` +
        `${Math.round(done - computed)} ms for the sizes and flows of one grouping`,
    )
    expect(months.sizes.at(-1)!.reduce((a, b) => a + b, 0)).toBe(20_000)
    expect(computed - started).toBeLessThan(15_000)
  }, 120_000)
})
