/** Segment history: groups as they stood at past period ends, sizes, and flows between them. */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  ABSENT,
  HISTORY_GROUPINGS,
  HISTORY_GROUPS,
  NEWCOMERS,
  classifyAtPeriodEnds,
  computeSegmentHistoryModel,
  periodEnds,
  segmentHistory,
  stageAtEnd,
  stageTimeline,
} from '../../../src/value/segment-history'
import type { HistoryInput } from '../../../src/value/segment-history'
import { computeStage } from '../../../src/notebook/ladder'
import { computeValueModel } from '../../../src/value/value-model'
import { shiftTables } from '../../../src/io/load-notebook'
import { parseNotebookText } from '../../../src/io/notebook-file'

const DAY = 86_400_000
const day = (n: number) => n * DAY

function customer(id: string, createdDay: number, override?: { stage: 'engaged'; at: number }) {
  return {
    id,
    kind: 'customer' as const,
    createdAt: day(createdDay),
    ...(override ? { stageOverride: { ...override, reason: '' } } : {}),
  }
}
const buy = (customerId: string, atDay: number, amount: number, currency = 'EUR') => ({
  customerId,
  at: day(atDay),
  amount,
  currency,
})
const note = (
  about: string,
  atDay: number,
  extra: Partial<HistoryInput['notes'][number]> = {},
) => ({
  about: [about],
  kind: 'conversation' as const,
  at: day(atDay),
  facets: [],
  source: 'observed' as const,
  ...extra,
})

describe('periodEnds', () => {
  it('ends each past month at its last instant, then today', () => {
    const now = new Date(2026, 10, 20, 12).getTime()
    expect(periodEnds(now, 'month', 3)).toEqual([
      new Date(2026, 9, 1).getTime() - 1,
      new Date(2026, 10, 1).getTime() - 1,
      now,
    ])
    const january = new Date(2026, 0, 15).getTime()
    expect(periodEnds(january, 'month', 3)).toEqual([
      new Date(2025, 11, 1).getTime() - 1,
      new Date(2026, 0, 1).getTime() - 1,
      january,
    ])
  })

  it('ends each past calendar quarter at its last instant, then today', () => {
    const now = new Date(2026, 10, 20).getTime()
    expect(periodEnds(now, 'quarter', 3)).toEqual([
      new Date(2026, 6, 1).getTime() - 1,
      new Date(2026, 9, 1).getTime() - 1,
      now,
    ])
    expect(periodEnds(now, 'quarter', 1)).toEqual([now])
    expect(periodEnds(now, 'quarter', 0)).toEqual([])
  })
})

// Day 10 and day 20. A and B buy early; C appears on day 12 with a note and no purchase; D is
// created after both ends; E was created on day 25 by an import of a purchase from day 3.
const input: HistoryInput = {
  entities: [
    customer('A', 0),
    customer('B', 0),
    customer('C', 12),
    customer('D', 30),
    customer('E', 25),
    { id: 'P', kind: 'product', createdAt: 0 },
  ],
  ties: [],
  notes: [note('C', 13)],
  purchases: [
    buy('A', 15, 100),
    buy('A', 1, 100),
    buy('B', 5, 50),
    buy('E', 3, 30),
    buy('D', 40, 999),
  ],
}
const ends = [day(10), day(20)]

describe('classifyAtPeriodEnds', () => {
  const snapshots = classifyAtPeriodEnds(input, ends)
  const at = (grouping: (typeof HISTORY_GROUPINGS)[number], period: number, id: string) => {
    const code = snapshots.codes[grouping][period]![snapshots.customerIds.indexOf(id)]!
    return code === ABSENT ? 'absent' : HISTORY_GROUPS[grouping][code]
  }

  it('scores RFM among the buyers of the day', () => {
    // Day 10: last purchases A 1, B 5, E 3 → R 1, 4, 2; one purchase each → F 1.
    expect(['A', 'B', 'C', 'D', 'E'].map((id) => at('rfm', 0, id))).toEqual([
      'lost',
      'promising',
      'absent',
      'absent',
      'hibernating',
    ])
    // Day 20: A bought again (R 4, F 4), B and E did not.
    expect(['A', 'B', 'C', 'D', 'E'].map((id) => at('rfm', 1, id))).toEqual([
      'loyal',
      'hibernating',
      'no-purchase',
      'absent',
      'lost',
    ])
  })

  it('ranks tiers on the spend up to each end', () => {
    expect(['A', 'B', 'C', 'E'].map((id) => at('tier', 0, id))).toEqual([
      'top-5',
      'rest',
      'absent',
      'rest',
    ])
    expect(['A', 'B', 'C', 'E'].map((id) => at('tier', 1, id))).toEqual([
      'top-5',
      'rest',
      'no-purchase',
      'rest',
    ])
  })

  it('climbs the ladder only on what was dated by then', () => {
    const ladder: HistoryInput = {
      entities: [customer('S', 0), customer('T', 0, { stage: 'engaged', at: day(15) })],
      ties: [{ from: 'S', to: 'T', type: 'recommends', since: day(25), createdAt: day(1) }],
      notes: [note('S', 2, { kind: 'complaint', followUp: { doneAt: day(15) } }), note('T', 2)],
      purchases: [],
    }
    const history = segmentHistory(
      classifyAtPeriodEnds(ladder, [day(10), day(20), day(30)]),
      'stage',
    )
    const stageOf = (period: number, id: string) =>
      history.groups.find((_, group) => history.members[period]![group]!.includes(id))
    // S: a complaint, answered on day 15, then a recommendation from day 25.
    expect([0, 1, 2].map((period) => stageOf(period, 'S'))).toEqual([
      'known',
      'attended',
      'engaged',
    ])
    // T: set to engaged by hand on day 15.
    expect([0, 1, 2].map((period) => stageOf(period, 'T'))).toEqual(['known', 'engaged', 'engaged'])
  })
})

describe('segmentHistory', () => {
  const history = segmentHistory(classifyAtPeriodEnds(input, ends), 'rfm')

  it('gives each group’s size and members at each end', () => {
    const size = (period: number, group: string) =>
      history.sizes[period]![history.groups.indexOf(group as never)]
    expect(size(0, 'lost')).toBe(1)
    expect(size(1, 'no-purchase')).toBe(1)
    expect(history.sizes.map((row) => row.reduce((a, b) => a + b, 0))).toEqual([3, 4])
    expect(history.members[1]![history.groups.indexOf('loyal')]).toEqual(['A'])
  })

  it('lists the flows, newcomers first, then in group order', () => {
    expect(history.flows).toEqual([
      [
        { from: NEWCOMERS, to: 'no-purchase', ids: ['C'] },
        { from: 'promising', to: 'hibernating', ids: ['B'] },
        { from: 'hibernating', to: 'lost', ids: ['E'] },
        { from: 'lost', to: 'loyal', ids: ['A'] },
      ],
    ])
  })

  it('picks the periods asked for among the snapshots', () => {
    const model = computeSegmentHistoryModel(input, day(20), { month: 3, quarter: 2 })
    expect(model.periods.month.at(-1)).toBe(day(20))
    const months = segmentHistory(model.snapshots, 'tier', model.periods.month)
    expect(months.ends).toEqual(model.periods.month)
    expect(months.sizes).toHaveLength(3)
    expect(() => segmentHistory(model.snapshots, 'tier', [day(7)])).toThrow()
  })
})

describe('segmentHistory flows (property)', () => {
  const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']
  const arbitraryInput = fc.record({
    created: fc.array(fc.integer({ min: 0, max: 100 }), {
      minLength: ids.length,
      maxLength: ids.length,
    }),
    purchases: fc.array(
      fc.record({
        customer: fc.constantFrom(...ids),
        at: fc.integer({ min: 0, max: 100 }),
        amount: fc.integer({ min: -50, max: 500 }),
        currency: fc.constantFrom('EUR', 'EUR', 'EUR', 'USD'),
      }),
      { maxLength: 60 },
    ),
    notes: fc.array(
      fc.record({
        customer: fc.constantFrom(...ids),
        at: fc.integer({ min: 0, max: 100 }),
        kind: fc.constantFrom('conversation', 'complaint', 'praise'),
        done: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
      }),
      { maxLength: 20 },
    ),
    ends: fc.uniqueArray(fc.integer({ min: 0, max: 110 }), { minLength: 2, maxLength: 6 }),
  })

  it('sends every customer of a period somewhere, and fills the next period with them and the newcomers', () => {
    fc.assert(
      fc.property(arbitraryInput, (raw) => {
        const data: HistoryInput = {
          entities: ids.map((id, index) => customer(id, raw.created[index]!)),
          ties: [],
          notes: raw.notes.map((item) =>
            note(item.customer, item.at, {
              kind: item.kind,
              ...(item.done === undefined ? {} : { followUp: { doneAt: day(item.done) } }),
            }),
          ),
          purchases: raw.purchases.map((item) =>
            buy(item.customer, item.at, item.amount, item.currency),
          ),
        }
        const snapshots = classifyAtPeriodEnds(data, [...raw.ends].sort((a, b) => a - b).map(day))
        for (const grouping of HISTORY_GROUPINGS) {
          const history = segmentHistory(snapshots, grouping)
          history.flows.forEach((flows, period) => {
            const out = history.groups.map(() => 0)
            const into = history.groups.map(() => 0)
            let newcomers = 0
            for (const flow of flows) {
              expect(flow.ids.length).toBeGreaterThan(0)
              if (flow.from === NEWCOMERS) newcomers += flow.ids.length
              else out[history.groups.indexOf(flow.from)]! += flow.ids.length
              into[history.groups.indexOf(flow.to)]! += flow.ids.length
            }
            expect(out).toEqual(history.sizes[period])
            expect(into).toEqual(history.sizes[period + 1])
            const total = (row: number[]) => row.reduce((a, b) => a + b, 0)
            expect(total(history.sizes[period]!) + newcomers).toBe(
              total(history.sizes[period + 1]!),
            )
          })
        }
      }),
    )
  })
})

describe('segment history of the English sample', () => {
  const text = readFileSync(
    fileURLToPath(new URL('../../../assets/samples/sample-en.carnet', import.meta.url)),
    'utf8',
  )
  const parsed = parseNotebookText(text)
  if (!parsed.ok) throw new Error('sample did not parse')
  const now = Date.UTC(2026, 10, 20)
  const WEEK = 7 * DAY
  const tables = shiftTables(
    parsed.file.tables,
    Math.floor((now - (parsed.file.anchor ?? now)) / WEEK) * WEEK,
  )
  const sample = {
    entities: tables.entities,
    ties: tables.ties,
    notes: tables.notes,
    purchases: tables.transactions,
  }
  const model = computeValueModel({ ...sample, now })
  const history = computeSegmentHistoryModel(sample, now)

  it('ends on today’s groups, the ones the live model shows', () => {
    for (const grouping of HISTORY_GROUPINGS) {
      const today = segmentHistory(history.snapshots, grouping, [now])
      const live = new Map<string, string>(
        model.segmentData.customers.map((entry) => [
          entry.id,
          grouping === 'rfm'
            ? (entry.rfm?.group ?? 'no-purchase')
            : grouping === 'tier'
              ? (entry.tier ?? 'no-purchase')
              : (entry.stage ?? 'none'),
        ]),
      )
      today.groups.forEach((group, index) => {
        for (const id of today.members[0]![index]!) expect(live.get(id), grouping).toBe(group)
      })
      expect(today.sizes[0]!.reduce((a, b) => a + b, 0)).toBe(model.customers.length)
    }
  })

  it('grows over the year as customers arrive', () => {
    const quarters = segmentHistory(history.snapshots, 'rfm', history.periods.quarter)
    const totals = quarters.sizes.map((row) => row.reduce((a, b) => a + b, 0))
    expect(totals[0]).toBe(0)
    expect(totals.at(-1)).toBe(40)
    totals.slice(1).forEach((total, index) => expect(total).toBeGreaterThanOrEqual(totals[index]!))
  })
})

describe('stageAtEnd', () => {
  it('agrees with the ladder computed from what was dated by each end', () => {
    const arbitraryNote = fc.record({
      at: fc.integer({ min: 0, max: 400 }),
      kind: fc.constantFrom('conversation', 'complaint', 'question', 'praise'),
      facets: fc.subarray(['identity', 'habits', 'know-how', 'social'] as const),
      source: fc.constantFrom('observed', 'volunteered'),
      done: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
    })
    fc.assert(
      fc.property(
        fc.array(arbitraryNote, { maxLength: 12 }),
        fc.array(
          fc.record({
            type: fc.constantFrom('recommends', 'friend', 'referred'),
            outgoing: fc.boolean(),
            since: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
            created: fc.integer({ min: 0, max: 400 }),
          }),
          { maxLength: 3 },
        ),
        fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
        fc.integer({ min: 0, max: 420 }),
        (rawNotes, rawTies, firstPurchase, endDay) => {
          const notes = rawNotes.map((item) => ({
            about: ['S'],
            kind: item.kind,
            at: day(item.at),
            facets: [...item.facets],
            source: item.source,
            ...(item.done === undefined ? {} : { followUp: { doneAt: day(item.done) } }),
          }))
          const ties = rawTies.map((item) => ({
            from: item.outgoing ? 'S' : 'X',
            to: item.outgoing ? 'X' : 'S',
            type: item.type,
            ...(item.since === undefined ? {} : { since: day(item.since) }),
            createdAt: day(item.created),
          }))
          const end = day(endDay)
          const timeline = stageTimeline(
            customer('S', 0),
            notes,
            ties,
            firstPurchase === undefined ? Infinity : day(firstPurchase),
          )
          const expected = computeStage({
            customerId: 'S',
            notes: notes
              .filter((item) => item.at <= end)
              .map((item) =>
                item.followUp && item.followUp.doneAt > end ? { ...item, followUp: {} } : item,
              ),
            ties: ties.filter((tie) => (tie.since ?? tie.createdAt) <= end),
            purchases: firstPurchase !== undefined && day(firstPurchase) <= end ? [1] : [],
            now: end,
          }).stage
          expect(stageAtEnd(timeline, end)).toBe(expected)
        },
      ),
    )
  })
})
